package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.BUNDLE;
import static lab.videofarm.os.transferd.DaemonHarness.IDENTIFIER;
import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.data;
import static lab.videofarm.os.transferd.DaemonHarness.defaultSession;
import static lab.videofarm.os.transferd.DaemonHarness.download;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lab.videofarm.os.AppState;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attaching, detaching, queued events, relaunch, force-quit, invalidation. */
class TransferDaemonSessionTest {
  @TempDir Path root;
  DaemonHarness harness;
  final List<String> relaunches = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    harness = DaemonHarness.start(root);
    harness.daemon.setRelauncher((bundle, identifier) -> relaunches.add(bundle + "/" + identifier));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void eventsQueueWhileNoAppIsAttachedAndArriveInOrderOnTheNextLaunch() throws Exception {
    byte[] movie = randomBytes(1024 * 1024, 30);
    byte[] other = randomBytes(300_000, 31);
    URI first = harness.videos.videoWithMovie(movie);
    URI second = harness.videos.videoWithMovie(other);
    RecordingSink firstLaunch = harness.sink("launch1");
    DaemonConnection session = harness.daemon.connect(background(1), firstLaunch);
    harness.server.faults().throttleBytesPerSecond(2_000_000);
    long a = session.createTask(download(first));
    long b = session.createTask(download(second));
    session.resume(a);
    session.resume(b);

    session.close(); // the device killed the app
    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(
            () ->
                harness.daemon.allTasks().stream().allMatch(t -> t.state() == TaskState.COMPLETED));

    await().atMost(Duration.ofSeconds(5)).until(() -> !relaunches.isEmpty());
    assertThat(relaunches).containsExactly(BUNDLE + "/" + IDENTIFIER);
    assertThat(harness.daemon.allTasks()).hasSize(2);
    RecordingSink secondLaunch = harness.sink("launch2");
    DaemonConnection relaunched = harness.daemon.connect(background(2), secondLaunch);

    TaskEvent.DidFinishEventsForBackgroundSession finished =
        secondLaunch.awaitFirst(TaskEvent.DidFinishEventsForBackgroundSession.class);
    List<TaskEvent> events = secondLaunch.events();
    assertThat(events.get(events.size() - 1)).isEqualTo(finished);
    assertThat(events)
        .noneMatch(
            e -> e instanceof TaskEvent.DidWriteData || e instanceof TaskEvent.DidSendBodyData);
    assertThat(secondLaunch.milestones(a)).containsExactly("DidFinishDownloading", "DidComplete");
    assertThat(secondLaunch.milestones(b)).containsExactly("DidFinishDownloading", "DidComplete");
    assertThat(sha256(secondLaunch.downloaded(a))).isEqualTo(sha256(movie));
    assertThat(sha256(secondLaunch.downloaded(b))).isEqualTo(sha256(other));
    assertThat(relaunched.allTasks()).isEmpty();
    assertThat(relaunches).hasSize(1);
    assertThat(harness.whats()).contains("event queued", "relaunch requested", "events delivered");
  }

