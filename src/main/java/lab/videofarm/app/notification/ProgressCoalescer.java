package lab.videofarm.app.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import lab.videofarm.os.clock.Clock;

/**
 * Thins out progress notifications: per task, at most one per {@code interval}, and never loses the
 * latest. A progress notification that comes too soon waits; a newer one replaces it; a timer on
 * the clock delivers the one still waiting when the interval is over. Any other notification about
 * the same task first delivers the waiting progress, so a view never sees "finished" followed by
 * "at 80%".
 *
 * <p>Everything runs under this object's lock, including {@code downstream}, so notifications about
 * one task leave in the order they were decided on even when the clock's timer thread and a
 * delegate thread race. {@code downstream} must therefore be quick and must not wait for other
 * threads.
 */
final class ProgressCoalescer {
  private final Clock clock;
  private final Duration interval;
  private final Consumer<Notification> downstream;

  /** Guarded by {@code this}. */
  private final Map<TaskKey, Window> windows = new HashMap<>();

  /** Guarded by {@code this}. */
  private boolean closed;

  ProgressCoalescer(Clock clock, Duration interval, Consumer<Notification> downstream) {
    this.clock = clock;
    this.interval = interval;
    this.downstream = downstream;
  }

  synchronized void offer(Notification notification) {
    if (closed) {
      return;
    }
    if (notification instanceof Notification.Progress progress) {
      offerProgress(progress);
    } else {
      flushAndForget(TaskKey.of(notification));
      downstream.accept(notification);
    }
  }

  /** Drops waiting progress and stops every timer: the launch is going away. */
  synchronized void close() {
    closed = true;
    windows.values().forEach(Window::cancelTimer);
    windows.clear();
  }

  private void offerProgress(Notification.Progress progress) {
    TaskKey key = TaskKey.of(progress);
    Window window = windows.computeIfAbsent(key, unused -> new Window());
    Instant now = clock.now();
    if (window.isOpenAt(now, interval)) {
      send(window, progress, now);
      return;
    }
    window.waiting = progress;
    if (window.timer == null) {
      Duration untilOpen = Duration.between(now, window.lastSent.plus(interval));
      window.timer = clock.schedule(untilOpen, () -> timerFired(key));
    }
  }

  private synchronized void timerFired(TaskKey key) {
    Window window = windows.get(key);
    Instant now = clock.now();
    // A timer cancelled too late still runs; the window tells whether it is still wanted.
    if (closed || window == null || window.waiting == null || !window.isOpenAt(now, interval)) {
      return;
    }
    send(window, window.waiting, now);
  }

  private void flushAndForget(TaskKey key) {
    Window window = windows.remove(key);
    if (window != null && window.waiting != null) {
      window.cancelTimer();
      downstream.accept(window.waiting);
    }
  }

  private void send(Window window, Notification.Progress progress, Instant now) {
    window.cancelTimer();
    window.waiting = null;
    window.lastSent = now;
    downstream.accept(progress);
  }

  private record TaskKey(String sessionId, long taskId) {
    static TaskKey of(Notification notification) {
      return new TaskKey(notification.sessionId(), notification.taskId());
    }
  }

  /** One task's rate window. Guarded by the coalescer's lock. */
  private static final class Window {
    Instant lastSent;
    Notification.Progress waiting;
    Clock.Timer timer;

    boolean isOpenAt(Instant now, Duration interval) {
      return lastSent == null || !now.isBefore(lastSent.plus(interval));
    }

    void cancelTimer() {
      if (timer != null) {
        timer.cancel();
        timer = null;
      }
    }
  }
}
