package lab.videofarm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

class EdtWatchdogTest {
  @Test
  void aSwingThreadBlockedForLongerThanTheLimitIsReportedWithItsLength() throws Exception {
    CompletableFuture<Long> reported = new CompletableFuture<>();
    try (EdtWatchdog watchdog = new EdtWatchdog(reported::complete).start()) {
      // The stall under test: the Swing thread does slow work instead of handing it off.
      SwingUtilities.invokeAndWait(() -> blockFor(400));

      assertThat(reported.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(300);
    }
  }

  private static void blockFor(long millis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
