package lab.videofarm.grading;

import static lab.videofarm.grading.Transfers.MOVIE_BYTES;
import static lab.videofarm.grading.Transfers.delegate;

import java.nio.file.Path;
import java.util.Optional;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.story.VideoFarmPhone;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 5, hidden: a download that failed with resume data stays resumable. */
@Tag("lesson-5")
class Lesson05PauseResumeHiddenTest {
  private static final Lesson LESSON = Lesson.PAUSE_RESUME;

  @TempDir Path root;

  @Test
  @Points(2)
  void aDownloadCancelledByAForceQuitResumesFromItsResumeData() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      byte[] movie = Transfers.movie(MOVIE_BYTES, 54);
      String id = phone.addVideoWithMovie("Tractor", movie);
      long task = steps.downloadUnderWay(id);
      phone.device().forceQuit(VideoFarmPhone.APP);
      phone.await(LessonPhone.event(Layer.DAEMON, "force quit"), "the force quit");
      phone.server().faults().throttleBytesPerSecond(0);
      phone.launchApp();
      phone.await(
          Transfers.notification("VideoDownloadFailed", task),
          "VideoDownloadFailed for #" + task + ", cancelled by the force quit");

      long resumed = steps.resume(id, task);

      Optional<TimelineEvent> atOffset =
          phone.awaitOptional(delegate("didResumeAtOffset", resumed));
      if (atOffset.isEmpty() || atOffset.get().detail().startsWith("0 ")) {
        throw LESSON.failure(
            "the download to go on from the resume data its failure carried: a failed movie"
                + " task with resume data leaves the download paused, not failed",
            atOffset.map(e -> "didResumeAtOffset " + e.detail()).orElse(phone.lastWords()),
            "The pause completes as \"cancelled\"");
      }
      steps.downloadFinished(resumed);
      steps.inLibrary(id, "movie", movie);
    }
  }
}
