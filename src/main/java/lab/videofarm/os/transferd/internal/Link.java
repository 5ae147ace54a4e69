package lab.videofarm.os.transferd.internal;

import com.google.common.util.concurrent.RateLimiter;
import java.io.InterruptedIOException;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.net.NetworkConditions;

/**
 * The conditioner applied to one attempt's connection: latency before the request, bandwidth in the
 * copy loop. Used by one worker thread only. Pacing is in real time (Guava's {@link RateLimiter}),
 * because the bytes cross a real socket.
 */
final class Link {
  private final NetworkConditioner network;
  private final Attempt attempt;
  private RateLimiter limiter;
  private long rate;

  Link(NetworkConditioner network, Attempt attempt) {
    this.network = network;
    this.attempt = attempt;
  }

  /**
   * Waits the link's latency; returns early when the attempt stops. While nothing flows (100% loss)
   * not even the request gets out, so this waits until bandwidth returns or the attempt stops.
   */
  void awaitLatency() throws InterruptedException {
    while (network.conditions().bytesPerSecond() == 0 && !attempt.isStopped()) {
      attempt.awaitStop(100);
    }
    long millis = network.conditions().latency().toMillis();
    if (millis > 0) {
      attempt.awaitStop(millis);
    }
  }

  /** How many bytes to move in one step so that one step takes about 100 ms at most. */
  int chunkSize(int max) {
    long bandwidth = network.conditions().bytesPerSecond();
    if (bandwidth == NetworkConditions.UNLIMITED || bandwidth == 0) {
      return max;
    }
    return (int) Math.max(1, Math.min(max, bandwidth / 10));
  }

  /** Blocks until {@code bytes} may cross the link; never returns while nothing flows. */
  void pace(int bytes) throws InterruptedIOException {
    try {
      while (true) {
        if (attempt.isStopped()) {
          throw new InterruptedIOException("attempt stopped: " + attempt.stopReason());
        }
        long bandwidth = network.conditions().bytesPerSecond();
        if (bandwidth == NetworkConditions.UNLIMITED) {
          return;
        }
        if (bandwidth == 0) {
          attempt.awaitStop(100);
          continue;
        }
        if (limiter == null) {
          limiter = RateLimiter.create(bandwidth);
          rate = bandwidth;
        } else if (rate != bandwidth) {
          limiter.setRate(bandwidth);
          rate = bandwidth;
        }
        limiter.acquire(Math.max(1, bytes));
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }
}
