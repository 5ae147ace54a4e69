package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.net.NetworkConditions;
import lab.videofarm.os.net.NetworkPreset;
import lab.videofarm.os.transferd.DelayedRequestDisposition;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskState;

/**
 * Moves RUNNING tasks through their life. A task's whole life, top to bottom:
 *
 * <ol>
 *   <li>{@link #startRunning}: resumed (or restored): its resource timer runs again.
 *   <li>{@link #advance}: the {@link AdmissionPolicy} says go, wait (a timer, the network, the
 *       app's answer), or fail; on go, an {@link Attempt} runs a {@link TransferCall} on a worker.
 *   <li>{@link #attemptEnded}: the call returned (the task completed through {@link Completion}) or
 *       failed; the {@link RetryPolicy} says stop, fail, or retry, and a retry goes back to {@link
 *       #advance}, now or after a backoff.
 * </ol>
 *
 * <p>Everything here runs under the daemon's lock; only the call itself runs outside it.
 */
final class Scheduler {
  /** Makes the call that runs one attempt of a task. */
  @FunctionalInterface
  interface CallFactory {
    TransferCall newCall(TaskRecord task, Attempt attempt);
  }

  private final DaemonLock lock;
  private final Clock clock;
  private final NetworkConditioner network;
  private final AppStates apps;
  private final Mailbox mailbox;
  private final TaskTimers timers;
  private final Completion completion;
  private final DaemonLog log;
  private final Executor workers;
  private final CallFactory calls;
  private final BooleanSupplier closed;

  Scheduler(
      DaemonLock lock,
      Clock clock,
      NetworkConditioner network,
      AppStates apps,
      Mailbox mailbox,
      TaskTimers timers,
      Completion completion,
      DaemonLog log,
      Executor workers,
      CallFactory calls,
      BooleanSupplier closed) {
    this.lock = lock;
    this.clock = clock;
    this.network = network;
    this.apps = apps;
    this.mailbox = mailbox;
    this.timers = timers;
    this.completion = completion;
    this.log = log;
    this.workers = workers;
    this.calls = calls;
    this.closed = closed;
  }

  /** The task just became RUNNING: restart its timers and either wake or schedule its work. */
  void startRunning(TaskRecord task) {
    timers.startRunning(task, () -> resourceTimedOut(task));
    Attempt attempt = task.run.attempt;
    if (attempt != null) {
      attempt.lastActivity = clock.now();
      timers.armIdle(task);
      lock.wakeAll();
    } else if (task.run.phase == TaskRecord.Phase.IDLE) {
      task.run.startDelayServed = false;
      advance(task);
    }
  }

  /** The task was suspended: traffic and timers stop; a waiting task waits no more. */
  void pause(TaskRecord task) {
    timers.stopAll(task);
    if (task.run.phase == TaskRecord.Phase.DELAYED
        || task.run.phase == TaskRecord.Phase.WAITING_FOR_CONNECTIVITY) {
      task.run.phase = TaskRecord.Phase.IDLE;
    }
  }

  /** Takes the task's next step, if it is RUNNING and waits for nothing. */
  void advance(TaskRecord task) {
    if (closed.getAsBoolean()
        || task.state != TaskState.RUNNING
        || task.run.attempt != null
        || task.run.phase != TaskRecord.Phase.IDLE) {
      return;
    }
    AdmissionPolicy.Admission admission = AdmissionPolicy.admit(facts(task));
    if (!(admission instanceof AdmissionPolicy.Admission.Delay)) {
      task.run.startDelayServed = true;
    }
    if (admission instanceof AdmissionPolicy.Admission.Delay delay) {
      delay(task, delay);
    } else if (admission instanceof AdmissionPolicy.Admission.AskApp) {
      askApp(task);
    } else if (admission instanceof AdmissionPolicy.Admission.ContinueUnasked) {
      task.run.delayedRequest = TaskRecord.DelayedRequest.ANSWERED;
      log.task(task, "delayed request continues", "the app is not running to be asked");
      advance(task);
    } else if (admission instanceof AdmissionPolicy.Admission.AwaitNetwork wait) {
      task.run.phase = TaskRecord.Phase.WAITING_FOR_CONNECTIVITY;
      log.task(task, wait.what(), wait.why());
    } else if (admission instanceof AdmissionPolicy.Admission.FailOffline) {
      completion.fail(
          task,
          ErrorCodes.NOT_CONNECTED_TO_INTERNET,
          "The Internet connection appears to be offline.",
          false);
    } else {
      run(task);
    }
  }

