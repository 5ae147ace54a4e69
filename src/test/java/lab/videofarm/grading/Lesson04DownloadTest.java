package lab.videofarm.grading;

import static lab.videofarm.grading.Transfers.MOVIE_BYTES;
import static lab.videofarm.grading.Transfers.notification;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.story.VideoFarmPhone;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesson 4: the movie and its thumbnail download in the background session, show progress, and are
 * moved into the library before didFinishDownloadingTo returns, even in a launch after a kill.
 */
@Tag("lesson-4")
class Lesson04DownloadTest {
  private static final Lesson LESSON = Lesson.DOWNLOAD;

  @TempDir Path root;

  @Test
  @Points(3)
  void theMovieAndItsThumbnailEndUpInTheLibraryByteForByte() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      byte[] movie = Transfers.movie(MOVIE_BYTES, 41);
      String id = phone.addVideoWithMovie("Pigs", movie);
      phone.launchApp();

      long task = steps.startDownload(id);

      steps.downloadFinished(task);
      steps.inLibrary(id, "movie", movie);
      steps.inLibrary(id, "thumbnail", VideoFarmPhone.png());
    }
  }

  @Test
  @Points(1)
  void progressIsShownForTheMovieOnly() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      String id = phone.addVideoWithMovie("Ducks", Transfers.movie(MOVIE_BYTES, 42));
      phone.launchApp();

      long task = steps.startDownload(id);

      steps.downloadFinished(task);
      List<TimelineEvent> progress =
          phone.events().stream().filter(notification("VideoDownloadProgressed")).toList();
      if (progress.stream().noneMatch(e -> e.taskId() == task)) {
        throw LESSON.failure(
            "VideoDownloadProgressed for the movie task #" + task + " as didWriteData reports",
            "none was posted",
            "Progress for the movie only");
      }
      Optional<TimelineEvent> other = progress.stream().filter(e -> e.taskId() != task).findFirst();
      if (other.isPresent()) {
        throw LESSON.failure(
            "progress for the movie task #" + task + " only: the thumbnail is a few bytes",
            "progress was posted for task #" + other.get().taskId() + ": " + other.get().detail(),
            "Progress for the movie only");
      }
    }
  }

  @Test
  @Points(3)
  void aDownloadCutByAKillEndsInTheLibraryAfterTheBackgroundRelaunch() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      byte[] movie = Transfers.movie(MOVIE_BYTES, 43);
      String id = phone.addVideoWithMovie("Hay", movie);
      phone.server().faults().throttleBytesPerSecond(Transfers.THROTTLE);
      phone.launchApp();
      long task = steps.startDownload(id);
      phone.await(
          Transfers.underWay("didWriteData", task), "didWriteData for the movie task #" + task);

      phone.device().terminate(VideoFarmPhone.APP);
      phone.server().faults().throttleBytesPerSecond(0);

      Optional<TimelineEvent> delivered =
          phone.awaitOptional(Transfers.returned("didFinishDownloadingTo", task));
      if (delivered.isEmpty() || delivered.get().launch() < 2) {
        throw LESSON.failure(
            "the daemon to finish the download and deliver didFinishDownloadingTo to a new launch",
            delivered
                .map(e -> "it was delivered to launch " + e.launch())
                .orElse(phone.lastWords()),
            "Save, then resume");
      }
      steps.inLibrary(id, "movie", movie);
    }
  }
}
