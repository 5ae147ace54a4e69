package lab.videofarm.grading;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 2, hidden: the cases a student should think of without being told. */
@Tag("lesson-2")
class Lesson02VideoListHiddenTest {
  private static final Lesson LESSON = Lesson.VIDEO_LIST;

  @TempDir Path root;

  @Test
  @Points(1)
  void aServerWithoutVideosGivesAnEmptyListNotAFailure() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      phone.launchApp();

      Object answer = phone.command("fetchVideos");

      if (!(answer instanceof List<?> ids) || !ids.isEmpty()) {
        throw LESSON.failure(
            "success with an empty list: the server answered 200 with []",
            answer instanceof LessonPhone.Failed failed
                ? "it failed: " + failed.describe()
                : "success got " + answer,
            "Decoding the JSON list");
      }
    }
  }
}
