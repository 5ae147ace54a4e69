package lab.videofarm.urlsession;

import lab.videofarm.os.process.AppProcess;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent.Severity;

/**
 * What a session writes on the timeline: its own steps ({@link Layer#SESSION}), and each delegate
 * call or completion handler ({@link Layer#DELEGATE}), whose start is always followed by {@code
 * returned} or {@code threw}.
 */
final class SessionLog {
  private final AppProcess process;
  private volatile String sessionId;

  SessionLog(AppProcess process, String identifier) {
    this.process = process;
    this.sessionId = identifier == null ? "" : identifier;
  }

  /**
   * From now on, rows carry the daemon's label of the session: a default session has no identifier
   * of its own, and its {@code default#N} ties its rows to the daemon's.
   */
  void labelled(String daemonLabel) {
    if (sessionId.isEmpty()) {
      sessionId = daemonLabel;
    }
  }

  /** A step of the session itself. */
  void session(long taskId, String what, String detail, Severity severity) {
    post(Layer.SESSION, taskId, what, detail, severity);
  }

  /**
   * Runs an app callback, on the timeline before and after. An exception is reported, not rethrown:
   * one faulty callback must not stop the events behind it.
   */
  void delegateCall(long taskId, String method, String arguments, Runnable body) {
    post(Layer.DELEGATE, taskId, method, arguments, Severity.INFO);
    try {
      body.run();
    } catch (RuntimeException e) {
      post(Layer.DELEGATE, taskId, "threw", method + ": " + e, Severity.ERROR);
      return;
    }
    post(Layer.DELEGATE, taskId, "returned", method, Severity.INFO);
  }

  private void post(Layer layer, long taskId, String what, String detail, Severity severity) {
    process
        .timeline()
        .post(layer, process.launchNumber(), sessionId, taskId, what, detail, severity);
  }
}
