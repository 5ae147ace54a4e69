package lab.videofarm.os.device.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import lab.videofarm.os.clock.Clock;

/**
 * A completion handler the system hands the app with some background work ({@code
 * handleEventsForBackgroundURLSession}, {@code performFetch}): the app must call it exactly once,
 * before a deadline. The first call ends the work; later calls and a missed deadline are mistakes
 * the {@link Outcomes} report.
 *
 * @param <T> what the app passes to the handler ({@code Void} when it passes nothing)
 */
final class OnceBeforeDeadline<T> implements Consumer<T> {

  /** What happens on each kind of call. Run on the calling thread, with no lock held. */
  interface Outcomes<T> {
    /** The first call, in time. */
    void called(T value);

    /** A second or later call; {@code count} counts every call so far. */
    void calledAgain(int count, T value);

    /** The deadline passed without a call. */
    void expired();
  }

  private final Outcomes<T> outcomes;
  private final AtomicInteger calls = new AtomicInteger();
  private final Clock.Timer deadline;

  private OnceBeforeDeadline(Clock clock, Duration limit, Outcomes<T> outcomes) {
    this.outcomes = outcomes;
    this.deadline = clock.schedule(limit, this::deadlinePassed);
  }

  /** A handler whose deadline starts now; the launch's clock drops it if the launch dies. */
  static <T> OnceBeforeDeadline<T> start(Clock clock, Duration limit, Outcomes<T> outcomes) {
    return new OnceBeforeDeadline<>(clock, limit, outcomes);
  }

  @Override
  public void accept(T value) {
    int count = calls.incrementAndGet();
    if (count > 1) {
      outcomes.calledAgain(count, value);
      return;
    }
    deadline.cancel();
    outcomes.called(value);
  }

  private void deadlinePassed() {
    if (calls.get() == 0) {
      outcomes.expired();
    }
  }
}
