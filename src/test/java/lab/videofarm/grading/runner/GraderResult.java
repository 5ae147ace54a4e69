package lab.videofarm.grading.runner;

/**
 * One grader's result, in the order it ran (which is its order in its source file).
 *
 * @param lesson the lesson of its {@code lesson-N} tag
 * @param className the grader class, fully qualified
 * @param method the test method's name
 * @param name what reports show: the method name, or its display name if one was set
 * @param points what it is worth ({@code @Points}, default 1)
 * @param hidden whether its class is a hidden grader ({@code *HiddenTest})
 * @param status how it ended
 * @param message the failure's message, empty when it passed
 * @param output what it printed
 * @param testCode its source, as a student would read it
 */
public record GraderResult(
    int lesson,
    String className,
    String method,
    String name,
    int points,
    boolean hidden,
    Status status,
    String message,
    String output,
    String testCode) {

  /** Passed; failed an assertion; or ended with another exception (an error). */
  public enum Status {
    PASSED,
    FAILED,
    ERRORED
  }

  public boolean passed() {
    return status == Status.PASSED;
  }

  public int score() {
    return passed() ? points : 0;
  }
}
