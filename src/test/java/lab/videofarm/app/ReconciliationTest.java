package lab.videofarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
  @Test
  void aRecordWhoseTaskTheDaemonNoLongerHasVanished() {
    Reconciliation found = new Reconciliation(List.of(), Set.of(1L));

    assertThat(found.vanished(1)).isTrue();
    assertThat(found).hasToString("relinked [], completing from queued events [], vanished [#1]");
  }

  @Test
  void aRecordMadeAfterTheDaemonWasAskedIsStartedSinceNotVanished() {
    Reconciliation found = new Reconciliation(List.of(), Set.of(1L));

    assertThat(found.vanished(2)).isFalse();
    assertThat(found.toString()).endsWith("vanished [], started since [#2]");
  }
}
