package lab.videofarm.os.device.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lab.videofarm.os.clock.ManualClock;
import org.junit.jupiter.api.Test;

class OnceBeforeDeadlineTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private final ManualClock clock = new ManualClock();
  private final List<String> outcomes = new CopyOnWriteArrayList<>();
  private final OnceBeforeDeadline<String> handler =
      OnceBeforeDeadline.start(
          clock,
          LIMIT,
          new OnceBeforeDeadline.Outcomes<>() {
            @Override
            public void called(String value) {
              outcomes.add("called " + value);
            }

            @Override
            public void calledAgain(int count, String value) {
              outcomes.add("called again (" + count + ") " + value);
            }

            @Override
            public void expired() {
              outcomes.add("expired");
            }
          });

  @Test
  void aCallBeforeTheDeadlineEndsTheWorkAndStopsTheDeadline() {
    handler.accept("NEW_DATA");
    clock.advance(LIMIT);

    assertThat(outcomes).containsExactly("called NEW_DATA");
    assertThat(clock.pendingCount()).isZero();
  }

  @Test
  void everyCallAfterTheFirstIsReportedWithItsCount() {
    handler.accept("a");
    handler.accept("b");
    handler.accept("c");

    assertThat(outcomes).containsExactly("called a", "called again (2) b", "called again (3) c");
  }

  @Test
  void noCallByTheDeadlineExpiresOnceTheDeadlinePasses() {
    clock.advance(LIMIT.minusSeconds(1));
    assertThat(outcomes).isEmpty();

    clock.advance(Duration.ofSeconds(1));

    assertThat(outcomes).containsExactly("expired");
  }

  @Test
  void aCallAfterTheDeadlineStillCountsAsTheFirstCall() {
    clock.advance(LIMIT);

    handler.accept("late");

    assertThat(outcomes).containsExactly("expired", "called late");
  }
}
