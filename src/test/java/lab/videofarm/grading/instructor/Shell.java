package lab.videofarm.grading.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a command as a user would, its output saved to a log file. */
final class Shell {
  private final Path logs;

  Shell(Path logs) {
    this.logs = logs;
  }

  /** How a command ended, and how long it took. */
  record Run(String name, int exitCode, long millis, Path log) {
    String tail() throws IOException {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    String seconds() {
      return String.format("%.1f s", millis / 1000.0);
    }
  }

  Run run(String name, Path directory, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    return new Run(name, exit, (System.nanoTime() - start) / 1_000_000, log);
  }
}
