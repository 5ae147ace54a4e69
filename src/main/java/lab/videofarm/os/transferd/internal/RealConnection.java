package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.transferd.DaemonConnection;
import lab.videofarm.os.transferd.DaemonEventSink;
import lab.videofarm.os.transferd.DelayedRequestDisposition;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TaskState;

/**
 * A session's line into the daemon: the app's commands on its session and tasks. Each takes the
 * daemon's lock, acts on the session's registry through the daemon's parts, and returns at once.
 */
final class RealConnection implements DaemonConnection {
  private final DaemonCore core;
  private final DaemonParts parts;
  final SessionChannel channel;
  private final SessionSpec spec;
  final DaemonEventSink sink;

  /** Guarded by the daemon's lock. */
  boolean open = true;

  /** A delivery threw: no more deliveries on this connection. Guarded by the daemon's lock. */
  boolean broken;

  RealConnection(
      DaemonCore core,
      DaemonParts parts,
      SessionChannel channel,
      SessionSpec spec,
      DaemonEventSink sink) {
    this.core = core;
    this.parts = parts;
    this.channel = channel;
    this.spec = spec;
    this.sink = sink;
  }

  @Override
  public SessionSpec session() {
    return spec;
  }

  @Override
  public long createTask(TaskSpec requested) {
    return parts.lock.call(
        () -> {
          SessionChannel channel = usable();
          if (channel.invalidating || channel.invalidated) {
            throw new IllegalStateException(
                "Task created in a session that has been invalidated: " + channel.key.label());
          }
          TaskRecord task =
              TaskFactory.create(
                  channel, core.nextTaskId(channel), requested, spec.launch(), parts.folder);
          channel.tasks.put(task.id, task);
          parts.log.task(
              task,
              "task created",
              task.spec.kind()
                  + " "
                  + task.originalRequest.method()
                  + " "
                  + task.originalRequest.url()
                  + (requested.resumeData() != null ? " from resume data" : ""));
          parts.store.changed();
          return task.id;
        });
  }

  @Override
  public void resume(long id) {
    parts.lock.run(
        () -> {
          TaskRecord task = controllable(id);
          if (task == null) {
            return;
          }
          if (task.suspendCount > 0) {
            task.suspendCount--;
          }
          if (task.suspendCount == 0 && task.state == TaskState.SUSPENDED) {
            task.state = TaskState.RUNNING;
            parts.log.task(task, "task resumed", "");
            parts.scheduler.startRunning(task);
            parts.store.changed();
          }
        });
  }

  @Override
  public void suspend(long id) {
    parts.lock.run(
        () -> {
          TaskRecord task = controllable(id);
          if (task == null) {
            return;
          }
          task.suspendCount++;
          if (task.state == TaskState.RUNNING) {
            task.state = TaskState.SUSPENDED;
            parts.scheduler.pause(task);
            parts.log.task(task, "task suspended", "traffic and timers stop");
            parts.store.changed();
          }
        });
  }

  @Override
  public void cancel(long id) {
    parts.lock.run(
        () -> {
          TaskRecord task = controllable(id);
          if (task != null) {
            task.state = TaskState.CANCELING;
            parts.log.task(task, "task cancelled", "");
            parts.scheduler.stopOrFinish(task, StopReason.CANCEL);
          }
        });
  }

  @Override
  public CompletableFuture<Optional<byte[]>> cancelByProducingResumeData(long id) {
    CompletableFuture<Optional<byte[]>> result = new CompletableFuture<>();
    parts.lock.run(
        () -> {
          TaskRecord task = controllable(id);
          if (task == null) {
            result.complete(Optional.empty());
            return;
          }
          task.waiters.resumeData = result;
          task.state = TaskState.CANCELING;
          parts.log.task(task, "task cancelled", "producing resume data");
          parts.scheduler.stopOrFinish(task, StopReason.CANCEL_WITH_RESUME_DATA);
        });
    return result;
  }

  /**
   * The session's task {@code id} if the app may still resume, suspend or cancel it; null when
   * there is no such task, or it is already cancelling or finished (those calls are then no-ops).
   */
  private TaskRecord controllable(long id) {
    TaskRecord task = usable().tasks.get(id);
    if (task == null || task.state == TaskState.CANCELING || task.isFinished()) {
      return null;
    }
    return task;
  }

  @Override
  public void provideBodyStream(long id, InputStream body) {
    boolean taken =
        parts.lock.call(
            () -> {
              TaskRecord task = usable().tasks.get(id);
              CompletableFuture<InputStream> waiting =
                  task == null ? null : task.waiters.bodyStream;
              return waiting != null && !waiting.isDone() && waiting.complete(body);
            });
    if (!taken) {
      try {
        body.close();
      } catch (IOException ignored) {
        // nobody asked for this stream
      }
    }
  }

  @Override
  public void continueDelayedRequest(
      long id, DelayedRequestDisposition disposition, RequestInfo newRequest) {
    parts.lock.run(
        () -> {
          TaskRecord task = usable().tasks.get(id);
          if (task == null
              || task.run.delayedRequest != TaskRecord.DelayedRequest.AWAITING_ANSWER
              || task.isFinished()
              || task.state == TaskState.CANCELING) {
            return;
          }
          parts.scheduler.delayedRequestAnswered(task, disposition, newRequest);
          parts.store.changed();
        });
  }

  @Override
  public void setEarliestBeginDate(long id, Instant date) {
    parts.lock.run(
        () -> {
          TaskRecord task = usable().tasks.get(id);
          if (task != null && !task.started && task.state == TaskState.SUSPENDED) {
            task.earliestBeginDate = date;
            parts.store.changed();
          }
        });
  }

  @Override
  public void setTaskDescription(long id, String description) {
    parts.lock.run(
        () -> {
          TaskRecord task = usable().tasks.get(id);
          if (task != null) {
            task.description = description;
            parts.store.changed();
          }
        });
  }

  @Override
  public List<TaskSnapshot> allTasks() {
    return parts.lock.call(
        () -> channel.tasks.values().stream().map(TaskRecord::snapshot).toList());
  }

  @Override
  public Optional<TaskSnapshot> task(long id) {
    return parts.lock.call(
        () -> Optional.ofNullable(channel.tasks.get(id)).map(TaskRecord::snapshot));
  }

  @Override
  public void finishTasksAndInvalidate() {
    parts.lock.run(
        () -> {
          if (!usable().invalidating) {
            startInvalidating("finish tasks and invalidate");
            parts.completion.maybeFinishInvalidation(channel);
            parts.store.changed();
          }
        });
  }

  @Override
  public void invalidateAndCancel() {
    parts.lock.run(
        () -> {
          if (!usable().invalidated) {
            startInvalidating("invalidate and cancel");
            core.cancelUnfinished(
                channel, task -> task.state != TaskState.CANCELING, StopReason.INVALIDATE);
            parts.completion.maybeFinishInvalidation(channel);
            parts.store.changed();
          }
        });
  }

  private void startInvalidating(String how) {
    channel.invalidating = true;
    parts.log.session(channel, TimelineEvent.NO_TASK, how, "");
  }

  private SessionChannel usable() {
    if (!open) {
      throw new IllegalStateException("the connection to the daemon is closed");
    }
    return channel;
  }

  @Override
  public void close() {
    core.detach(this);
  }
}
