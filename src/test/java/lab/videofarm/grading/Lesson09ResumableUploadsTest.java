package lab.videofarm.grading;

import static lab.videofarm.grading.Transfers.MOVIE_BYTES;
import static lab.videofarm.grading.Transfers.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.server.RecordedRequest;
import lab.videofarm.story.VideoFarmPhone;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesson 9: an upload cut by a force quit goes on from the resume data its error carried: a new
 * task asks the server how much it has (HEAD) and sends only the rest (PATCH).
 */
@Tag("lesson-9")
class Lesson09ResumableUploadsTest {
  private static final Lesson LESSON = Lesson.RESUMABLE_UPLOADS;

  @TempDir Path root;

  @Test
  @Points(4)
  void aCutUploadGoesOnFromItsResumeDataWithHeadAndPatch() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      byte[] movie = Transfers.movie(MOVIE_BYTES, 91);
      String id = phone.addVideo("Byre");
      long task = cutUpload(phone, steps, Files.write(root.resolve("movie.mp4"), movie), id);

      Object answer = phone.command("resumeUpload", id);

      long resumed = continued(phone, answer, task);
      steps.uploadFinished(resumed);
      steps.onServer(id, movie);
      List<RecordedRequest> sent =
          phone.server().requests().stream()
              .filter(r -> List.of("PUT", "HEAD", "PATCH").contains(r.method()))
              .toList();
      List<String> methods = sent.stream().map(RecordedRequest::method).toList();
      long bodyBytes =
          sent.stream()
              .filter(r -> !r.method().equals("HEAD"))
              .mapToLong(RecordedRequest::bodyBytesReceived)
              .sum();
      int head = methods.lastIndexOf("HEAD");
      if (head < 0 || methods.lastIndexOf("PATCH") < head || bodyBytes != MOVIE_BYTES) {
        throw LESSON.failure(
            "the new task to ask the server what it has (HEAD), then send only the rest (PATCH):"
                + " "
                + MOVIE_BYTES
                + " bytes in all",
            "the server got " + methods + " with " + bodyBytes + " body bytes",
            "No request, no file");
      }
    }
  }

  /**
   * Starts a throttled upload, force-quits the app mid-way, and launches it again; returns once the
   * new launch has heard that the upload failed.
   */
  static long cutUpload(LessonPhone phone, Steps steps, Path file, String id) throws Exception {
    long task = steps.uploadUnderWay(file, id);
    phone.device().forceQuit(VideoFarmPhone.APP);
    phone.await(LessonPhone.event(Layer.DAEMON, "force quit"), "the force quit");
    phone.server().faults().throttleBytesPerSecond(0);
    phone.launchApp();
    phone.await(
        notification("VideoUploadFailed", task).and(e -> e.launch() == 2),
        "VideoUploadFailed for #" + task + ", cut by the force quit, in the next launch");
    return task;
  }

  /** The task resumeUpload continued the upload with; fails if it did not. */
  private static long continued(LessonPhone phone, Object answer, long task) throws Exception {
    Optional<TimelineEvent> said =
        answer instanceof LessonPhone.Failed
            ? Optional.empty()
            : phone.awaitOptional(
                notification("VideoUploadResumed")
                    .or(LessonPhone.event(Layer.APP, "resumeUpload ignored")));
    if (said.isEmpty() || said.get().layer() == Layer.APP) {
      throw LESSON.failure(
          "resumeUpload to continue the failed upload #" + task + " from its resume data",
          answer instanceof LessonPhone.Failed
              ? Transfers.describe(answer)
              : said.map(e -> "the app said: resumeUpload ignored, " + e.detail())
                  .orElse(phone.lastWords()),
          "Where the resume data is");
    }
    if (said.get().taskId() == task) {
      throw LESSON.failure(
          "VideoUploadResumed for a new task: uploadTask(resumeData) makes one",
          "VideoUploadResumed was posted for the failed task #" + task,
          "A new task, a new identifier");
    }
    return said.get().taskId();
  }
}
