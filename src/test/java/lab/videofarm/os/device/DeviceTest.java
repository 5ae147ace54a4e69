package lab.videofarm.os.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.SwingUtilities;
import lab.videofarm.os.AppState;
import lab.videofarm.os.process.AppProcess;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import org.junit.jupiter.api.Test;

/** The app lifecycle: launch, home, foreground, termination, force-quit, crash. */
class DeviceTest extends DeviceScenario {
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
    assertThat(deviceEvents("app state"))
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
  void aShutDownDeviceLaunchesNothing() {
    device.close();

    device.relaunchForEvents(APP, "bg");

    assertThat(device.state(APP)).isEqualTo(AppState.NOT_RUNNING);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> device.launch(APP))
        .isInstanceOf(IllegalStateException.class);
  }
}
