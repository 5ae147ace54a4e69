package lab.videofarm.grading;

import static lab.videofarm.grading.Transfers.MOVIE_BYTES;
import static lab.videofarm.grading.Transfers.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import lab.videofarm.app.VFMAPIClient;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesson 6: a movie uploads from its file in the background session and reaches the server byte for
 * byte; the user can suspend, resume and cancel it.
 */
@Tag("lesson-6")
class Lesson06UploadTest {
  private static final Lesson LESSON = Lesson.UPLOAD;

  @TempDir Path root;

  @Test
  @Points(3)
  void aMovieUploadedFromItsFileReachesTheServerByteForByte() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      byte[] movie = Transfers.movie(MOVIE_BYTES, 61);
      Path file = Files.write(root.resolve("movie.mp4"), movie);
      String id = phone.addVideo("Sheep");
      phone.launchApp();

      long task = steps.startUpload(file, id);

      steps.uploadFinished(task);
      steps.onServer(id, movie);
      Optional<TimelineEvent> created =
          phone.events().stream()
              .filter(LessonPhone.event(Layer.SESSION, "task created"))
              .filter(e -> e.taskId() == task)
              .findFirst();
      if (created.isEmpty()
          || !created.get().sessionId().equals(VFMAPIClient.BACKGROUND_IDENTIFIER)
          || !created.get().detail().startsWith("UPLOAD PUT")) {
        throw LESSON.failure(
            "an upload task PUT in the background session \""
                + VFMAPIClient.BACKGROUND_IDENTIFIER
                + "\"",
            created
                .map(e -> "the task was " + e.detail() + " in session \"" + e.sessionId() + "\"")
                .orElse("no task #" + task + " was created"),
            "From a file, in the background session");
      }
    }
  }

  @Test
  @Points(2)
  void aSuspendedUploadResumesAndStillArrivesWhole() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      byte[] movie = Transfers.movie(MOVIE_BYTES, 62);
      String id = phone.addVideo("Horse");
      long task = steps.uploadUnderWay(Files.write(root.resolve("movie.mp4"), movie), id);

      Object suspend = phone.command("suspendUpload", id);
      changed(phone, suspend, "VideoUploadSuspended", task, "suspendUpload");
      phone.server().faults().throttleBytesPerSecond(0);
      Object resume = phone.command("resumeUpload", id);
      changed(phone, resume, "VideoUploadResumed", task, "resumeUpload");

      steps.uploadFinished(task);
      steps.onServer(id, movie);
    }
  }

  @Test
  @Points(2)
  void aCancelledUploadFailsAsCancelled() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      String id = phone.addVideo("Donkey");
      Path file = Files.write(root.resolve("movie.mp4"), Transfers.movie(MOVIE_BYTES, 63));
      long task = steps.uploadUnderWay(file, id);

      Object answer = phone.command("cancelUpload", id);

      Optional<TimelineEvent> failed =
          answer instanceof LessonPhone.Failed
              ? Optional.empty()
              : phone.awaitOptional(notification("VideoUploadFailed", task));
      if (failed.isEmpty() || !failed.get().detail().contains("-999")) {
        throw LESSON.failure(
            "cancelUpload to cancel task #"
                + task
                + "; its didCompleteWithError(-999 cancelled) then fails the upload",
            answer instanceof LessonPhone.Failed
                ? Transfers.describe(answer)
                : failed.map(e -> "VideoUploadFailed said " + e.detail()).orElse(phone.lastWords()),
            "Cancel is asynchronous");
      }
    }
  }

  private static void changed(
      LessonPhone phone, Object answer, String notification, long task, String command)
      throws Exception {
    Optional<TimelineEvent> changed =
        answer instanceof LessonPhone.Failed
            ? Optional.empty()
            : phone.awaitOptional(notification(notification, task));
    if (changed.isEmpty()) {
      throw LESSON.failure(
          command + " to change task #" + task + ", then post " + notification,
          answer instanceof LessonPhone.Failed ? Transfers.describe(answer) : phone.lastWords(),
          "Change the state when the daemon has done it");
    }
  }
}
