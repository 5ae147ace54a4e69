package lab.videofarm.urlsession;

import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static lab.videofarm.urlsession.PhoneFixture.APP;
import static lab.videofarm.urlsession.PhoneFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.device.Device;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.server.RecordedRequest;
import lab.videofarm.testapp.TestAppDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story of background sessions, through the device, URLSession, the real transfer daemon and
 * the real sample server. The app's reports carry {@code task=<id>} and the delegate thread.
 */
class BackgroundSessionEndToEndTest {
  @TempDir Path root;
  private PhoneFixture phone;

  @AfterEach
  void shutDown(TestInfo test) throws Exception {
    if (phone != null) {
      // Kept for reading when a scenario fails: the timeline tells the whole story.
      Path story = Path.of("target", "timelines", test.getDisplayName() + ".txt");
      Files.createDirectories(story.getParent());
      Files.write(story, phone.os.timeline().events().stream().map(Object::toString).toList());
      phone.close();
    }
  }

  private PhoneFixture phone() throws Exception {
    phone = new PhoneFixture(root, null);
    return phone;
  }

  @Test
  void aDownloadArrivesWholeWithDelegateCallsInOrderOnOneSerialQueue() throws Exception {
    PhoneFixture phone = phone();
    byte[] movie = randomBytes(3 * 1024 * 1024, 1);
    URI url = phone.videos.videoWithMovie(movie);
    phone.server.faults().throttleBytesPerSecond(8_000_000);
    phone.launch();

    long id = (Long) phone.app("download", url.toString(), "movie-a");

    phone.awaitEvent(Layer.APP, "didCompleteWithError", event -> event.taskId() == id);
    List<TimelineEvent> calls =
        phone.os.timeline().events().stream()
            .filter(event -> event.layer() == Layer.APP && event.taskId() == id)
            .toList();
    assertThat(calls).extracting(TimelineEvent::what).first().isEqualTo("didWriteData");
    assertThat(calls)
        .extracting(TimelineEvent::what)
        .endsWith("didFinishDownloadingTo", "didCompleteWithError")
        .filteredOn(what -> !what.equals("didWriteData"))
        .hasSize(2);
    assertThat(calls.get(calls.size() - 2).detail())
        .contains("sha256=" + sha256(movie))
        .contains("status=200");
    assertThat(calls.get(calls.size() - 1).detail()).contains("error=nil");
    List<String> threads =
        calls.stream().map(event -> event.detail().replaceAll(".*thread=", "")).distinct().toList();
    assertThat(threads).hasSize(1);
    assertThat(threads.get(0)).contains("URLSession").doesNotContain("AWT");
    Path kept = phone.device.containerDirectory(APP).resolve("downloads").resolve("movie-a");
    assertThat(sha256(kept)).isEqualTo(sha256(movie));
    assertThat(phone.events(Layer.DELEGATE, "didFinishDownloadingTo"))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.sessionId()).isEqualTo(TestAppDelegate.IDENTIFIER);
              assertThat(event.taskId()).isEqualTo(id);
              assertThat(event.launch()).isEqualTo(1);
            });
  }

  @Test
  void anUploadFromAFileReachesTheServerWhole() throws Exception {
    PhoneFixture phone = phone();
    byte[] movie = randomBytes(2 * 1024 * 1024, 2);
    Files.write(phone.device.containerDirectory(APP).resolve("upload.mp4"), movie);
    URI url = phone.videos.movieUrl(phone.videos.createVideo("upload"));
    phone.launch();

    long id = (Long) phone.app("upload", url.toString(), "upload.mp4");

    TimelineEvent done =
        phone.awaitEvent(Layer.APP, "didCompleteWithError", event -> event.taskId() == id);
    assertThat(done.detail()).contains("error=nil").contains("status=201");
    assertThat(phone.appTaskEvents("didSendBodyData", 1, id))
        .last()
        .extracting(TimelineEvent::detail)
        .asString()
        .startsWith("task=" + id + " " + movie.length + "/" + movie.length);
    assertThat(sha256(phone.videos.fetch(url))).isEqualTo(sha256(movie));
  }

  @Test
  void anUploadCancelledWithResumeDataContinuesWhereTheServerStands() throws Exception {
    PhoneFixture phone = phone();
    byte[] movie = randomBytes(600_000, 5);
    Files.write(phone.device.containerDirectory(APP).resolve("upload.mp4"), movie);
    URI url = phone.videos.movieUrl(phone.videos.createVideo("resumable upload"));
    phone.server.faults().throttleBytesPerSecond(400_000);
    phone.launch();
    long first = (Long) phone.app("upload", url.toString(), "upload.mp4");
    Path uploads = phone.server.dataDirectory().resolve("uploads");
    await().atMost(TIMEOUT).until(() -> largestPartial(uploads) >= 100_000);

    Object saved = phone.app("cancelUploadProducingResumeData", first, "upload-resume.bin");

    assertThat(saved).asString().startsWith("saved");
    TimelineEvent cancelled =
        phone.awaitEvent(Layer.APP, "didCompleteWithError", event -> event.taskId() == first);
    assertThat(cancelled.detail()).contains("error=-999");
    phone.server.faults().reset();
    long resumed = (Long) phone.app("resumeUpload", "upload-resume.bin");
    TimelineEvent done =
        phone.awaitEvent(Layer.APP, "didCompleteWithError", event -> event.taskId() == resumed);
    assertThat(done.detail()).contains("error=nil").contains("status=201");
    assertThat(sha256(phone.videos.fetch(url))).isEqualTo(sha256(movie));
    List<RecordedRequest> bodies =
        phone.server.requests().stream()
            .filter(r -> r.method().equals("PUT") || r.method().equals("PATCH"))
            .toList();
    assertThat(bodies).extracting(RecordedRequest::method).containsExactly("PUT", "PATCH");
    assertThat(bodies.stream().mapToLong(RecordedRequest::bodyBytesReceived).sum())
        .isEqualTo(movie.length);
  }

  private static long largestPartial(Path uploads) throws java.io.IOException {
    if (!Files.isDirectory(uploads)) {
      return 0;
    }
    try (java.util.stream.Stream<Path> resources = Files.list(uploads)) {
      return resources
          .map(resource -> resource.resolve("partial"))
          .filter(Files::isRegularFile)
          .mapToLong(partial -> partial.toFile().length())
          .max()
          .orElse(0);
    }
  }

  @Test
  void aKillMidDownloadEndsInABackgroundRelaunchThatDeliversTheQueuedEventsToTheNewDelegate()
      throws Exception {
    PhoneFixture phone = phone();
    byte[] movie = randomBytes(1024 * 1024, 3);
    URI url = phone.videos.videoWithMovie(movie);
    phone.server.faults().throttleBytesPerSecond(700_000);
    phone.launch();
    long id = (Long) phone.app("download", url.toString(), "movie-b");
    phone.awaitEvent(Layer.APP, "didWriteData", event -> event.taskId() == id);
    WeakReference<ClassLoader> firstLaunch =
        new WeakReference<>(phone.device.classLoader(APP).orElseThrow());

    phone.device.terminate(APP);

    TimelineEvent handlerCalled =
        phone.awaitEvent(
            Layer.DEVICE, "completionHandler", event -> event.detail().equals("called"));
    await().atMost(TIMEOUT).until(() -> phone.device.state(APP) == AppState.SUSPENDED);
    int second = handlerCalled.launch();
    assertThat(second).isEqualTo(2);
    assertThat(launchStory(phone, second))
        .containsSubsequence(
            "DEVICE launch",
            "DEVICE didFinishLaunching",
            "APP didFinishLaunching",
            "DEVICE handleEventsForBackgroundURLSession",
            "APP handleEvents",
            "SESSION session relinked",
            "APP didFinishDownloadingTo",
            "APP didCompleteWithError",
            "APP urlSessionDidFinishEvents",
            "APP callingCompletionHandler",
            "DEVICE completionHandler");
    assertThat(phone.events(Layer.APP, "didFinishLaunching").get(1).detail())
        .isEqualTo("counter=1 reason=URL_SESSION_EVENTS");
    assertThat(phone.appTaskEvents("didFinishDownloadingTo", second, id))
        .singleElement()
        .extracting(TimelineEvent::detail)
        .asString()
        .contains("sha256=" + sha256(movie));
    assertThat(phone.appTaskEvents("didCompleteWithError", second, id).get(0).detail())
        .contains("error=nil")
        .contains("description=movie-b");
    assertThat(phone.events(Layer.DAEMON, "event queued")).isNotEmpty();
    // Nothing of the killed launch is left: not even the daemon holds on to it.
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              System.gc();
              return firstLaunch.get() == null;
            });
    assertThat(phone.os.timeline().events())
        .filteredOn(event -> event.severity() != Severity.INFO)
        .isEmpty();
  }

  /**
   * What the device, the session and the app did in {@code launch}, as "LAYER what"; the app's
   * progress lines are left out, their number depends on timing.
   */
  private static List<String> launchStory(PhoneFixture phone, int launch) {
    return phone.os.timeline().events().stream()
        .filter(event -> event.launch() == launch)
        .filter(
            event ->
                event.layer() == Layer.DEVICE
                    || event.layer() == Layer.SESSION
                    || (event.layer() == Layer.APP && !event.what().equals("didWriteData")))
        .map(event -> event.layer() + " " + event.what())
        .toList();
  }

  @Test
  void aUserLaunchReattachesToARunningDownloadWithItsIdentity() throws Exception {
    PhoneFixture phone = phone();
    phone.behave("sessionAtLaunch=true");
    byte[] movie = randomBytes(1024 * 1024, 4);
    URI url = phone.videos.videoWithMovie(movie);
    phone.server.faults().throttleBytesPerSecond(500_000);
    phone.launch();
    long id = (Long) phone.app("download", url.toString(), "movie-c");
    phone.awaitEvent(Layer.APP, "didWriteData", event -> event.taskId() == id);
    phone.device.terminate(APP);

    phone.launch();
    String tasks = (String) phone.app("allTasks");

    assertThat(tasks).isEqualTo("[" + id + ":movie-c:" + url + "]");
    phone.server.faults().throttleBytesPerSecond(0);
    TimelineEvent done =
        phone.awaitEvent(Layer.APP, "didCompleteWithError", event -> event.taskId() == id);
    assertThat(done.launch()).isEqualTo(2);
    assertThat(done.detail()).contains("error=nil");
    assertThat(phone.appTaskEvents("didFinishDownloadingTo", 2, id).get(0).detail())
        .contains("sha256=" + sha256(movie));
  }

  @Test
  void forceQuitCancelsWithTheReasonAndResumeDataThatResumesWithoutResendingBytes()
      throws Exception {
    PhoneFixture phone = phone();
    phone.behave("sessionAtLaunch=true");
    byte[] movie = randomBytes(1024 * 1024, 5);
    URI url = phone.videos.videoWithMovie(movie);
    phone.server.faults().throttleBytesPerSecond(400_000);
    phone.launch();
    long id = (Long) phone.app("download", url.toString(), "movie-d");
    phone.awaitEvent(
        Layer.APP,
        "didWriteData",
        event -> event.taskId() == id && !event.detail().startsWith("0/"));

    phone.device.forceQuit(APP);
    phone.awaitEvent(Layer.DAEMON, "force quit", event -> true);
    phone.server.faults().throttleBytesPerSecond(0);
    phone.launch();

    TimelineEvent cancelled =
        phone.awaitEvent(Layer.APP, "didCompleteWithError", event -> event.taskId() == id);
    assertThat(cancelled.launch()).isEqualTo(2);
    assertThat(cancelled.detail())
        .contains("error=" + URLError.CANCELLED)
        .contains("reason=" + URLError.CANCELLED_REASON_USER_FORCE_QUIT_APPLICATION)
        .contains("resumeData=saved");
    assertThat(phone.events(Layer.DEVICE, "launch"))
        .noneMatch(event -> event.detail().contains("URL_SESSION_EVENTS"));

    long resumed = (Long) phone.app("resumeDownload", "resume-" + id + ".bin", "movie-d");

    TimelineEvent done =
        phone.awaitEvent(Layer.APP, "didCompleteWithError", event -> event.taskId() == resumed);
    assertThat(done.detail()).contains("error=nil");
    TimelineEvent offset = phone.appTaskEvents("didResumeAtOffset", 2, resumed).get(0);
    long resumedAt = Long.parseLong(offset.detail().replaceAll(".*offset=(\\d+).*", "$1"));
    assertThat(resumedAt).isPositive();
    assertThat(phone.appTaskEvents("didFinishDownloadingTo", 2, resumed).get(0).detail())
        .contains("sha256=" + sha256(movie));
    RecordedRequest resume = phone.requestsTo(url).get(phone.requestsTo(url).size() - 1);
    assertThat(resume.header("Range")).contains("bytes=" + resumedAt + "-");
    assertThat(resume.status()).isEqualTo(206);
    assertThat(resume.bodyBytesSent()).isEqualTo(movie.length - resumedAt);
  }

  @Test
  void aDefaultSessionStreamsAnUploadFromItsDelegateAndHandsADataTaskBodyToItsHandler()
      throws Exception {
    PhoneFixture phone = phone();
    byte[] movie = randomBytes(512 * 1024, 7);
    Files.write(phone.device.containerDirectory(APP).resolve("streamed.mp4"), movie);
    URI url = phone.videos.movieUrl(phone.videos.createVideo("streamed"));
    phone.launch();

    Object outcome = phone.app("defaultSessionUploadThenFetch", url.toString(), "streamed.mp4");

    assertThat(outcome)
        .isEqualTo(
            "upload status=201 error=null; fetch status=200 sha256="
                + sha256(movie)
                + " error=null");
    assertThat(phone.events(Layer.DELEGATE, "needNewBodyStream")).hasSize(1);
  }

  @Test
  void aDefaultSessionsRowsCarryTheDaemonsLabelForIt() throws Exception {
    PhoneFixture phone = phone();
    byte[] movie = randomBytes(20_000, 91);
    Files.write(phone.device.containerDirectory(APP).resolve("labelled.mp4"), movie);
    URI url = phone.videos.movieUrl(phone.videos.createVideo("labelled"));
    phone.launch();

    phone.app("defaultSessionUploadThenFetch", url.toString(), "labelled.mp4");

    String label =
        phone.events(Layer.DAEMON, "session attached").stream()
            .map(TimelineEvent::sessionId)
            .filter(id -> id.startsWith("default#"))
            .findFirst()
            .orElseThrow();
    assertThat(phone.events(Layer.SESSION, "session created"))
        .extracting(TimelineEvent::sessionId)
        .contains(label);
    assertThat(phone.events(Layer.DELEGATE, "needNewBodyStream"))
        .extracting(TimelineEvent::sessionId)
        .containsOnly(label);
  }

  @Test
  void aSecondSessionWithTheSameIdentifierIsRefusedInsideTheApp() throws Exception {
    PhoneFixture phone = phone();
    phone.launch();

    Object outcome = phone.app("secondSession");

    assertThat(outcome)
        .isEqualTo(
            "IllegalStateException: A background URLSession with identifier "
                + TestAppDelegate.IDENTIFIER
                + " already exists!");
    assertThat(phone.events(Layer.SESSION, "session refused"))
        .singleElement()
        .extracting(TimelineEvent::severity)
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void aDataTaskInABackgroundSessionFailsWhenTheAppIsSuspended() throws Exception {
    ManualClock clock = new ManualClock();
    phone = new PhoneFixture(root, clock);
    byte[] movie = randomBytes(1024 * 1024, 6);
    URI url = phone.videos.videoWithMovie(movie);
    phone.server.faults().throttleBytesPerSecond(100_000);
    phone.launch();
    long id = (Long) phone.app("dataTask", url.toString());
    phone.awaitEvent(Layer.APP, "didReceiveData", event -> event.taskId() == id);

    phone.device.goHome();
    phone.awaitEvent(Layer.APP, "didEnterBackground", event -> true);
    clock.advance(Device.SUSPEND_GRACE);

    phone.awaitEvent(
        Layer.DAEMON,
        "task failed",
        event -> event.taskId() == id && event.detail().startsWith("-997"));
    assertThat(phone.device.state(APP)).isEqualTo(AppState.SUSPENDED);
    // The failure waits for the app to run again: a data task never relaunches it.
    phone.device.bringToForeground(APP);
    TimelineEvent failed =
        phone.awaitEvent(Layer.APP, "didCompleteWithError", event -> event.taskId() == id);
    assertThat(failed.detail()).contains("error=" + URLError.BACKGROUND_SESSION_WAS_DISCONNECTED);
    assertThat(failed.launch()).isEqualTo(1);
    assertThat(phone.events(Layer.DEVICE, "handleEventsForBackgroundURLSession")).isEmpty();
  }
}
