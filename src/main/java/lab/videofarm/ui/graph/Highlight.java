package lab.videofarm.ui.graph;

import lab.videofarm.os.timeline.TimelineEvent;

/** The one task to make stand out, or none. */
record Highlight(String sessionId, long taskId) {
  static final Highlight NONE = new Highlight("", TimelineEvent.NO_TASK);

  boolean is(String session, long task) {
    return taskId != TimelineEvent.NO_TASK && taskId == task && sessionId.equals(session);
  }

  boolean isTask(long task) {
    return taskId != TimelineEvent.NO_TASK && taskId == task;
  }
}
