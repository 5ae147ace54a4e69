package lab.videofarm.grading;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.videofarm.app.LessonFolders;

/**
 * A lesson as its graders speak of it: its number and its folder under {@code lessons/}, so that a
 * failure says which README to read and which hint.
 */
record Lesson(int number, String folder) {
  private static final Pattern UNWRITTEN =
      Pattern.compile("Lesson (\\d+): \\w+ is not implemented");
  static final Lesson SESSIONS = new Lesson(1, "01-sessions");
  static final Lesson VIDEO_LIST = new Lesson(2, "02-video-list");
  static final Lesson PREPARE_VIDEO = new Lesson(3, "03-prepare-video");
  static final Lesson DOWNLOAD = new Lesson(4, "04-download");
  static final Lesson PAUSE_RESUME = new Lesson(5, "05-pause-resume");
  static final Lesson UPLOAD = new Lesson(6, "06-upload");
  static final Lesson RELAUNCH = new Lesson(7, "07-relaunch");
  static final Lesson BACKGROUND_FETCH = new Lesson(8, "08-background-fetch");
  static final Lesson RESUMABLE_UPLOADS = new Lesson(9, "09-resumable-uploads");

  /** Not a lesson: every lesson's "not implemented yet" counts, for checking the whole app. */
  static final Lesson ALL = new Lesson(Integer.MAX_VALUE, "");

  /**
   * A failure that teaches: what was expected, what happened, and which hint to read.
   *
   * @param hint the hint's title in the lesson's README
   */
  AssertionError failure(String expected, String happened, String hint) {
    return teach(expected, happened, "the hint \"" + hint + "\" in ");
  }

  /** A failure that points at the lesson's README as a whole. */
  AssertionError failure(String expected, String happened) {
    return teach(expected, happened, "");
  }

  /**
   * A failure in a step that lesson {@code taught} teaches, met while grading this lesson: it names
   * this lesson, and sends the student to the hint where that step is taught.
   */
  AssertionError failure(Lesson taught, String expected, String happened, String hint) {
    if (taught.equals(this)) {
      return failure(expected, happened, hint);
    }
    return taught.teach(
        number,
        expected + " (this lesson builds on lesson " + taught.number + ")",
        happened,
        "the hint \"" + hint + "\" in ");
  }

  private AssertionError teach(String expected, String happened, String readWhere) {
    return teach(number, expected, happened, readWhere);
  }

  /**
   * The message, naming lesson {@code grading} and pointing into this lesson's README; or, when
   * what happened is an earlier lesson's exercise not written yet, to that lesson's README.
   */
  private AssertionError teach(int grading, String expected, String happened, String readWhere) {
    Matcher unwritten = UNWRITTEN.matcher(happened);
    if (unwritten.find() && Integer.parseInt(unwritten.group(1)) < number) {
      int earlier = Integer.parseInt(unwritten.group(1));
      return message(
          grading,
          expected,
          happened,
          "lessons/"
              + LessonFolders.folder(earlier)
              + "/README.md first: lesson "
              + grading
              + " builds on lesson "
              + earlier);
    }
    return message(grading, expected, happened, readWhere + "lessons/" + folder + "/README.md");
  }

  private static AssertionError message(
      int grading, String expected, String happened, String read) {
    return new AssertionError(
        "Lesson "
            + grading
            + ".\n  Expected: "
            + expected
            + "\n  Happened: "
            + happened
            + "\n  Read: "
            + read);
  }
}
