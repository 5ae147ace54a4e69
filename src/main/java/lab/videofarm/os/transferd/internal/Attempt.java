package lab.videofarm.os.transferd.internal;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * One try at a task on one worker thread: one HTTP exchange. Other threads stop it with {@link
 * #stop}; the worker notices through a broken connection or by checking {@link #stopReason()}.
 * Thread-safe: its fields are volatile or guarded by {@code this}.
 */
final class Attempt {
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Guarded by {@code this}. */
  private StopReason stopReason;

  /** Guarded by {@code this}. */
  private Cancellable exchange;

  /** Device time of the last byte moved; read by the idle timer. */
  volatile Instant lastActivity;

  /** Bytes this attempt moved, either way. */
  volatile long bytesMoved;

  /** The host whose connection (of the session's {@link HostConnections}) it holds, or null. */
  final String host;

  Attempt(Instant now) {
    this(now, null);
  }

  Attempt(Instant now, String host) {
    this.lastActivity = now;
    this.host = host;
  }

  /** Records why it must stop (the first reason wins) and breaks its connection. */
  void stop(StopReason reason) {
    Cancellable toCancel;
    synchronized (this) {
      if (stopReason == null) {
        stopReason = reason;
      }
      toCancel = exchange;
    }
    stopped.countDown();
    if (toCancel != null) {
      toCancel.cancel();
    }
  }

  synchronized StopReason stopReason() {
    return stopReason;
  }

  boolean isStopped() {
    return stopReason() != null;
  }

  /** The exchange to break on stop; breaks it at once if the attempt was already stopped. */
  void setExchange(Cancellable cancellable) {
    boolean stopNow;
    synchronized (this) {
      exchange = cancellable;
      stopNow = stopReason != null;
    }
    if (stopNow && cancellable != null) {
      cancellable.cancel();
    }
  }

  /** Waits up to {@code millis} real milliseconds; returns early, true, when stopped. */
  boolean awaitStop(long millis) throws InterruptedException {
    return stopped.await(millis, TimeUnit.MILLISECONDS);
  }
}
