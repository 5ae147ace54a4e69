package lab.videofarm.ui.scene;

import java.util.ArrayList;
import java.util.List;
import lab.videofarm.os.timeline.TimelineEvent;

/**
 * A session as the daemon holds it: it outlives app launches when it is a background session.
 *
 * @param id the daemon's label: the background identifier, or {@code default#N}
 * @param background a background session (its tasks outlive the app)
 * @param attachedLaunch the launch whose URLSession is connected to it now, or {@link
 *     TimelineEvent#NO_LAUNCH} when none is
 * @param lastLaunch the launch that was attached most recently
 * @param tasks its tasks in the order they were created
 * @param queue the events waiting for an app to take them, oldest first
 * @param relaunchRequested the daemon asked the device to launch the app for its events
 * @param closed a default session whose app went away, or an invalidated session
 * @param attachedAt the sequence of the last attach
 */
public record DaemonSession(
    String id,
    boolean background,
    int attachedLaunch,
    int lastLaunch,
    List<DaemonTask> tasks,
    List<QueuedEvent> queue,
    boolean relaunchRequested,
    boolean closed,
    long attachedAt) {

  public DaemonSession {
    tasks = List.copyOf(tasks);
    queue = List.copyOf(queue);
  }

  static DaemonSession of(String id) {
    return new DaemonSession(
        id,
        !id.startsWith("default#"),
        TimelineEvent.NO_LAUNCH,
        0,
        List.of(),
        List.of(),
        false,
        false,
        0);
  }

  public boolean attached() {
    return attachedLaunch != TimelineEvent.NO_LAUNCH;
  }

  /** Whether any task is still running or suspended. */
  public boolean hasUnfinishedTasks() {
    return tasks.stream().anyMatch(task -> !task.finished());
  }

  DaemonSession attach(int launch, long at) {
    return new DaemonSession(
        id, background, launch, launch, tasks, queue, relaunchRequested, false, at);
  }

  DaemonSession detach(boolean close) {
    return new DaemonSession(
        id,
        background,
        TimelineEvent.NO_LAUNCH,
        lastLaunch,
        tasks,
        queue,
        relaunchRequested,
        close,
        attachedAt);
  }

  DaemonSession withTask(DaemonTask task) {
    List<DaemonTask> next = new ArrayList<>(tasks);
    int index = indexOf(task.taskId());
    if (index < 0) {
      next.add(task);
    } else {
      next.set(index, task);
    }
    return withTasksAndQueue(next, queue);
  }

  DaemonSession withoutTask(long taskId) {
    List<DaemonTask> next = new ArrayList<>(tasks);
    next.removeIf(task -> task.taskId() == taskId);
    return withTasksAndQueue(next, queue);
  }

  DaemonSession withQueue(List<QueuedEvent> newQueue) {
    return withTasksAndQueue(tasks, newQueue);
  }

  DaemonSession withRelaunchRequested(boolean requested) {
    return new DaemonSession(
        id, background, attachedLaunch, lastLaunch, tasks, queue, requested, closed, attachedAt);
  }

  DaemonSession close() {
    return new DaemonSession(
        id,
        background,
        attachedLaunch,
        lastLaunch,
        tasks,
        queue,
        relaunchRequested,
        true,
        attachedAt);
  }

  /** The task with this identifier, or {@code null}. */
  public DaemonTask task(long taskId) {
    int index = indexOf(taskId);
    return index < 0 ? null : tasks.get(index);
  }

  private int indexOf(long taskId) {
    for (int i = 0; i < tasks.size(); i++) {
      if (tasks.get(i).taskId() == taskId) {
        return i;
      }
    }
    return -1;
  }

  private DaemonSession withTasksAndQueue(List<DaemonTask> newTasks, List<QueuedEvent> newQueue) {
    return new DaemonSession(
        id,
        background,
        attachedLaunch,
        lastLaunch,
        newTasks,
        newQueue,
        relaunchRequested,
        closed,
        attachedAt);
  }
}
