package lab.videofarm.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a grader's failure tells the student: which lesson, and where to read. */
class LessonTest {
  @Test
  void aFailureNamesTheLessonAndTheHintToRead() {
    AssertionError failure =
        Lesson.DOWNLOAD.failure("the movie in the library", "no file", "Move before you return");

    assertThat(failure.getMessage())
        .isEqualTo(
            "Lesson 4.\n  Expected: the movie in the library\n  Happened: no file\n  Read: the"
                + " hint \"Move before you return\" in lessons/04-download/README.md");
  }

  @Test
  void aStepTaughtByAnEarlierLessonSendsTheStudentToThatLessonsHint() {
    AssertionError failure =
        Lesson.RELAUNCH.failure(Lesson.DOWNLOAD, "a download", "it failed", "Save, then resume");

    assertThat(failure.getMessage())
        .startsWith("Lesson 7.")
        .contains("(this lesson builds on lesson 4)")
        .endsWith("Read: the hint \"Save, then resume\" in lessons/04-download/README.md");
  }

  @Test
  void anEarlierLessonNotWrittenYetIsTheReadmeToReadFirst() {
    AssertionError failure =
        Lesson.PREPARE_VIDEO.failure(
            "prepareVideo to succeed",
            "it failed: Lesson 1: foregroundSession is not implemented yet. See ...",
            "Building the request");

    assertThat(failure.getMessage())
        .startsWith("Lesson 3.")
        .endsWith("Read: lessons/01-sessions/README.md first: lesson 3 builds on lesson 1");
  }

  @Test
  void thisLessonsOwnExerciseNotWrittenYetKeepsTheHint() {
    AssertionError failure =
        Lesson.PREPARE_VIDEO.failure(
            "prepareVideo to succeed",
            "it failed: Lesson 3: prepareRequest is not implemented yet. See ...",
            "Building the request");

    assertThat(failure.getMessage())
        .endsWith("Read: the hint \"Building the request\" in lessons/03-prepare-video/README.md");
  }
}
