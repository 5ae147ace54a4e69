package lab.videofarm.os.device;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.testapp.TestAppDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One phone with the test app installed, on a manual clock, with a daemon that records what it is
 * told; the helpers read what happened from the timeline.
 */
abstract class DeviceScenario {
  static final String APP = TestAppDelegate.BUNDLE_ID;

  @TempDir Path data;

  final ManualClock clock = new ManualClock();
  final Timeline timeline = new Timeline(clock);
  final RecordingTransferService daemon = new RecordingTransferService();
  Device device;

  @BeforeEach
  void installTheTestApp() {
    device = new Device(daemon, timeline, clock, data);
    device.install(AppBundle.of(APP, TestAppDelegate.class.getName(), "lab.videofarm.testapp."));
  }

  @AfterEach
  void shutDown() {
    device.close();
  }

  static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void launchAndWait() {
    device.launch(APP);
    await().until(() -> !appEvents("didFinishLaunching").isEmpty());
  }

  void behave(String... lines) throws IOException {
    Files.write(device.containerDirectory(APP).resolve("behaviour.properties"), List.of(lines));
  }

  void awaitApp(String what, String detail) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> appEvents(what).stream().anyMatch(event -> event.detail().equals(detail)));
  }

  List<TimelineEvent> appEvents(String what) {
    return events(Layer.APP, what);
  }

  List<TimelineEvent> deviceEvents(String what) {
    return events(Layer.DEVICE, what);
  }

  List<TimelineEvent> events(Layer layer, String what) {
    return timeline.events().stream()
        .filter(event -> event.layer() == layer && event.what().equals(what))
        .toList();
  }

  List<TimelineEvent> warnings() {
    return timeline.events().stream().filter(event -> event.severity() != Severity.INFO).toList();
  }

  /** Waits until everything queued on the main thread so far has run. */
  static void flushMainThread() {
    try {
      SwingUtilities.invokeAndWait(() -> {});
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
