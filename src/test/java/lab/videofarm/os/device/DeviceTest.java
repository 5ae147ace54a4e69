package lab.videofarm.os.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.SwingUtilities;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.process.AppProcess;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.testapp.TestAppDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceTest {
  private static final String APP = TestAppDelegate.BUNDLE_ID;

  @TempDir Path data;

  private final ManualClock clock = new ManualClock();
  private final Timeline timeline = new Timeline(clock);
  private final RecordingTransferService daemon = new RecordingTransferService();
  private Device device;

  @BeforeEach
  void installTheTestApp() {
    device = new Device(daemon, timeline, clock, data);
    device.install(AppBundle.of(APP, TestAppDelegate.class.getName(), "lab.videofarm.testapp."));
  }

  @AfterEach
  void shutDown() {
    device.close();
  }

  @Test
  void aTapLaunchesTheAppInTheForegroundAndTellsTheDaemon() {
    device.launch(APP);

    assertThat(device.state(APP)).isEqualTo(AppState.FOREGROUND);
    assertThat(device.launchNumber(APP)).isEqualTo(1);
    awaitApp("didFinishLaunching", "counter=1 reason=USER");
    assertThat(daemon.relauncher).isSameAs(device);
    assertThat(daemon.calls).containsExactly("appStateChanged " + APP + " FOREGROUND");
  }

  @Test
  void goingHomeSuspendsTheAppAfterTheGracePeriod() {
    launchAndWait();

    device.goHome();
    assertThat(device.state(APP)).isEqualTo(AppState.BACKGROUND);
    awaitApp("didEnterBackground", "");
    clock.advance(Device.SUSPEND_GRACE.minusSeconds(1));
    assertThat(device.state(APP)).isEqualTo(AppState.BACKGROUND);
    clock.advance(Duration.ofSeconds(1));

    assertThat(device.state(APP)).isEqualTo(AppState.SUSPENDED);
    assertThat(daemon.calls)
        .containsExactly(
            "appStateChanged " + APP + " FOREGROUND",
            "appStateChanged " + APP + " BACKGROUND",
            "appStateChanged " + APP + " SUSPENDED");
    assertThat(deviceEvents("appState"))
        .extracting(TimelineEvent::detail)
        .last()
        .asString()
        .contains("BACKGROUND -> SUSPENDED");
  }

  @Test
  void theDaemonLearnsOfStateChangesInTheOrderTheyHappenedEvenWhenReportsRace() throws Exception {
    launchAndWait();
    device.goHome();
    awaitApp("didEnterBackground", "");
    CountDownLatch suspendedReportHeld = new CountDownLatch(1);
    CountDownLatch releaseSuspendedReport = new CountDownLatch(1);
    daemon.beforeRecording =
        state -> {
          if (state == AppState.SUSPENDED) {
            suspendedReportHeld.countDown();
            awaitQuietly(releaseSuspendedReport);
          }
        };
    Thread suspender = new Thread(() -> clock.advance(Device.SUSPEND_GRACE), "suspender");
    suspender.start();
    assertThat(suspendedReportHeld.await(10, TimeUnit.SECONDS)).isTrue();

    Thread waker = new Thread(() -> device.bringToForeground(APP), "waker");
    waker.start();
    await().until(() -> device.state(APP) == AppState.FOREGROUND);
    releaseSuspendedReport.countDown();
    suspender.join(10_000);
    waker.join(10_000);

    assertThat(daemon.calls)
        .containsExactly(
            "appStateChanged " + APP + " FOREGROUND",
            "appStateChanged " + APP + " BACKGROUND",
            "appStateChanged " + APP + " SUSPENDED",
            "appStateChanged " + APP + " FOREGROUND");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void bringingASuspendedAppBackCallsWillEnterForeground() {
    launchAndWait();
    device.goHome();
    awaitApp("didEnterBackground", "");
    clock.advance(Device.SUSPEND_GRACE);

    device.bringToForeground(APP);

    assertThat(device.state(APP)).isEqualTo(AppState.FOREGROUND);
    awaitApp("willEnterForeground", "");
    assertThat(appEvents("didFinishLaunching")).hasSize(1);
  }

  @Test
  void systemTerminationOfARunningAppCallsWillTerminate() {
    launchAndWait();

    device.terminate(APP);

    assertThat(device.state(APP)).isEqualTo(AppState.NOT_RUNNING);
    assertThat(appEvents("willTerminate")).hasSize(1);
    assertThat(daemon.calls).endsWith("appStateChanged " + APP + " NOT_RUNNING");
    assertThat(daemon.calls).noneMatch(call -> call.startsWith("userForceQuit"));
  }

  @Test
  void systemTerminationOfASuspendedAppDoesNotCallWillTerminate() {
    launchAndWait();
    device.goHome();
    awaitApp("didEnterBackground", "");
    clock.advance(Device.SUSPEND_GRACE);

    device.terminate(APP);

    assertThat(device.state(APP)).isEqualTo(AppState.NOT_RUNNING);
    flushMainThread();
    assertThat(appEvents("willTerminate")).isEmpty();
  }

  @Test
  void forceQuitTellsTheDaemonAfterTheProcessIsGone() {
    launchAndWait();

    device.forceQuit(APP);

    assertThat(device.state(APP)).isEqualTo(AppState.NOT_RUNNING);
    assertThat(daemon.calls)
        .endsWith("appStateChanged " + APP + " NOT_RUNNING", "userForceQuit " + APP);
  }

  @Test
  void aTaskFinishingDuringAForceQuitDoesNotRelaunchTheApp() {
    launchAndWait();
    daemon.beforeRecording =
        state -> {
          if (state == AppState.NOT_RUNNING) {
            device.relaunchForEvents(APP, "bg");
          }
        };

    device.forceQuit(APP);

    assertThat(device.state(APP)).isEqualTo(AppState.NOT_RUNNING);
    assertThat(device.launchNumber(APP)).isEqualTo(1);
    assertThat(deviceEvents("relaunchForEvents"))
        .extracting(TimelineEvent::detail)
        .singleElement()
        .asString()
        .startsWith("refused: the user force-quit");
  }

  @Test
  void aForceQuitAppIsRelaunchedForEventsAgainOnceTheUserHasOpenedIt() {
    launchAndWait();
    device.forceQuit(APP);
    device.launch(APP);
    awaitApp("didFinishLaunching", "counter=1 reason=USER");
    device.terminate(APP);

    device.relaunchForEvents(APP, "bg");

    assertThat(device.state(APP)).isEqualTo(AppState.BACKGROUND);
    assertThat(device.launchNumber(APP)).isEqualTo(3);
  }

  @Test
  void aKilledLaunchIsCollectedAndTheNextLaunchStartsWithFreshStatics() {
    launchAndWait();
    WeakReference<ClassLoader> firstLoader =
        new WeakReference<>(device.classLoader(APP).orElseThrow());

    device.terminate(APP);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              System.gc();
              return firstLoader.get() == null;
            });
    device.launch(APP);
    await().until(() -> appEvents("didFinishLaunching").size() == 2);
    TimelineEvent second = appEvents("didFinishLaunching").get(1);
    assertThat(second.launch()).isEqualTo(2);
    assertThat(second.detail()).isEqualTo("counter=1 reason=USER");
  }

  @Test
  void theMainExecutorDropsWorkOnceTheProcessIsKilled() throws Exception {
    launchAndWait();
    device.goHome();
    awaitApp("didEnterBackground", "");
    AppProcess process = device.process(APP).orElseThrow();
    AtomicBoolean ranQueuedBeforeKill = new AtomicBoolean();
    AtomicBoolean ranSubmittedAfterKill = new AtomicBoolean();
    CountDownLatch holdMainThread = new CountDownLatch(1);
    SwingUtilities.invokeLater(
        () -> {
          try {
            holdMainThread.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    process.mainExecutor().execute(() -> ranQueuedBeforeKill.set(true));
    // Suspended, so the kill does not wait for willTerminate on the held main thread.
    clock.advance(Device.SUSPEND_GRACE);

    device.terminate(APP);
    process.mainExecutor().execute(() -> ranSubmittedAfterKill.set(true));
    holdMainThread.countDown();
    flushMainThread();

    assertThat(process.isAlive()).isFalse();
    assertThat(ranQueuedBeforeKill).isFalse();
    assertThat(ranSubmittedAfterKill).isFalse();
  }

  @Test
  void killingAProcessRunsItsTerminationHooksAndStopsItsQueues() throws Exception {
    launchAndWait();
    AppProcess process = device.process(APP).orElseThrow();
    AtomicBoolean hookRan = new AtomicBoolean();
    process.onTermination(() -> hookRan.set(true));
    var queue = process.newSerialQueue("worker");
    queue.submit(() -> {}).get();

    device.terminate(APP);

    assertThat(hookRan).isTrue();
    assertThat(queue.isShutdown()).isTrue();
    assertThat(queue.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void anAppThatThrowsOnItsMainThreadCrashes() throws IOException {
    behave("crashAtLaunch=true");

    device.launch(APP);

    await().until(() -> device.state(APP) == AppState.NOT_RUNNING);
    assertThat(deviceEvents("crash"))
        .singleElement()
        .satisfies(
            crash -> {
              assertThat(crash.severity()).isEqualTo(Severity.ERROR);
              assertThat(crash.detail()).contains("crashed on purpose");
            });
    assertThat(daemon.calls).endsWith("appStateChanged " + APP + " NOT_RUNNING");
  }

  @Test
  void timersALaunchScheduledDieWithIt() {
    launchAndWait();
    AtomicBoolean fired = new AtomicBoolean();
    device
        .process(APP)
        .orElseThrow()
        .clock()
        .schedule(Duration.ofMinutes(1), () -> fired.set(true));

    device.terminate(APP);
    clock.advance(Duration.ofMinutes(2));

    assertThat(fired).isFalse();
    assertThat(clock.pendingCount()).isZero();
  }

  @Test
  void sessionEventsLaunchTheAppInTheBackgroundAndSuspendItOnceTheHandlerIsCalled()
      throws IOException {
    behave("completionHandler=immediately");
    daemon.relauncher.relaunchForEvents(APP, "bg");

    awaitApp("handleEvents", "bg");
    assertThat(appEvents("didFinishLaunching"))
        .extracting(TimelineEvent::detail)
        .containsExactly("counter=1 reason=URL_SESSION_EVENTS");
    await().until(() -> device.state(APP) == AppState.SUSPENDED);
    assertThat(daemon.calls)
        .containsExactly(
            "appStateChanged " + APP + " BACKGROUND", "appStateChanged " + APP + " SUSPENDED");
    assertThat(warnings()).isEmpty();
  }

  @Test
  void aRelaunchAskedForBeforeTheAppIsInstalledHappensAtInstall() throws IOException {
    RecordingTransferService restoredDaemon = new RecordingTransferService();
    Device freshDevice = new Device(restoredDaemon, timeline, clock, data.resolve("fresh"));
    Path container = Files.createDirectories(data.resolve("fresh/containers").resolve(APP));
    Files.writeString(container.resolve("behaviour.properties"), "completionHandler=immediately");
    try {
      restoredDaemon.relauncher.relaunchForEvents(APP, "bg");
      assertThat(freshDevice.installedApps()).isEmpty();

      freshDevice.install(
          AppBundle.of(APP, TestAppDelegate.class.getName(), "lab.videofarm.testapp."));

      awaitApp("handleEvents", "bg");
      assertThat(appEvents("didFinishLaunching").get(0).detail())
          .isEqualTo("counter=1 reason=URL_SESSION_EVENTS");
      await().until(() -> freshDevice.state(APP) == AppState.SUSPENDED);
    } finally {
      freshDevice.close();
    }
  }

  @Test
  void aShutDownDeviceLaunchesNothing() {
    device.close();

    device.relaunchForEvents(APP, "bg");

    assertThat(device.state(APP)).isEqualTo(AppState.NOT_RUNNING);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> device.launch(APP))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sessionEventsWakeASuspendedApp() throws IOException {
    behave("completionHandler=immediately");
    launchAndWait();
    device.goHome();
    awaitApp("didEnterBackground", "");
    clock.advance(Device.SUSPEND_GRACE);

    device.relaunchForEvents(APP, "bg");

    awaitApp("handleEvents", "bg");
    assertThat(appEvents("didFinishLaunching")).hasSize(1);
    await().until(() -> device.state(APP) == AppState.SUSPENDED);
    assertThat(daemon.calls)
        .endsWith(
            "appStateChanged " + APP + " SUSPENDED",
            "appStateChanged " + APP + " BACKGROUND",
            "appStateChanged " + APP + " SUSPENDED");
  }

  @Test
  void aSuspendedAppWokenForEventsReceivesHandleEventsBeforeTheDaemonHearsItRuns()
      throws Exception {
    behave("completionHandler=never");
    launchAndWait();
    device.goHome();
    awaitApp("didEnterBackground", "");
    clock.advance(Device.SUSPEND_GRACE);
    CompletableFuture<Boolean> handleEventsRanBeforeTheReport = new CompletableFuture<>();
    daemon.beforeRecording =
        state -> {
          if (state == AppState.BACKGROUND) {
            handleEventsRanBeforeTheReport.complete(!appEvents("handleEvents").isEmpty());
          }
        };
    CountDownLatch mainThreadHeld = new CountDownLatch(1);
    CountDownLatch releaseMainThread = new CountDownLatch(1);
    SwingUtilities.invokeLater(
        () -> {
          mainThreadHeld.countDown();
          awaitQuietly(releaseMainThread);
        });
    assertThat(mainThreadHeld.await(10, TimeUnit.SECONDS)).isTrue();

    device.relaunchForEvents(APP, "bg");
    boolean toldWhileHandleEventsWaited = handleEventsRanBeforeTheReport.isDone();
    releaseMainThread.countDown();

    assertThat(toldWhileHandleEventsWaited).isFalse();
    assertThat(handleEventsRanBeforeTheReport.get(10, TimeUnit.SECONDS)).isTrue();
    await()
        .untilAsserted(
            () ->
                assertThat(daemon.calls)
                    .endsWith(
                        "appStateChanged " + APP + " SUSPENDED",
                        "appStateChanged " + APP + " BACKGROUND"));
  }

  @Test
  void aCompletionHandlerNeverCalledIsReportedWithApplesWarningAndTheAppSuspended()
      throws IOException {
    behave("completionHandler=never");
    device.relaunchForEvents(APP, "bg");
    awaitApp("handleEvents", "bg");

    clock.advance(Device.BACKGROUND_TIME_LIMIT.minusSeconds(1));
    assertThat(warnings()).isEmpty();
    clock.advance(Duration.ofSeconds(1));

    assertThat(warnings())
        .extracting(TimelineEvent::detail)
        .containsExactly(
            "Warning: Application delegate received call to handleEventsForBackgroundURLSession"
                + " but the completion handler was never called.");
    assertThat(warnings().get(0).sessionId()).isEqualTo("bg");
    assertThat(device.state(APP)).isEqualTo(AppState.SUSPENDED);
  }

  @Test
  void aCompletionHandlerCalledTwiceIsReported() throws IOException {
    behave("completionHandler=twice");

    device.relaunchForEvents(APP, "bg");

    await().until(() -> !warnings().isEmpty());
    assertThat(warnings().get(0).detail()).contains("called 2 times");
  }

  @Test
  void simulatedBackgroundFetchLaunchesTheAppAndReportsItsResult() throws IOException {
    behave("fetchResult=NO_DATA");

    device.simulateBackgroundFetch(APP);

    await().until(() -> !deviceEvents("performFetchCompleted").isEmpty());
    assertThat(deviceEvents("performFetchCompleted").get(0).detail()).isEqualTo("NO_DATA");
    assertThat(appEvents("didFinishLaunching").get(0).detail())
        .isEqualTo("counter=1 reason=BACKGROUND_FETCH");
    await().until(() -> device.state(APP) == AppState.SUSPENDED);
  }

  @Test
  void anAppThatNeverFinishesItsFetchIsTerminated() throws IOException {
    behave("fetchResult=never");
    device.simulateBackgroundFetch(APP);
    awaitApp("performFetch", "never");

    clock.advance(Device.BACKGROUND_TIME_LIMIT);

    assertThat(device.state(APP)).isEqualTo(AppState.NOT_RUNNING);
    assertThat(deviceEvents("performFetchExpired"))
        .singleElement()
        .extracting(TimelineEvent::severity)
        .isEqualTo(Severity.ERROR);
  }

  @Test
  void backgroundFetchNeverHappensByDefault() {
    launchAndWait();
    device.goHome();
    awaitApp("didEnterBackground", "");

    clock.advance(Duration.ofDays(1));

    flushMainThread();
    assertThat(appEvents("performFetch")).isEmpty();
    assertThat(device.state(APP)).isEqualTo(AppState.SUSPENDED);
  }

  @Test
  void scheduledFetchesFollowTheMinimumIntervalAndLaunchATerminatedApp() throws IOException {
    behave("fetchIntervalSeconds=600");
    launchAndWait();
    await().until(() -> !deviceEvents("setMinimumBackgroundFetchInterval").isEmpty());
    device.goHome();
    awaitApp("didEnterBackground", "");

    clock.advance(Duration.ofSeconds(599));
    assertThat(appEvents("performFetch")).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    awaitApp("performFetch", "null");
    await().until(() -> device.state(APP) == AppState.SUSPENDED);

    device.terminate(APP);
    clock.advance(Duration.ofSeconds(600));

    await().until(() -> appEvents("performFetch").size() == 2);
    assertThat(appEvents("didFinishLaunching").get(1).detail())
        .isEqualTo("counter=1 reason=BACKGROUND_FETCH");
  }

  @Test
  void scheduledFetchesSkipAnAppTheUserForceQuit() throws IOException {
    behave("fetchIntervalSeconds=600");
    launchAndWait();
    await().until(() -> !deviceEvents("setMinimumBackgroundFetchInterval").isEmpty());

    device.forceQuit(APP);
    clock.advance(Duration.ofSeconds(600));

    assertThat(device.state(APP)).isEqualTo(AppState.NOT_RUNNING);
    assertThat(deviceEvents("backgroundFetch"))
        .extracting(TimelineEvent::detail)
        .containsExactly("skipped: the user force-quit the app");
  }

  private void launchAndWait() {
    device.launch(APP);
    await().until(() -> !appEvents("didFinishLaunching").isEmpty());
  }

  private void behave(String... lines) throws IOException {
    Files.write(device.containerDirectory(APP).resolve("behaviour.properties"), List.of(lines));
  }

  private void awaitApp(String what, String detail) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> appEvents(what).stream().anyMatch(event -> event.detail().equals(detail)));
  }

  private List<TimelineEvent> appEvents(String what) {
    return events(Layer.APP, what);
  }

  private List<TimelineEvent> deviceEvents(String what) {
    return events(Layer.DEVICE, what);
  }

  private List<TimelineEvent> events(Layer layer, String what) {
    return timeline.events().stream()
        .filter(event -> event.layer() == layer && event.what().equals(what))
        .toList();
  }

  private List<TimelineEvent> warnings() {
    return timeline.events().stream().filter(event -> event.severity() != Severity.INFO).toList();
  }

  /** Waits until everything queued on the Swing thread so far has run. */
  private static void flushMainThread() {
    try {
      SwingUtilities.invokeAndWait(() -> {});
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
