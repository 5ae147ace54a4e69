package lab.videofarm.os.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import lab.videofarm.os.AppState;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.testapp.TestAppDelegate;
import org.junit.jupiter.api.Test;

/** Background work: relaunch and wake for session events, background fetch and its schedule. */
class DeviceBackgroundWorkTest extends DeviceScenario {
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
    assertThat(deviceEvents("relaunch for events"))
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

    await().until(() -> !deviceEvents("fetch completed").isEmpty());
    assertThat(deviceEvents("fetch completed").get(0).detail()).isEqualTo("NO_DATA");
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
    assertThat(deviceEvents("fetch expired"))
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
    assertThat(deviceEvents("background fetch"))
        .extracting(TimelineEvent::detail)
        .containsExactly("skipped: the user force-quit the app");
  }
}
