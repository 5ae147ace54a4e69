package lab.videofarm.grading;

import static lab.videofarm.grading.Transfers.MOVIE_BYTES;
import static lab.videofarm.grading.Transfers.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import lab.videofarm.os.timeline.Layer;
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
      byte[] movie = Transfers.movie(MOVIE_BYTES, 41);
      String id = phone.addVideoWithMovie("Pigs", movie);
      phone.launchApp();

      long task = startDownload(phone, id);

      finished(phone, task);
      inLibrary(phone, id, "movie", movie);
      inLibrary(phone, id, "thumbnail", VideoFarmPhone.png());
    }
  }

  @Test
  @Points(1)
  void progressIsShownForTheMovieOnly() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      String id = phone.addVideoWithMovie("Ducks", Transfers.movie(MOVIE_BYTES, 42));
      phone.launchApp();

      long task = startDownload(phone, id);

      finished(phone, task);
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
      byte[] movie = Transfers.movie(MOVIE_BYTES, 43);
      String id = phone.addVideoWithMovie("Hay", movie);
      phone.server().faults().throttleBytesPerSecond(Transfers.THROTTLE);
      phone.launchApp();
      long task = startDownload(phone, id);
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
      inLibrary(phone, id, "movie", movie);
    }
  }

  /** Starts the download; returns the movie task's identifier. */
  static long startDownload(LessonPhone phone, String id) throws Exception {
    Object answer = phone.command("downloadMovieAndThumbnail", id);
    if (!(answer instanceof Long task)) {
      throw LESSON.failure(
          "downloadMovieAndThumbnail to start both downloads and return the movie task's identifier",
          Transfers.describe(answer),
          "Save, then resume");
    }
    return task;
  }

  /** Waits for VideoDownloadFinished of the movie task. */
  static void finished(LessonPhone phone, long task) throws Exception {
    if (phone.awaitOptional(notification("VideoDownloadFinished", task)).isEmpty()) {
      throw LESSON.failure(
          "VideoDownloadFinished for the movie task #"
              + task
              + " once both files are in the library",
          phone.lastWords(),
          "Completion is the last word");
    }
  }

  /** The library holds {@code expected} as the video's {@code file} (movie or thumbnail). */
  static void inLibrary(LessonPhone phone, String id, String file, byte[] expected)
      throws Exception {
    Path kept = phone.container().resolve("Library/Videos/" + id + "/" + file);
    if (!Files.isRegularFile(kept)) {
      throw LESSON.failure(
          "the " + file + " at Library/Videos/" + id + "/" + file + " in the app's container",
          "there is no file there: the daemon deletes the temp file when didFinishDownloadingTo"
              + " returns; "
              + moved(phone),
          "Move before you return");
    }
    byte[] bytes = Files.readAllBytes(kept);
    if (!Arrays.equals(bytes, expected)) {
      throw LESSON.failure(
          "the " + file + " byte for byte as the server has it (" + expected.length + " bytes)",
          "the library holds " + bytes.length + " other bytes",
          "Key on identifiers");
    }
  }

  private static String moved(LessonPhone phone) {
    return phone.events().stream()
        .filter(LessonPhone.event(Layer.APP, "download not kept"))
        .findFirst()
        .map(e -> "the app said: download not kept, " + e.detail())
        .orElse(phone.lastWords());
  }
}
