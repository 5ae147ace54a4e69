package lab.videofarm.ui.inspector;

import lab.videofarm.ui.scene.DaemonSession;
import lab.videofarm.ui.scene.DaemonTask;

/**
 * One row of the inspector: a task with what its session says about it.
 *
 * @param task the task
 * @param attached the launch its session is attached to, or why none is
 * @param queued events queued for this task
 */
record TaskRow(DaemonTask task, String attached, int queued) {
  static TaskRow of(DaemonSession session, DaemonTask task) {
    int queued = (int) session.queue().stream().filter(q -> q.taskId() == task.taskId()).count();
    return new TaskRow(task, attachment(session), queued);
  }

  private static String attachment(DaemonSession session) {
    if (session.attached()) {
      return "launch " + session.attachedLaunch();
    }
    if (!session.background()) {
      return "session gone";
    }
    if (session.hasUnfinishedTasks() || !session.queue().isEmpty()) {
      return "waiting for relaunch";
    }
    return "none";
  }

  /** Identifies the row across scenes. */
  String key() {
    return task.sessionId() + "#" + task.taskId();
  }
}
