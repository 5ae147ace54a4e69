package lab.videofarm.grading.instructor;

import java.util.List;

/** Malformed solution markers: one {@code file:line: problem} per line of the message. */
public final class FenceException extends Exception {
  private final List<String> problems;

  public FenceException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