  private AdmissionPolicy.Facts facts(TaskRecord task) {
    String bundle = task.session.key.bundleId();
    return new AdmissionPolicy.Facts(
        task.session.key.isBackground(),
        task.started,
        task.run.startDelayServed,
        clock.now(),
        task.earliestBeginDate,
        apps.get(bundle),
        apps.relaunches(bundle),
        task.run.delayedRequest,
        mailbox.deliverable(task.session),
        network.isOnline(),
        task.session.spec.waitsForConnectivity(),
        task.session.spec.discretionary(),
        onCellular());
  }

  private void delay(TaskRecord task, AdmissionPolicy.Admission.Delay delay) {
    task.run.phase = TaskRecord.Phase.DELAYED;
    log.task(task, "task delayed", delay.delay().toSeconds() + " s: " + delay.why());
    timers.delay(
        task,
        delay.delay(),
        () -> {
          if (task.run.phase == TaskRecord.Phase.DELAYED && task.state == TaskState.RUNNING) {
            task.run.phase = TaskRecord.Phase.IDLE;
            task.run.delayTimer = null;
            task.run.startDelayServed = true;
            advance(task);
          }
        });
  }

  private void askApp(TaskRecord task) {
    task.run.phase = TaskRecord.Phase.DELAYED;
    task.run.delayedRequest = TaskRecord.DelayedRequest.AWAITING_ANSWER;
    log.task(task, "asking the app", "willBeginDelayedRequest " + task.currentRequest.url());
    mailbox.emit(task.session, new TaskEvent.WillBeginDelayedRequest(task.id, task.currentRequest));
  }

  /** The app answered WillBeginDelayedRequest. */
  void delayedRequestAnswered(
      TaskRecord task, DelayedRequestDisposition disposition, RequestInfo newRequest) {
    task.run.delayedRequest = TaskRecord.DelayedRequest.ANSWERED;
    if (task.run.phase == TaskRecord.Phase.DELAYED) {
      task.run.phase = TaskRecord.Phase.IDLE;
    }
    switch (disposition == null ? DelayedRequestDisposition.CONTINUE_LOADING : disposition) {
      case CANCEL -> {
        task.state = TaskState.CANCELING;
        log.task(task, "task cancelled", "by willBeginDelayedRequest");
        completion.stopped(task, StopReason.CANCEL);
      }
      case USE_NEW_REQUEST -> {
        if (newRequest != null) {
          task.currentRequest = newRequest;
          log.task(task, "request replaced", newRequest.method() + " " + newRequest.url());
        }
        advance(task);
      }
      case CONTINUE_LOADING -> {
        log.task(task, "delayed request continues", "");
        advance(task);
      }
    }
  }

  /** The app can no longer answer WillBeginDelayedRequest: the original request goes ahead. */
  void abandonDelayedRequests(SessionChannel channel) {
    for (TaskRecord task : List.copyOf(channel.tasks.values())) {
      if (task.run.delayedRequest == TaskRecord.DelayedRequest.AWAITING_ANSWER) {
        channel.queue.removeIf(
            pending ->
                pending.event() instanceof TaskEvent.WillBeginDelayedRequest asked
                    && asked.taskIdentifier() == task.id);
        task.run.delayedRequest = TaskRecord.DelayedRequest.ANSWERED;
        task.run.phase = TaskRecord.Phase.IDLE;
        log.task(task, "delayed request continues", "the app went away before answering");
        advance(task);
      }
    }
  }

  private void run(TaskRecord task) {
    task.started = true;
    task.run.phase = TaskRecord.Phase.ACTIVE;
    Attempt attempt = new Attempt(clock.now());
    task.run.attempt = attempt;
    timers.armIdle(task);
    TransferCall call = calls.newCall(task, attempt);
    workers.execute(
        () -> {
          Exception outcome = null;
          try {
            call.execute();
          } catch (Exception e) {
            outcome = e;
          }
          Exception ended = outcome;
          lock.run(() -> attemptEnded(task, attempt, ended));
        });
  }

