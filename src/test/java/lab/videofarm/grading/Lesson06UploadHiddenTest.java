package lab.videofarm.grading;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 6, hidden: a missing file and a refused upload. */
@Tag("lesson-6")
class Lesson06UploadHiddenTest {
  private static final Lesson LESSON = Lesson.UPLOAD;

  @TempDir Path root;

  @Test
  @Points(1)
  void uploadingAMissingFileFailsWithoutLeavingATask() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      String id = phone.addVideo("Lamb");
      phone.launchApp();

      Object answer = phone.command("uploadVideo", root.resolve("gone.mp4").toString(), id);

      boolean noTask =
          phone.events().stream()
              .filter(LessonPhone.event(Layer.SESSION, "task created"))
              .noneMatch(e -> e.detail().startsWith("UPLOAD"));
      if (!(answer instanceof LessonPhone.Failed failed)
          || !(failed.cause() instanceof NoSuchFileException)
          || !noTask) {
        throw LESSON.failure(
            "uploadVideo of a missing file to throw NoSuchFileException before any task is made",
            Transfers.describe(answer) + (noTask ? "" : ", and an upload task was made"),
            "Check the file before the task");
      }
    }
  }

  @Test
  @Points(1)
  void anUploadTheServerRefusesFailsWithItsStatus() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      Path file = Files.write(root.resolve("movie.mp4"), Transfers.movie(4096, 64));
      phone.launchApp();

      long task = steps.startUpload(file, "404040");

      Optional<TimelineEvent> failed =
          phone.awaitOptional(Transfers.notification("VideoUploadFailed", task));
      if (failed.isEmpty() || !failed.get().detail().contains("404")) {
        throw LESSON.failure(
            "VideoUploadFailed naming HTTP 404: the server has no such video, and an HTTP error"
                + " completes without an error",
            failed.map(e -> "VideoUploadFailed said " + e.detail()).orElse(phone.lastWords()),
            "201 and 204 are both success");
      }
    }
  }
}
