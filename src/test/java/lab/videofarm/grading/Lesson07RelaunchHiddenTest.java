package lab.videofarm.grading;

import static lab.videofarm.grading.Transfers.MOVIE_BYTES;
import static lab.videofarm.grading.Transfers.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 7, hidden: reconciling archived records with the tasks the daemon still has. */
@Tag("lesson-7")
class Lesson07RelaunchHiddenTest {
  private static final Lesson LESSON = Lesson.RELAUNCH;

  @TempDir Path root;

  @Test
  @Points(1)
  void aFinishedDownloadStaysFinishedAtTheNextLaunch() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      byte[] movie = Transfers.movie(MOVIE_BYTES / 4, 74);
      String id = phone.addVideoWithMovie("Barn", movie);
      phone.launchApp();
      long task = steps.startDownload(id);
      steps.downloadFinished(task);
      phone.terminateApp();

      phone.launchApp();
      phone.settle();

      Optional<TimelineEvent> failed =
          phone.events().stream().filter(notification("VideoDownloadFailed", task)).findFirst();
      if (failed.isPresent()) {
        throw LESSON.failure(
            "a finished download to stay finished: it has no task, and expects none",
            "the second launch posted VideoDownloadFailed: " + failed.get().detail(),
            "Only records that expect a task");
      }
      steps.inLibrary(id, "movie", movie);
    }
  }

  @Test
  @Points(2)
  void aDownloadWhoseTaskVanishedIsMarkedFailedAtLaunch() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      String id = phone.addVideoWithMovie("Pond", Transfers.movie(MOVIE_BYTES / 4, 75));
      phone.launchApp();
      long task = steps.startDownload(id);
      steps.downloadFinished(task);
      phone.terminateApp();
      // As if the daemon had lost a running task: the archive says downloading, the daemon has
      // none.
      Path downloads = phone.container().resolve("downloads.json");
      Files.writeString(
          downloads, Files.readString(downloads).replace("\"FINISHED\"", "\"DOWNLOADING\""));

      phone.launchApp();

      TimelineEvent reconciled =
          phone.await(
              LessonPhone.event(Layer.APP, "reconciled").and(e -> e.launch() == 2),
              "the second launch to reconcile its records with the daemon's tasks");
      // The reconciliation names the tasks it found vanished; without this one, nothing will come.
      Optional<TimelineEvent> failed =
          reconciled.detail().contains("#" + task)
              ? phone.awaitOptional(notification("VideoDownloadFailed", task))
              : Optional.empty();
      if (failed.isEmpty() || !failed.get().detail().contains("vanished")) {
        throw LESSON.failure(
            "at launch, the record downloading with task #"
                + task
                + ", a task the daemon no longer has, to be marked failed (its task vanished)",
            failed
                .map(e -> "VideoDownloadFailed said " + e.detail())
                .orElse("the launch reconciled without it: " + reconciled.detail()),
            "Match by identifier, not by object");
      }
    }
  }
}
