package lab.videofarm.server;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The run-time fault knobs of a {@link SampleServer}; see {@link Fault} for what each one does to a
 * client. Thread-safe: a test thread may turn a knob while transfers run, and the next chunk of
 * body (or the next request) sees the new value. Every setter returns {@code this} for chaining.
 *
 * <p>The same knobs are reachable over HTTP at {@code /admin/faults} (see {@link SampleServer}).
 */
public final class Faults {
  /**
   * The longest {@link Fault#LATENCY}: long enough to outlast any client timeout worth teaching.
   */
  public static final Duration MAX_LATENCY = Duration.ofMinutes(10);

  /** The highest {@link Fault#THROTTLE} rate, a terabyte a second: beyond it, switch it off. */
  public static final long MAX_THROTTLE_BYTES_PER_SECOND = 1_000_000_000_000L;

  private final Consumer<String> etagChanger;

  /** Wakes requests waiting out the latency when it changes; guards {@link #heldByLatency}. */
  private final Object latencyChange = new Object();

  private int heldByLatency;

  private volatile long throttleBytesPerSecond;
  private volatile Duration latency = Duration.ZERO;
  private volatile long dropConnectionAfterBodyBytes = -1;
  private volatile boolean rangesDisabled;
  private volatile boolean resetInsteadOfClose;
  private volatile boolean cutInsideHeaders;
  private volatile boolean validatorsOmitted;
  private volatile String serviceUnavailableRetryAfter;
  private volatile boolean resumableUploadsDisabled;

  Faults(Consumer<String> etagChanger) {
    this.etagChanger = Objects.requireNonNull(etagChanger);
  }

  /** {@link Fault#THROTTLE}: body bytes per second per request; 0 switches it off. */
  public Faults throttleBytesPerSecond(long bytesPerSecond) {
    if (bytesPerSecond < 0 || bytesPerSecond > MAX_THROTTLE_BYTES_PER_SECOND) {
      throw new IllegalArgumentException(
          "bytesPerSecond must be between 0 and "
              + MAX_THROTTLE_BYTES_PER_SECOND
              + ": "
              + bytesPerSecond);
    }
    this.throttleBytesPerSecond = bytesPerSecond;
    return this;
  }

