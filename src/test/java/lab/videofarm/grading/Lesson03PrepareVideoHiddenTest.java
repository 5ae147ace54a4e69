package lab.videofarm.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.videofarm.story.VideoFarmPhone;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 3, hidden: a POST the server refuses is a failure, not a video. */
@Tag("lesson-3")
class Lesson03PrepareVideoHiddenTest {
  private static final Lesson LESSON = Lesson.PREPARE_VIDEO;

  @TempDir Path root;

  @Test
  @Points(1)
  void aPostTheServerRefusesReachesTheFailureCallback() throws Exception {
    try (LessonPhone phone =
        LessonPhone.startWithAppServer(root, LESSON, base -> base.resolve("no-such-api/"))) {
      Path thumbnail = Files.write(root.resolve("ox.png"), VideoFarmPhone.png());
      phone.launchApp();

      Object answer = phone.command("prepareVideo", "Ox", thumbnail.toString(), "pulls");

      boolean failedWithHttp =
          answer instanceof LessonPhone.Failed failed
              && !(failed.cause() instanceof java.util.concurrent.TimeoutException)
              && !(failed.cause() instanceof IllegalStateException)
              && !failed.cause().getClass().getSimpleName().equals("NotImplementedYet");
      if (!failedWithHttp) {
        throw LESSON.failure(
            "the server answers the POST with 404 Not Found; prepareVideo must call failure",
            Transfers.describe(answer),
            "303 is a success here");
      }
    }
  }
}
