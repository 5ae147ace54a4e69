package lab.videofarm.os.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulated device's sense of time. Everything in the simulation that waits — timeouts,
 * background fetch schedules, the relaunch rate limiter, the grace period before an app is
 * suspended — asks this clock instead of the JVM, so tests can drive hours of device time without
 * sleeping ({@link ManualClock}) while the app runs on real time ({@link SystemClock}).
 */
public interface Clock {

  /** The current device time. */
  Instant now();

  /**
   * Runs {@code action} once, {@code delay} from now, on a thread owned by the clock. Actions must
   * be short; hand long work to an executor.
   */
  Timer schedule(Duration delay, Runnable action);

  /** A scheduled action that has not run yet. */
  interface Timer {
    /** Stops the action from running. Returns false if it already ran or was cancelled. */
    boolean cancel();
  }
}
