package lab.videofarm.grading;

/**
 * A lesson as its graders speak of it: its number and its folder under {@code lessons/}, so that a
 * failure says which README to read and which hint.
 */
record Lesson(int number, String folder) {
  static final Lesson SESSIONS = new Lesson(1, "01-sessions");
  static final Lesson VIDEO_LIST = new Lesson(2, "02-video-list");

  /**
   * A failure that teaches: what was expected, what happened, and which hint to read.
   *
   * @param hint the hint's title in the lesson's README
   */
  AssertionError failure(String expected, String happened, String hint) {
    return new AssertionError(
        "Lesson "
            + number
            + ".\n  Expected: "
            + expected
            + "\n  Happened: "
            + happened
            + "\n  Read: the hint \""
            + hint
            + "\" in lessons/"
            + folder
            + "/README.md");
  }
}
