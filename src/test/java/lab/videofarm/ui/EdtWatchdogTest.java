package lab.videofarm.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

class EdtWatchdogTest {
  @Test
  void aSwingThreadBlockedForLongerThanTheLimitIsReportedWithItsLength() throws Exception {
    List<Long> reported = new CopyOnWriteArrayList<>();
    try (EdtWatchdog watchdog = new EdtWatchdog(reported::add).start()) {
      // The stall under test: the Swing thread does slow work instead of handing it off.
      SwingUtilities.invokeAndWait(() -> blockFor(400));

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(reported).anyMatch(millis -> millis >= 300));
      assertThat(reported).allMatch(millis -> millis > EdtWatchdog.STALL_MILLIS);
    }
  }

  private static void blockFor(long millis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
