package lab.videofarm.grading.runner;

import java.util.List;

/**
 * The outcome of one grading run: either the graders' results, or why none could run (a compile
 * error, no grader for the lesson).
 *
 * @param selection what was graded: {@code "lesson 4"} or {@code "all lessons"}
 * @param tests the results, in file order; empty when nothing ran
 * @param error why nothing ran, or {@code null} when the graders ran
 */
public record Grading(String selection, List<GraderResult> tests, String error) {

  public Grading {
    tests = List.copyOf(tests);
  }

  public static Grading ran(String selection, List<GraderResult> tests) {
    return new Grading(selection, tests, null);
  }

  public static Grading error(String selection, String error) {
    return new Grading(selection, List.of(), error);
  }

  public boolean isError() {
    return error != null;
  }

  public boolean allPassed() {
    return !isError() && tests.stream().allMatch(GraderResult::passed);
  }

  public int score() {
    return tests.stream().mapToInt(GraderResult::score).sum();
  }

  public int maxScore() {
    return tests.stream().mapToInt(GraderResult::points).sum();
  }
}
