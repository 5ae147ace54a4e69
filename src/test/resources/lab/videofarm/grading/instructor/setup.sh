#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image. AUTOGRADER_ROOT moves
# /autograder elsewhere (for trying it out).
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"

java_major() {
  javac -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p'
}
if [ "$(java_major || true)" = "" ] || [ "$(java_major)" -lt 17 ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless
fi

chmod +x "$ROOT/source/run_autograder" "$ROOT/source/project/grade" "$ROOT/source/project/mvnw"
cd "$ROOT/source/project"
# Fetch the libraries and compile the solution now, so that grading a submission compiles only the
# student's files.
./grade compile
