package lab.videofarm.os.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {
  private final Instant start = Instant.parse("2026-03-01T10:00:00Z");
  private final ManualClock clock = new ManualClock(start);

  @Test
  void timeStandsStillUntilAdvanced() {
    assertThat(clock.now()).isEqualTo(start);
    clock.advance(Duration.ofMinutes(5));
    assertThat(clock.now()).isEqualTo(start.plus(Duration.ofMinutes(5)));
  }

  @Test
  void actionsRunInDueOrderWithTheClockAtTheirDueTime() {
    List<String> ran = new ArrayList<>();
    clock.schedule(Duration.ofSeconds(30), () -> ran.add("b at " + clock.now()));
    clock.schedule(Duration.ofSeconds(10), () -> ran.add("a at " + clock.now()));
    clock.schedule(Duration.ofSeconds(90), () -> ran.add("c"));

    clock.advance(Duration.ofMinutes(1));

    assertThat(ran)
        .containsExactly("a at " + start.plusSeconds(10), "b at " + start.plusSeconds(30));
    assertThat(clock.pendingCount()).isEqualTo(1);
  }

  @Test
  void actionsScheduledWhileAdvancingRunWhenTheyFallDueInTheSameSpan() {
    List<Instant> ran = new ArrayList<>();
    clock.schedule(
        Duration.ofSeconds(10),
        () -> clock.schedule(Duration.ofSeconds(10), () -> ran.add(clock.now())));

    clock.advance(Duration.ofSeconds(25));

    assertThat(ran).containsExactly(start.plusSeconds(20));
  }

  @Test
  void cancelledActionsNeverRun() {
    List<String> ran = new ArrayList<>();
    Clock.Timer timer = clock.schedule(Duration.ofSeconds(1), () -> ran.add("x"));

    assertThat(timer.cancel()).isTrue();
    clock.advance(Duration.ofSeconds(2));

    assertThat(ran).isEmpty();
    assertThat(timer.cancel()).isFalse();
  }
}