  /** Every attempt ends here: {@code failure} is null when the call returned. */
  private void attemptEnded(TaskRecord task, Attempt attempt, Exception failure) {
    if (task.run.attempt == attempt) {
      task.run.attempt = null;
      timers.cancelIdle(task);
      if (task.run.phase == TaskRecord.Phase.ACTIVE) {
        task.run.phase = TaskRecord.Phase.IDLE;
      }
    }
    if (task.waiters.bodyStream != null) {
      task.waiters.bodyStream.cancel(false);
      task.waiters.bodyStream = null;
    }
    StopReason stop = attempt.stopReason();
    if (task.isFinished() || stop == StopReason.DAEMON_CLOSED || closed.getAsBoolean()) {
      return;
    }
    Exception cause = failure;
    if (stop == null && cause == null) {
      // The call returned without completing the task; never leave it stranded.
      cause = new IOException("the exchange ended without completing the task");
    }
    if (stop == null && !(cause instanceof TransferFailure)) {
      log.task(task, "connection lost", DaemonLog.describe(cause));
    }
    recover(task, RetryPolicy.recover(ending(task, attempt, stop, cause)));
  }

  private static RetryPolicy.Ending ending(
      TaskRecord task, Attempt attempt, StopReason stop, Exception cause) {
    boolean keepsProgress =
        task.spec.kind() == TaskKind.DOWNLOAD
            || task.spec.kind() == TaskKind.UPLOAD && task.uploadResource != null;
    return new RetryPolicy.Ending(
        stop,
        cause,
        task.session.key.isBackground(),
        keepsProgress,
        attempt.bytesMoved,
        task.run.failuresWithoutProgress);
  }

  private void recover(TaskRecord task, RetryPolicy.Recovery recovery) {
    if (recovery instanceof RetryPolicy.Recovery.Stop stop) {
      completion.stopped(task, stop.reason());
    } else if (recovery instanceof RetryPolicy.Recovery.Fail fail) {
      completion.fail(task, fail.code(), fail.description(), fail.withResumeData());
    } else if (recovery instanceof RetryPolicy.Recovery.Retry retry) {
      retry(task, retry);
    }
  }

  private void retry(TaskRecord task, RetryPolicy.Recovery.Retry retry) {
    task.run.failuresWithoutProgress = retry.failuresWithoutProgress();
    if (task.state != TaskState.RUNNING) {
      return;
    }
    if (!network.isOnline()) {
      advance(task);
    } else if (retry.backoff().isZero()) {
      log.task(task, "retry", retry.why() + "; continuing now");
      advance(task);
    } else {
      log.task(task, "retry", retry.why() + "; again in " + retry.backoff().toSeconds() + " s");
      delay(task, new AdmissionPolicy.Admission.Delay(retry.backoff(), "retry backoff"));
    }
  }

  /** Stops the running attempt, which then ends the task; or ends the task now if none runs. */
  void stopOrFinish(TaskRecord task, StopReason reason) {
    timers.cancelDelay(task);
    if (task.run.attempt != null) {
      task.run.attempt.stop(reason);
      lock.wakeAll();
    } else {
      completion.stopped(task, reason);
    }
  }

  private void resourceTimedOut(TaskRecord task) {
    if (task.run.attempt != null) {
      task.run.attempt.stop(StopReason.RESOURCE_TIMEOUT);
      lock.wakeAll();
    } else {
      completion.fail(task, ErrorCodes.TIMED_OUT, "The request timed out.", true);
    }
  }

  /** Going offline or dropping connections stops attempts; coming back starts waiting tasks. */
  void networkChanged(
      TaskRecord task, NetworkConditions conditions, NetworkConditioner.Change change) {
    switch (change) {
      case WENT_OFFLINE -> stopAttempt(task, StopReason.OFFLINE);
      case CONNECTIONS_DROPPED -> stopAttempt(task, StopReason.DROPPED);
      case WENT_ONLINE, SHAPED -> {
        if (task.run.phase == TaskRecord.Phase.WAITING_FOR_CONNECTIVITY
            && task.state == TaskState.RUNNING
            && (change == NetworkConditioner.Change.WENT_ONLINE || !onCellular())) {
          task.run.phase = TaskRecord.Phase.IDLE;
          log.task(task, "connectivity restored", conditions.label());
          advance(task);
        }
      }
    }
  }

  private void stopAttempt(TaskRecord task, StopReason reason) {
    if (task.run.attempt != null) {
      task.run.attempt.stop(reason);
      lock.wakeAll();
    }
  }

  private boolean onCellular() {
    NetworkPreset preset = network.conditions().preset();
    return preset == NetworkPreset.LTE
        || preset == NetworkPreset.THREE_G
        || preset == NetworkPreset.EDGE;
  }
}
