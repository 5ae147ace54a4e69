package lab.videofarm.os.transferd.internal;

import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;

/** The daemon's lines on the timeline: about a task, a session, or the daemon as a whole. */
final class DaemonLog {
  private final Timeline timeline;

  DaemonLog(Timeline timeline) {
    this.timeline = timeline;
  }

  void task(TaskRecord task, String what, String detail) {
    task(task, what, detail, Severity.INFO);
  }

  void task(TaskRecord task, String what, String detail, Severity severity) {
    timeline.post(
        Layer.DAEMON, task.launch, task.session.key.label(), task.id, what, detail, severity);
  }

  void session(SessionChannel channel, long taskId, String what, String detail) {
    session(channel, channel.launch(), taskId, what, detail, Severity.INFO);
  }

  void session(
      SessionChannel channel,
      int launch,
      long taskId,
      String what,
      String detail,
      Severity severity) {
    timeline.post(Layer.DAEMON, launch, channel.key.label(), taskId, what, detail, severity);
  }

  void daemon(String what, String detail) {
    daemon(what, detail, Severity.INFO);
  }

  void daemon(String what, String detail, Severity severity) {
    timeline.post(
        Layer.DAEMON, TimelineEvent.NO_LAUNCH, "", TimelineEvent.NO_TASK, what, detail, severity);
  }

  static String describe(Throwable cause) {
    if (cause == null) {
      return "";
    }
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