  @Test
  void anAttachedForegroundAppGetsEventsDirectlyWithoutARelaunch() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(100_000, 32));
    harness.daemon.appStateChanged(BUNDLE, AppState.FOREGROUND);
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);

    long task = session.createTask(download(url));
    session.resume(task);

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sink.all(TaskEvent.DidFinishEventsForBackgroundSession.class)).isEmpty();
    assertThat(relaunches).isEmpty();
  }

  @Test
  void aSuspendedAppIsWokenAndThenGetsItsEventsAndDidFinishEvents() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(100_000, 33));
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    harness.daemon.appStateChanged(BUNDLE, AppState.SUSPENDED);

    long task = session.createTask(download(url));
    session.resume(task);
    await().atMost(RecordingSink.TIMEOUT).until(() -> !relaunches.isEmpty());
    assertThat(sink.events()).isEmpty();

    harness.daemon.appStateChanged(BUNDLE, AppState.BACKGROUND);

    sink.awaitFirst(TaskEvent.DidFinishEventsForBackgroundSession.class);
    assertThat(sink.events().stream().map(e -> e.getClass().getSimpleName()).toList())
        .containsSubsequence(
            "DidFinishDownloading", "DidComplete", "DidFinishEventsForBackgroundSession");
  }

  @Test
  void forceQuitCancelsBackgroundTasksWithReasonZeroAndResumeDataAndNoRelaunch() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1024 * 1024, 34));
    RecordingSink firstLaunch = harness.sink("launch1");
    DaemonConnection session = harness.daemon.connect(background(1), firstLaunch);
    long task = harness.throttledDownloadUnderWay(session, firstLaunch, url, 100_000);

    session.close();
    harness.daemon.userForceQuit(BUNDLE);

    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(() -> harness.daemon.allTasks().get(0).state() == TaskState.COMPLETED);
    RecordingSink nextLaunch = harness.sink("launch2");
    harness.daemon.connect(background(2), nextLaunch);
    TaskEvent.DidComplete done = nextLaunch.awaitCompletion(task);
    assertThat(done.error().code()).isEqualTo(-999);
    assertThat(done.error().backgroundCancelReason()).isZero();
    assertThat(done.error().resumeData()).isNotNull();
    assertThat(relaunches).isEmpty();
    assertThat(nextLaunch.all(TaskEvent.DidFinishEventsForBackgroundSession.class)).isEmpty();
  }

  @Test
  void aSecondLiveConnectionForTheIdentifierIsRefusedWith996() throws Exception {
    DaemonConnection first = harness.daemon.connect(background(1), harness.sink("one"));

    assertThatThrownBy(() -> harness.daemon.connect(background(2), harness.sink("two")))
        .isInstanceOf(SessionInUseException.class)
        .hasMessageContaining(IDENTIFIER);

    first.close();
    DaemonConnection newer = harness.daemon.connect(background(2), harness.sink("two"));
    assertThat(newer.session().launch()).isEqualTo(2);
  }

  @Test
  void defaultSessionTasksVanishSilentlyWhenTheConnectionCloses() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1024 * 1024, 35));
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);
    long task = harness.throttledDownloadUnderWay(session, sink, url, 50_000);

    session.close();

    await().atMost(Duration.ofSeconds(5)).until(() -> harness.daemon.allTasks().isEmpty());
    assertThat(sink.events(task, TaskEvent.DidComplete.class)).isEmpty();
    assertThat(relaunches).isEmpty();
  }

  @Test
  void aBackgroundDataTaskFailsWith997WhenItsAppIsSuspended() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1024 * 1024, 36));
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = throttledDataTaskUnderWay(session, sink, url);

    harness.daemon.appStateChanged(BUNDLE, AppState.SUSPENDED);
    harness.daemon.appStateChanged(BUNDLE, AppState.BACKGROUND);

    TaskEvent.DidComplete done = sink.awaitCompletion(task);
    assertThat(done.error().code()).isEqualTo(-997);
    assertThat(done.error().description())
        .isEqualTo("Lost connection to background transfer service");
  }

  @Test
  void aBackgroundDataTaskFailsWith997WhenItsProcessGoesAway() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1024 * 1024, 41));
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = throttledDataTaskUnderWay(session, sink, url);

    session.close();
    RecordingSink next = harness.sink("next");
    harness.daemon.connect(background(2), next);

    assertThat(next.awaitCompletion(task).error().code()).isEqualTo(-997);
    assertThat(relaunches).as("a failed data task is no reason to relaunch").isEmpty();
  }

  @Test
  void finishTasksAndInvalidateEndsWithDidBecomeInvalid() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(200_000, 37));
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(download(url));
    session.resume(task);

    session.finishTasksAndInvalidate();

    TaskEvent.DidBecomeInvalid invalid = sink.awaitFirst(TaskEvent.DidBecomeInvalid.class);
    assertThat(invalid.error()).isNull();
    List<TaskEvent> events = sink.events();
    assertThat(events.get(events.size() - 1)).isEqualTo(invalid);
    assertThat(sink.events(task, TaskEvent.DidComplete.class).get(0).error()).isNull();
    assertThatThrownBy(() -> session.createTask(download(url)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void invalidateAndCancelCancelsEveryTaskThenInvalidates() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1024 * 1024, 38));
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    harness.server.faults().throttleBytesPerSecond(100_000);
    long running = session.createTask(download(url));
    long suspended = session.createTask(download(url));
    session.resume(running);

    session.invalidateAndCancel();

    sink.awaitFirst(TaskEvent.DidBecomeInvalid.class);
    assertThat(sink.milestones(running)).containsExactly("DidComplete");
    assertThat(sink.events(running, TaskEvent.DidComplete.class).get(0).error().code())
        .isEqualTo(-999);
    assertThat(sink.events(suspended, TaskEvent.DidComplete.class).get(0).error().code())
        .isEqualTo(-999);
    List<TaskEvent> events = sink.events();
    assertThat(events.get(events.size() - 1)).isInstanceOf(TaskEvent.DidBecomeInvalid.class);
  }

  @Test
  void anEventWhoseDeliveryThrowsStaysQueuedForTheNextConnection() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(100_000, 39));
    RecordingSink crashing =
        harness
            .sink("crashing")
            .hook(
                event -> {
                  if (event instanceof TaskEvent.DidFinishDownloading) {
                    throw new IllegalStateException("the delegate crashed");
                  }
                });
    DaemonConnection session = harness.daemon.connect(background(1), crashing);
    long task = session.createTask(download(url));
    session.resume(task);
    await().atMost(RecordingSink.TIMEOUT).until(() -> harness.whats().contains("delivery failed"));
    assertThat(harness.timeline.events())
        .filteredOn(e -> e.what().equals("delivery failed"))
        .singleElement()
        .satisfies(e -> assertThat(e.severity()).isEqualTo(TimelineEvent.Severity.ERROR));
    session.close();

    RecordingSink next = harness.sink("next");
    harness.daemon.connect(background(2), next);

    assertThat(next.awaitCompletion(task).error()).isNull();
    assertThat(next.milestones(task)).containsExactly("DidFinishDownloading", "DidComplete");
    assertThat(next.downloaded(task)).exists();
  }

  @Test
  void aDeliveryCutShortByTheAppsDeathIsInfoAndTheEventWaitsForTheNextLaunch() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(100_000, 41));
    java.util.concurrent.CountDownLatch failed = new java.util.concurrent.CountDownLatch(1);
    RecordingSink dying =
        harness
            .sink("dying")
            .hook(
                event -> {
                  if (event instanceof TaskEvent.DidFinishDownloading) {
                    failed.countDown();
                    // As a session's bridge does when its process is killed mid-delivery.
                    throw new IllegalStateException("the app process died");
                  }
                });
    DaemonConnection session = harness.daemon.connect(background(1), dying);
    long task = session.createTask(download(url));
    session.resume(task);
    assertThat(failed.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    session.close(); // the dead process's connection closes just after its delivery failed
    await().atMost(RecordingSink.TIMEOUT).until(() -> harness.whats().contains("delivery failed"));

    assertThat(harness.timeline.events())
        .filteredOn(e -> e.what().equals("delivery failed"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.severity()).isEqualTo(TimelineEvent.Severity.INFO);
              assertThat(e.detail()).contains("stays queued for the next launch");
            });
    RecordingSink next = harness.sink("next");
    harness.daemon.connect(background(2), next);
    assertThat(next.awaitCompletion(task).error()).isNull();
    assertThat(next.milestones(task)).containsExactly("DidFinishDownloading", "DidComplete");
  }

  @Test
  void aNewLaunchThatConnectsWhileTheOldOneIsStillDeliveringGetsTheRest() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(100_000, 40));
    java.util.concurrent.CountDownLatch inDelivery = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    RecordingSink dying =
        harness
            .sink("dying")
            .hook(
                event -> {
                  if (event instanceof TaskEvent.DidFinishDownloading) {
                    inDelivery.countDown();
                    release.await();
                    // The process died inside its delegate: this call never returns normally.
                    throw new IllegalStateException("process gone");
                  }
                });
    DaemonConnection session = harness.daemon.connect(background(1), dying);
    long task = session.createTask(download(url));
    session.resume(task);
    assertThat(inDelivery.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    session.close(); // killed while its delegate ran
    RecordingSink next = harness.sink("next");
    harness.daemon.connect(background(2), next);
    release.countDown();

    assertThat(next.awaitCompletion(task).error()).isNull();
    assertThat(next.milestones(task)).containsExactly("DidFinishDownloading", "DidComplete");
  }

  /** Starts a data task on a throttled server and returns once its first bytes arrived. */
  private long throttledDataTaskUnderWay(DaemonConnection session, RecordingSink sink, URI url) {
    harness.server.faults().throttleBytesPerSecond(200_000);
    long task = session.createTask(data(url));
    session.resume(task);
    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(() -> !sink.events(task, TaskEvent.DidReceiveData.class).isEmpty());
    return task;
  }
}
