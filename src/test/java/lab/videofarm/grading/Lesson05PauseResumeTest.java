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
      Steps steps = new Steps(phone, LESSON);
      String id = phone.addVideoWithMovie("Cows", Transfers.movie(MOVIE_BYTES, 51));
      long task = steps.downloadUnderWay(id);

      TimelineEvent paused = steps.pause(id, task);

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
      Steps steps = new Steps(phone, LESSON);
      byte[] movie = Transfers.movie(MOVIE_BYTES, 52);
      String id = phone.addVideoWithMovie("Sheep", movie);
      long task = steps.downloadUnderWay(id);
      steps.pause(id, task);
      phone.server().faults().throttleBytesPerSecond(0);

      long resumed = steps.resume(id, task);

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
      steps.downloadFinished(resumed);
      steps.inLibrary(id, "movie", movie);
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
      Steps steps = new Steps(phone, LESSON);
      byte[] movie = Transfers.movie(MOVIE_BYTES, 53);
      String id = phone.addVideoWithMovie("Goats", movie);
      phone.server().faults().disableRanges(true);
      long task = steps.downloadUnderWay(id);
      TimelineEvent paused = steps.pause(id, task);
      if (!paused.detail().endsWith("no resume data")) {
        throw LESSON.failure(
            "VideoDownloadPaused saying \"no resume data\": this server serves no ranges",
            "VideoDownloadPaused said " + paused.detail(),
            "Nil is an answer");
      }
      phone.server().faults().throttleBytesPerSecond(0);

      long resumed = steps.resume(id, task);

      Optional<TimelineEvent> said =
          phone.awaitOptional(notification("VideoDownloadResumed", resumed));
      if (said.isEmpty() || !said.get().detail().endsWith("from 0 bytes")) {
        throw LESSON.failure(
            "VideoDownloadResumed from 0 bytes: without resume data the movie starts over",
            said.map(e -> "VideoDownloadResumed said " + e.detail()).orElse(phone.lastWords()),
            "Nil is an answer");
      }
      steps.downloadFinished(resumed);
      steps.inLibrary(id, "movie", movie);
    }
  }

  private static RecordedRequest lastMovieGet(LessonPhone phone, String id) {
    List<RecordedRequest> gets =
        phone.server().requests().stream()
            .filter(r -> r.method().equals("GET") && r.path().equals("/videos/" + id + "/movie"))
            .toList();
    return gets.get(gets.size() - 1);
  }
}