  /**
   * {@link Fault#LATENCY}: delay before each media request is answered, at most {@link
   * #MAX_LATENCY}; zero switches it off. Requests already waiting wait only the new latency.
   */
  public Faults latency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + latency);
    }
    if (latency.compareTo(MAX_LATENCY) > 0) {
      throw new IllegalArgumentException("latency must be at most " + MAX_LATENCY + ": " + latency);
    }
    synchronized (latencyChange) {
      this.latency = latency;
      latencyChange.notifyAll();
    }
    return this;
  }

  /**
   * Holds the calling request for the latency in force, measured from the call. The wait follows
   * the knob: lowering the latency or switching it off (or {@link #reset()}) ends it early, so a
   * request never waits longer than the latency now set.
   *
   * @throws InterruptedException if the thread is interrupted, e.g. by the server stopping
   */
  public void awaitLatency() throws InterruptedException {
    if (latency.isZero()) {
      return;
    }
    long start = System.nanoTime();
    synchronized (latencyChange) {
      heldByLatency++;
      try {
        long remaining;
        while ((remaining = latency.toNanos() - (System.nanoTime() - start)) > 0) {
          TimeUnit.NANOSECONDS.timedWait(latencyChange, remaining);
        }
      } finally {
        heldByLatency--;
      }
    }
  }

  /** How many requests are waiting out the latency right now. */
  public int requestsHeldByLatency() {
    synchronized (latencyChange) {
      return heldByLatency;
    }
  }

  /**
   * {@link Fault#DROP_AFTER_BYTES}: every following media request or response is cut after this
   * many body bytes; -1 switches it off. A body no longer than the limit is not cut.
   */
  public Faults dropConnectionAfterBodyBytes(long bytes) {
    if (bytes < -1) {
      throw new IllegalArgumentException("bytes must be >= -1: " + bytes);
    }
    this.dropConnectionAfterBodyBytes = bytes;
    return this;
  }

  /** {@link Fault#RESET_INSTEAD_OF_CLOSE}: a dropped connection is reset, not closed. */
  public Faults resetInsteadOfClose(boolean reset) {
    this.resetInsteadOfClose = reset;
    return this;
  }

  /** {@link Fault#CUT_INSIDE_HEADERS}: cut every media response inside its headers. */
  public Faults cutInsideHeaders(boolean cut) {
    this.cutInsideHeaders = cut;
    return this;
  }

  /** {@link Fault#NO_VALIDATOR}: serve movies without ETag and Last-Modified. */
  public Faults omitValidators(boolean omit) {
    this.validatorsOmitted = omit;
    return this;
  }

  /**
   * {@link Fault#SERVICE_UNAVAILABLE}: answer every media request 503 with this {@code Retry-After}
   * value; null switches it off.
   *
   * @throws IllegalArgumentException if the value cannot be a header value (a line break)
   */
  public Faults serviceUnavailable(String retryAfter) {
    if (retryAfter != null && (retryAfter.contains("\r") || retryAfter.contains("\n"))) {
      throw new IllegalArgumentException("retryAfter must be one line: " + retryAfter);
    }
    this.serviceUnavailableRetryAfter = retryAfter;
    return this;
  }

  /** {@link Fault#NO_RANGES}: stop advertising and serving byte ranges. */
  public Faults disableRanges(boolean disabled) {
    this.rangesDisabled = disabled;
    return this;
  }

  /**
   * {@link Fault#NO_RESUMABLE_UPLOADS} when false: uploads get no 104 and no upload resource. On
   * (true) by default.
   */
  public Faults resumableUploads(boolean enabled) {
    this.resumableUploadsDisabled = !enabled;
    return this;
  }

  /**
   * {@link Fault#CHANGED_ETAG}: give the movie of this video a new ETag and Last-Modified, as if it
   * had been replaced. The change is persisted like a real replacement.
   *
   * @throws java.util.NoSuchElementException if there is no such video or it has no movie
   * @throws IllegalStateException if the server has not been started
   */
  public Faults changeMovieEtag(String videoId) {
    etagChanger.accept(videoId);
    return this;
  }

  /** Switches every lasting fault off. */
  public Faults reset() {
    throttleBytesPerSecond = 0;
    latency(Duration.ZERO);
    dropConnectionAfterBodyBytes = -1;
    rangesDisabled = false;
    resetInsteadOfClose = false;
    cutInsideHeaders = false;
    validatorsOmitted = false;
    serviceUnavailableRetryAfter = null;
    resumableUploadsDisabled = false;
    return this;
  }

  public long throttleBytesPerSecond() {
    return throttleBytesPerSecond;
  }

  public Duration latency() {
    return latency;
  }

  public long dropConnectionAfterBodyBytes() {
    return dropConnectionAfterBodyBytes;
  }

  public boolean rangesDisabled() {
    return rangesDisabled;
  }

  public boolean resetsInsteadOfClosing() {
    return resetInsteadOfClose;
  }

  public boolean cutsInsideHeaders() {
    return cutInsideHeaders;
  }

  public boolean validatorsOmitted() {
    return validatorsOmitted;
  }

  /** The {@code Retry-After} of {@link Fault#SERVICE_UNAVAILABLE}, or null when it is off. */
  public String serviceUnavailableRetryAfter() {
    return serviceUnavailableRetryAfter;
  }

  public boolean resumableUploadsEnabled() {
    return !resumableUploadsDisabled;
  }

  /** The lasting faults now in force ({@link Fault#CHANGED_ETAG} is an action, never listed). */
  public Set<Fault> active() {
    Set<Fault> active = EnumSet.noneOf(Fault.class);
    if (throttleBytesPerSecond > 0) {
      active.add(Fault.THROTTLE);
    }
    if (!latency.isZero()) {
      active.add(Fault.LATENCY);
    }
    if (dropConnectionAfterBodyBytes >= 0) {
      active.add(Fault.DROP_AFTER_BYTES);
    }
    if (resetInsteadOfClose) {
      active.add(Fault.RESET_INSTEAD_OF_CLOSE);
    }
    if (cutInsideHeaders) {
      active.add(Fault.CUT_INSIDE_HEADERS);
    }
    if (validatorsOmitted) {
      active.add(Fault.NO_VALIDATOR);
    }
    if (serviceUnavailableRetryAfter != null) {
      active.add(Fault.SERVICE_UNAVAILABLE);
    }
    if (rangesDisabled) {
      active.add(Fault.NO_RANGES);
    }
    if (resumableUploadsDisabled) {
      active.add(Fault.NO_RESUMABLE_UPLOADS);
    }
    return active;
  }

  @Override
  public String toString() {
    return "Faults" + active();
  }
}
