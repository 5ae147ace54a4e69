package lab.videofarm.os.transferd.internal;

import java.time.Duration;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.TaskState;

/**
 * A task's three device-clock timers: the delay before its next step (start delay, retry backoff),
 * the request timeout (no byte for timeoutIntervalForRequest stops the attempt), and the resource
 * timeout (timeoutIntervalForResource of running time, paused while suspended). Arming and
 * cancelling happen under the daemon's lock; a timer's action takes the lock itself.
 */
final class TaskTimers {
  private final Clock clock;
  private final DaemonLock lock;
  private final DaemonLog log;

  TaskTimers(Clock clock, DaemonLock lock, DaemonLog log) {
    this.clock = clock;
    this.lock = lock;
    this.log = log;
  }

  /** Runs {@code due} (under the lock) after {@code delay}, unless cancelled first. */
  void delay(TaskRecord task, Duration delay, Runnable due) {
    cancel(task.run.delayTimer);
    task.run.delayTimer = clock.schedule(delay, () -> lock.run(due::run));
  }

  void cancelDelay(TaskRecord task) {
    cancel(task.run.delayTimer);
    task.run.delayTimer = null;
  }

  /** The request timeout of the attempt under way. */
  void armIdle(TaskRecord task) {
    cancel(task.run.idleTimer);
    Attempt attempt = task.run.attempt;
    if (attempt == null || task.state != TaskState.RUNNING) {
      return;
    }
    Duration timeout = task.session.spec.timeoutIntervalForRequest();
    task.run.idleTimer = clock.schedule(timeout, () -> lock.run(() -> idleCheck(task, attempt)));
  }

  void cancelIdle(TaskRecord task) {
    cancel(task.run.idleTimer);
    task.run.idleTimer = null;
  }

  private void idleCheck(TaskRecord task, Attempt attempt) {
    if (task.run.attempt != attempt || task.state != TaskState.RUNNING) {
      return;
    }
    Duration timeout = task.session.spec.timeoutIntervalForRequest();
    Duration idle = Duration.between(attempt.lastActivity, clock.now());
    if (idle.compareTo(timeout) >= 0) {
      log.task(
          task, "request timed out", "no byte for " + idle.toSeconds() + " s", Severity.WARNING);
      attempt.stop(StopReason.IDLE_TIMEOUT);
      lock.wakeAll();
    } else {
      task.run.idleTimer =
          clock.schedule(timeout.minus(idle), () -> lock.run(() -> idleCheck(task, attempt)));
    }
  }

  /** The task became RUNNING: its resource time runs on from where it paused. */
  void startRunning(TaskRecord task, Runnable expired) {
    task.run.runningSince = clock.now();
    cancel(task.run.resourceTimer);
    Duration remaining = task.session.spec.timeoutIntervalForResource().minus(task.resourceElapsed);
    if (remaining.isNegative()) {
      remaining = Duration.ZERO;
    }
    task.run.resourceTimer =
        clock.schedule(
            remaining,
            () ->
                lock.run(
                    () -> {
                      if (task.state == TaskState.RUNNING) {
                        log.task(
                            task,
                            "resource timed out",
                            "timeoutIntervalForResource elapsed",
                            Severity.WARNING);
                        expired.run();
                      }
                    }));
  }

  /** The task stopped running (suspended, finished, daemon closing): every timer stops. */
  void stopAll(TaskRecord task) {
    if (task.run.runningSince != null) {
      task.resourceElapsed =
          task.resourceElapsed.plus(Duration.between(task.run.runningSince, clock.now()));
      task.run.runningSince = null;
    }
    cancel(task.run.resourceTimer);
    task.run.resourceTimer = null;
    cancelIdle(task);
    cancelDelay(task);
  }

  private static void cancel(Clock.Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }
}
