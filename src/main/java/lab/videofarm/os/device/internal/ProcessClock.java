package lab.videofarm.os.device.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import lab.videofarm.os.clock.Clock;

/**
 * The device clock as one launch sees it: every action it schedules is forgotten when the launch
 * dies. The device clock only ever holds a small cell whose content is cleared on cancel, so a
 * cancelled action (which a real-time scheduler may keep queued until its due time) no longer
 * reaches the dead launch.
 */
final class ProcessClock implements Clock {
  private final Clock device;

  /** Guarded by {@code this}. Null once closed. */
  private Set<Scheduled> pending = new HashSet<>();

  ProcessClock(Clock device) {
    this.device = device;
  }

  @Override
  public Instant now() {
    return device.now();
  }

  @Override
  public Timer schedule(Duration delay, Runnable action) {
    Scheduled scheduled = new Scheduled(new AtomicReference<>(action));
    synchronized (this) {
      if (pending == null) {
        return () -> false;
      }
      pending.add(scheduled);
    }
    AtomicReference<Runnable> cell = scheduled.action;
    scheduled.timer =
        device.schedule(
            delay,
            () -> {
              Runnable due = cell.getAndSet(null);
              if (due != null) {
                forget(scheduled);
                due.run();
              }
            });
    return scheduled::cancel;
  }

  private synchronized void forget(Scheduled scheduled) {
    if (pending != null) {
      pending.remove(scheduled);
    }
  }

  /** Cancels everything still pending; later schedules do nothing. */
  void close() {
    List<Scheduled> toCancel;
    synchronized (this) {
      if (pending == null) {
        return;
      }
      toCancel = List.copyOf(pending);
      pending = null;
    }
    toCancel.forEach(Scheduled::cancel);
  }

  private final class Scheduled {
    final AtomicReference<Runnable> action;
    volatile Timer timer;

    Scheduled(AtomicReference<Runnable> action) {
      this.action = action;
    }

    boolean cancel() {
      boolean wasPending = action.getAndSet(null) != null;
      forget(this);
      Timer deviceTimer = timer;
      if (deviceTimer != null) {
        deviceTimer.cancel();
      }
      return wasPending;
    }
  }
}
