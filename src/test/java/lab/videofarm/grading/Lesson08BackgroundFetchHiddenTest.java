package lab.videofarm.grading;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 8, hidden: a fetch that fails still answers the system. */
@Tag("lesson-8")
class Lesson08BackgroundFetchHiddenTest {
  private static final Lesson LESSON = Lesson.BACKGROUND_FETCH;

  @TempDir Path root;

  @Test
  @Points(1)
  void aFetchTheServerRefusesAnswersFailedOnce() throws Exception {
    try (LessonPhone phone =
        LessonPhone.startWithAppServer(root, LESSON, base -> base.resolve("no-such-api/"))) {
      String answer = Lesson08BackgroundFetchTest.backgroundFetch(phone);

      if (!answer.startsWith("FAILED")) {
        throw LESSON.failure(
            "performFetch to answer FAILED: the server answered 404 Not Found",
            answer,
            "FAILED is a result too");
      }
      Lesson08BackgroundFetchTest.calledOnce(phone);
    }
  }
}
