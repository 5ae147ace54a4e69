package lab.videofarm.server.internal;

import com.google.common.util.concurrent.RateLimiter;
import lab.videofarm.server.Faults;

/**
 * Paces a request body by the throttle fault. The fault is read again for every chunk, so a
 * throttle set or lifted mid-upload applies at once; chunks are a tenth of a second's worth.
 */
final class UploadPacer {
  private final Faults faults;
  private RateLimiter limiter;
  private long rate;

  UploadPacer(Faults faults) {
    this.faults = faults;
  }

  /** How many bytes to read next, at most {@code max}. */
  int nextChunk(int max) {
    rate = faults.throttleBytesPerSecond();
    return rate > 0 ? (int) Math.max(1, Math.min(max, rate / 10)) : max;
  }

  /** Waits until {@code n} bytes just read may pass at the rate read by {@link #nextChunk}. */
  void pace(int n) {
    if (rate <= 0) {
      return;
    }
    if (limiter == null) {
      limiter = RateLimiter.create(rate);
    } else if (limiter.getRate() != rate) {
      limiter.setRate(rate);
    }
    limiter.acquire(n);
  }
}
