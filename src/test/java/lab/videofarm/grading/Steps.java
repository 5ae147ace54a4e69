package lab.videofarm.grading;

import static lab.videofarm.grading.Transfers.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;

/**
 * The steps several lessons' graders take with a transfer: start a download, pause it, upload a
 * movie... Each step fails as the lesson being graded, and sends the student to the hint of the
 * lesson that teaches the step, so that lesson 7 on an unfinished lesson 4 says what to do.
 */
final class Steps {
  private final LessonPhone phone;
  private final Lesson grading;

  Steps(LessonPhone phone, Lesson grading) {
    this.phone = phone;
    this.grading = grading;
  }

  // ---- downloads (lesson 4) ----

  /** Starts the video's download; returns the movie task's identifier. */
  long startDownload(String id) throws Exception {
    Object answer = phone.command("downloadMovieAndThumbnail", id);
    if (!(answer instanceof Long task)) {
      throw grading.failure(
          Lesson.DOWNLOAD,
          "downloadMovieAndThumbnail to start both downloads and return the movie task's identifier",
          Transfers.describe(answer),
          "Save, then resume");
    }
    return task;
  }

  /** Launches the app and starts a throttled download; returns once it is under way. */
  long downloadUnderWay(String id) throws Exception {
    phone.server().faults().throttleBytesPerSecond(Transfers.THROTTLE);
    phone.launchApp();
    long task = startDownload(id);
    phone.await(Transfers.underWay("didWriteData", task), "didWriteData for the movie #" + task);
    return task;
  }

  /** Waits for VideoDownloadFinished of the movie task. */
  void downloadFinished(long task) throws Exception {
    if (phone.awaitOptional(notification("VideoDownloadFinished", task)).isEmpty()) {
      throw grading.failure(
          Lesson.DOWNLOAD,
          "VideoDownloadFinished for the movie task #"
              + task
              + " once both files are in the library",
          phone.lastWords(),
          "Completion is the last word");
    }
  }

  /** The library holds {@code expected} as the video's {@code file} (movie or thumbnail). */
  void inLibrary(String id, String file, byte[] expected) throws Exception {
    Path kept = phone.container().resolve("Library/Videos/" + id + "/" + file);
    if (!Files.isRegularFile(kept)) {
      throw grading.failure(
          Lesson.DOWNLOAD,
          "the " + file + " at Library/Videos/" + id + "/" + file + " in the app's container",
          "there is no file there: the daemon deletes the temp file when didFinishDownloadingTo"
              + " returns; "
              + notKept(),
          "Move before you return");
    }
    byte[] bytes = Files.readAllBytes(kept);
    if (!Arrays.equals(bytes, expected)) {
      throw grading.failure(
          Lesson.DOWNLOAD,
          "the " + file + " byte for byte as the server has it (" + expected.length + " bytes)",
          "the library holds " + bytes.length + " other bytes",
          "Key on identifiers");
    }
  }

  private String notKept() {
    return phone.events().stream()
        .filter(LessonPhone.event(Layer.APP, "download not kept"))
        .findFirst()
        .map(e -> "the app said: download not kept, " + e.detail())
        .orElse(phone.lastWords());
  }

  // ---- pause and resume (lesson 5) ----

  /** Pauses the video's download; returns its VideoDownloadPaused. */
  TimelineEvent pause(String id, long task) throws Exception {
    Object answer = phone.command("pauseDownloads", id);
    Optional<TimelineEvent> paused =
        answer instanceof LessonPhone.Failed
            ? Optional.empty()
            : phone.awaitOptional(notification("VideoDownloadPaused", task));
    if (paused.isEmpty()) {
      throw grading.failure(
          Lesson.PAUSE_RESUME,
          "pauseDownloads to cancel the movie task #"
              + task
              + " for resume data, then post VideoDownloadPaused",
          answer instanceof LessonPhone.Failed ? Transfers.describe(answer) : phone.lastWords(),
          "The pause completes as \"cancelled\"");
    }
    Optional<TimelineEvent> failed =
        phone.events().stream().filter(notification("VideoDownloadFailed", task)).findFirst();
    if (failed.isPresent()) {
      throw grading.failure(
          Lesson.PAUSE_RESUME,
          "the \"cancelled\" completion of a paused task to be no failure",
          "VideoDownloadFailed: " + failed.get().detail(),
          "The pause completes as \"cancelled\"");
    }
    return paused.get();
  }

  /** Resumes the video's download; returns the new movie task. */
  long resume(String id, long task) throws Exception {
    Object answer = phone.command("resumeDownloads", id);
    if (!(answer instanceof Long resumed) || resumed == -1 || resumed == task) {
      throw grading.failure(
          Lesson.PAUSE_RESUME,
          "resumeDownloads to return the identifier of a new movie task",
          Transfers.describe(answer) + (answer.equals(task) ? ", the paused task's" : ""),
          "A resumed download is a new task");
    }
    return resumed;
  }

  // ---- uploads (lesson 6) ----

  /** Starts uploading {@code file} as the video's movie; returns the task's identifier. */
  long startUpload(Path file, String id) throws Exception {
    Object answer = phone.command("uploadVideo", file.toString(), id);
    if (!(answer instanceof Long task)) {
      throw grading.failure(
          Lesson.UPLOAD,
          "uploadVideo to start an upload task and return its identifier",
          Transfers.describe(answer),
          "From a file, in the background session");
    }
    return task;
  }

  /** Launches the app and starts a throttled upload; returns once it is under way. */
  long uploadUnderWay(Path file, String id) throws Exception {
    phone.server().faults().throttleBytesPerSecond(Transfers.THROTTLE);
    phone.launchApp();
    long task = startUpload(file, id);
    phone.await(
        Transfers.underWay("didSendBodyData", task), "didSendBodyData for the upload #" + task);
    return task;
  }

  void uploadFinished(long task) throws Exception {
    if (phone.awaitOptional(notification("VideoUploadFinished", task)).isEmpty()) {
      throw grading.failure(
          Lesson.UPLOAD,
          "VideoUploadFinished for task #" + task + ": the server answered 201 Created",
          phone.lastWords(),
          "201 and 204 are both success");
    }
  }

  void onServer(String id, byte[] movie) throws Exception {
    Optional<byte[]> stored = phone.serverFile("videos/" + id + "/movie");
    if (stored.isEmpty() || !Arrays.equals(stored.get(), movie)) {
      throw grading.failure(
          Lesson.UPLOAD,
          "the server to hold the movie byte for byte (" + movie.length + " bytes)",
          stored.map(b -> "it holds " + b.length + " other bytes").orElse("it has no movie"),
          "From a file, in the background session");
    }
  }
}
