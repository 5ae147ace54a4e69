package lab.videofarm.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 4, hidden: an HTTP error is downloaded as a file too, and must not be kept. */
@Tag("lesson-4")
class Lesson04DownloadHiddenTest {
  private static final Lesson LESSON = Lesson.DOWNLOAD;

  @TempDir Path root;

  @Test
  @Points(2)
  void aMovieTheServerCannotFindFailsAndIsNotKept() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      String id = phone.addVideo("Mule");
      phone.launchApp();

      long task = new Steps(phone, LESSON).startDownload(id);

      Optional<TimelineEvent> failed =
          phone.awaitOptional(Transfers.notification("VideoDownloadFailed", task));
      if (failed.isEmpty() || !failed.get().detail().contains("404")) {
        throw LESSON.failure(
            "VideoDownloadFailed naming HTTP 404: the server has no movie for this video",
            failed.map(e -> "VideoDownloadFailed said " + e.detail()).orElse(phone.lastWords()),
            "A 404 is a file too");
      }
      Path movie = phone.container().resolve("Library/Videos/" + id + "/movie");
      if (Files.exists(movie)) {
        throw LESSON.failure(
            "no movie in the library: the file the daemon wrote is the server's error page",
            "the library holds " + Files.size(movie) + " bytes as the movie",
            "A 404 is a file too");
      }
    }
  }
}
