package lab.videofarm.grading;

import static lab.videofarm.grading.Transfers.MOVIE_BYTES;
import static lab.videofarm.grading.Transfers.delegate;
import static lab.videofarm.grading.Transfers.notification;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.server.RecordedRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesson 5: a pause keeps resume data, and the resume goes on from its offset with a new task
 * without fetching a byte twice; without resume data it starts over.
 */
@Tag("lesson-5")
class Lesson05PauseResumeTest {
  private static final Lesson LESSON = Lesson.PAUSE_RESUME;

  @TempDir Path root;

  @Test
  @Points(2)
  void pausingADownloadKeepsItsResumeData() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      String id = phone.addVideoWithMovie("Cows", Transfers.movie(MOVIE_BYTES, 51));
      long task = downloadUnderWay(phone, id);

      TimelineEvent paused = pause(phone, id, task);

      if (!paused.detail().endsWith("resumable")) {
        throw LESSON.failure(
            "VideoDownloadPaused saying \"resumable\": the server serves ranges, so the cancel"
                + " gives resume data, kept with the record",
            "VideoDownloadPaused said " + paused.detail(),
            "Mark it paused before you cancel");
      }
    }
  }

  @Test
  @Points(3)
  void resumingContinuesAtTheOffsetWithoutFetchingAByteTwice() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      byte[] movie = Transfers.movie(MOVIE_BYTES, 52);
      String id = phone.addVideoWithMovie("Sheep", movie);
      long task = downloadUnderWay(phone, id);
      pause(phone, id, task);
      phone.server().faults().throttleBytesPerSecond(0);

      long resumed = resume(phone, id, task);

      TimelineEvent atOffset =
          phone.await(delegate("didResumeAtOffset", resumed), "didResumeAtOffset for #" + resumed);
      long offset = Long.parseLong(atOffset.detail().split(" ")[0]);
      Optional<TimelineEvent> said =
          phone.awaitOptional(notification("VideoDownloadResumed", resumed));
      if (said.isEmpty() || !said.get().detail().endsWith("from " + offset + " bytes")) {
        throw LESSON.failure(
            "VideoDownloadResumed from " + offset + " bytes, the offset didResumeAtOffset gives",
            said.map(e -> "VideoDownloadResumed said " + e.detail()).orElse(phone.lastWords()),
            "Who knows the offset");
      }
      Lesson04DownloadTest.finished(phone, resumed);
      Lesson04DownloadTest.inLibrary(phone, id, "movie", movie);
      RecordedRequest last = lastMovieGet(phone, id);
      if (offset <= 0
          || !last.header("Range").orElse("").equals("bytes=" + offset + "-")
          || last.bodyBytesSent() != MOVIE_BYTES - offset) {
        throw LESSON.failure(
            "the resumed task to ask for the rest (Range: bytes=" + offset + "-) and get only it",
            "the last GET of the movie had Range "
                + last.header("Range").orElse("none")
                + " and got "
                + last.bodyBytesSent()
                + " bytes",
            "Use the resume data once");
      }
    }
  }

  @Test
  @Points(2)
  void withoutResumeDataTheResumeStartsOverAndSaysSo() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      byte[] movie = Transfers.movie(MOVIE_BYTES, 53);
      String id = phone.addVideoWithMovie("Goats", movie);
      phone.server().faults().disableRanges(true);
      long task = downloadUnderWay(phone, id);
      TimelineEvent paused = pause(phone, id, task);
      if (!paused.detail().endsWith("no resume data")) {
        throw LESSON.failure(
            "VideoDownloadPaused saying \"no resume data\": this server serves no ranges",
            "VideoDownloadPaused said " + paused.detail(),
            "Nil is an answer");
      }
      phone.server().faults().throttleBytesPerSecond(0);

      long resumed = resume(phone, id, task);

      Optional<TimelineEvent> said =
          phone.awaitOptional(notification("VideoDownloadResumed", resumed));
      if (said.isEmpty() || !said.get().detail().endsWith("from 0 bytes")) {
        throw LESSON.failure(
            "VideoDownloadResumed from 0 bytes: without resume data the movie starts over",
            said.map(e -> "VideoDownloadResumed said " + e.detail()).orElse(phone.lastWords()),
            "Nil is an answer");
      }
      Lesson04DownloadTest.finished(phone, resumed);
      Lesson04DownloadTest.inLibrary(phone, id, "movie", movie);
    }
  }

  /** Launches the app and starts a throttled download; returns once it is under way. */
  static long downloadUnderWay(LessonPhone phone, String id) throws Exception {
    phone.server().faults().throttleBytesPerSecond(Transfers.THROTTLE);
    phone.launchApp();
    long task = Lesson04DownloadTest.startDownload(phone, id);
    phone.await(Transfers.underWay("didWriteData", task), "didWriteData for the movie #" + task);
    return task;
  }

  /** Pauses the video's download; returns its VideoDownloadPaused. */
  static TimelineEvent pause(LessonPhone phone, String id, long task) throws Exception {
    Object answer = phone.command("pauseDownloads", id);
    Optional<TimelineEvent> paused =
        answer instanceof LessonPhone.Failed
            ? Optional.empty()
            : phone.awaitOptional(notification("VideoDownloadPaused", task));
    if (paused.isEmpty()) {
      throw LESSON.failure(
          "pauseDownloads to cancel the movie task #"
              + task
              + " for resume data, then post"
              + " VideoDownloadPaused",
          answer instanceof LessonPhone.Failed ? Transfers.describe(answer) : phone.lastWords(),
          "The pause completes as \"cancelled\"");
    }
    Optional<TimelineEvent> failed =
        phone.events().stream().filter(notification("VideoDownloadFailed", task)).findFirst();
    if (failed.isPresent()) {
      throw LESSON.failure(
          "the \"cancelled\" completion of a paused task to be no failure",
          "VideoDownloadFailed: " + failed.get().detail(),
          "The pause completes as \"cancelled\"");
    }
    return paused.get();
  }

  /** Resumes the video's download; returns the new movie task. */
  static long resume(LessonPhone phone, String id, long task) throws Exception {
    Object answer = phone.command("resumeDownloads", id);
    if (!(answer instanceof Long resumed) || resumed == -1 || resumed == task) {
      throw LESSON.failure(
          "resumeDownloads to return the identifier of a new movie task",
          Transfers.describe(answer) + (answer.equals(task) ? ", the paused task's" : ""),
          "A resumed download is a new task");
    }
    return resumed;
  }

  private static RecordedRequest lastMovieGet(LessonPhone phone, String id) {
    List<RecordedRequest> gets =
        phone.server().requests().stream()
            .filter(r -> r.method().equals("GET") && r.path().equals("/videos/" + id + "/movie"))
            .toList();
    return gets.get(gets.size() - 1);
  }
}
