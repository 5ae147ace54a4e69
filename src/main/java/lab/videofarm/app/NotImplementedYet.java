package lab.videofarm.app;

/**
 * Thrown by a lesson's exercise in the student starter until the student writes it. The app catches
 * it where a user would see the result and shows "not implemented yet" instead of crashing.
 */
public final class NotImplementedYet extends UnsupportedOperationException {
  private final int lesson;

  public NotImplementedYet(int lesson, String method) {
    super(
        "Lesson "
            + lesson
            + ": "
            + method
            + " is not implemented yet. See lessons/"
            + LessonFolders.folder(lesson)
            + "/README.md");
    this.lesson = lesson;
  }

  public int lesson() {
    return lesson;
  }
}
