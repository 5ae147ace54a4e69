package lab.videofarm.grading;

import static lab.videofarm.grading.Transfers.MOVIE_BYTES;
import static lab.videofarm.grading.Transfers.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import lab.videofarm.app.VFMAPIClient;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.story.VideoFarmPhone;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesson 7: after the system terminates the app, the daemon finishes the transfer and relaunches
 * the app in the background; it relinks its session and calls the completion handler once the
 * events are handled. A force quit instead cancels, and says why at the next launch.
 */
@Tag("lesson-7")
class Lesson07RelaunchTest {
  private static final Lesson LESSON = Lesson.RELAUNCH;

  @TempDir Path root;

  @Test
  @Points(4)
  void afterASystemTerminateTheBackgroundRelaunchCallsTheCompletionHandler() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      byte[] movie = Transfers.movie(MOVIE_BYTES, 71);
      String id = phone.addVideoWithMovie("Hay", movie);
      long task = steps.downloadUnderWay(id);

      phone.device().terminate(VideoFarmPhone.APP);
      phone.server().faults().throttleBytesPerSecond(0);

      TimelineEvent completed =
          phone.await(
              Transfers.returned("didCompleteWithError", task).and(e -> e.launch() > 1),
              "the background relaunch to get didCompleteWithError of the movie task #" + task);
      Optional<TimelineEvent> called =
          phone.awaitOptional(handlerCalled().and(e -> e.sequence() > completed.sequence()));
      if (called.isEmpty()) {
        throw LESSON.failure(
            "the completion handler of handleEventsForBackgroundURLSession(\""
                + VFMAPIClient.BACKGROUND_IDENTIFIER
                + "\") to be called once urlSessionDidFinishEvents has come",
            neverCalled(phone),
            "Call it once, after the events");
      }
      steps.downloadFinished(task);
      steps.inLibrary(id, "movie", movie);
    }
  }

  @Test
  @Points(2)
  void anUploadCutByASystemTerminateFinishesAndTheHandlerIsCalledOnceOnTheMainThread()
      throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      byte[] movie = Transfers.movie(MOVIE_BYTES, 72);
      String id = phone.addVideo("Silo");
      long task = steps.uploadUnderWay(Files.write(root.resolve("movie.mp4"), movie), id);

      phone.device().terminate(VideoFarmPhone.APP);
      phone.server().faults().throttleBytesPerSecond(0);

      TimelineEvent finished =
          phone.await(
              notification("VideoUploadFinished", task).and(e -> e.launch() > 1),
              "the background relaunch to post VideoUploadFinished for #" + task);
      Optional<TimelineEvent> called =
          phone.awaitOptional(handlerCalled().and(e -> e.sequence() > finished.sequence()));
      if (called.isEmpty()) {
        throw LESSON.failure(
            "the completion handler to be called once the upload's events are handled",
            neverCalled(phone),
            "Keep the handler, by identifier");
      }
      phone.settle();
      Optional<TimelineEvent> misused =
          phone.events().stream()
              .filter(LessonPhone.event(Layer.DEVICE, "completionHandler"))
              .filter(e -> e.severity() != TimelineEvent.Severity.INFO)
              .findFirst();
      if (misused.isPresent()) {
        throw LESSON.failure(
            "one call of the completion handler, on the main thread",
            "the system warned: completionHandler " + misused.get().detail(),
            misused.get().detail().contains("thread")
                ? "On the main thread"
                : "Call it once, after the events");
      }
      steps.onServer(id, movie);
    }
  }

  @Test
  @Points(1)
  void aForceQuitCancelsTheDownloadAndTheNextLaunchSaysWhy() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Steps steps = new Steps(phone, LESSON);
      String id = phone.addVideoWithMovie("Tractor", Transfers.movie(MOVIE_BYTES, 73));
      long task = steps.downloadUnderWay(id);

      phone.device().forceQuit(VideoFarmPhone.APP);
      phone.await(LessonPhone.event(Layer.DAEMON, "force quit"), "the force quit");
      phone.launchApp();

      Optional<TimelineEvent> failed =
          phone.awaitOptional(notification("VideoDownloadFailed", task));
      boolean relaunched =
          phone.events().stream()
              .filter(LessonPhone.event(Layer.DEVICE, "launch"))
              .anyMatch(e -> e.detail().contains("URL_SESSION_EVENTS"));
      if (failed.isEmpty()
          || failed.get().launch() < 2
          || !failed.get().detail().contains("-999")
          || !failed.get().detail().contains("force-quit")
          || relaunched) {
        throw LESSON.failure(
            "no background relaunch; at the user's next launch, VideoDownloadFailed for #"
                + task
                + " saying -999, force-quit by the user",
            relaunched
                ? "the app was relaunched in the background"
                : failed
                    .map(e -> "VideoDownloadFailed said " + e.detail())
                    .orElse(phone.lastWords()),
            "Testing relaunch");
      }
    }
  }

  static Predicate<TimelineEvent> handlerCalled() {
    return LessonPhone.event(Layer.DEVICE, "completionHandler")
        .and(e -> e.detail().equals("called"));
  }

  /** Why the handler was not called, as the timeline tells it. */
  static String neverCalled(LessonPhone phone) {
    return phone.events().stream()
        .filter(LessonPhone.event(Layer.DEVICE, "completion handler never called"))
        .findFirst()
        .map(e -> "the system gave up waiting: " + e.detail())
        .orElse(phone.lastWords());
  }
}
