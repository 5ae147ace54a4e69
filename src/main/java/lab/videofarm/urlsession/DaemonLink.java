package lab.videofarm.urlsession;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.DaemonConnection;
import lab.videofarm.os.transferd.SessionInUseException;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TransferService;
import lab.videofarm.urlsession.internal.DaemonBridge;

/**
 * A session's line to the daemon: task calls go out through its {@link DaemonConnection}, events
 * come back through its {@link DaemonBridge}. Once the session is invalidated or its process died
 * the line is <i>detached</i>: calls are ignored (and the timeline says so), questions get empty
 * answers, and answers to the app are nil.
 */
final class DaemonLink {
  private final DaemonConnection connection;
  private final DaemonBridge bridge;
  private final DelegateQueue queue;
  private final SessionLog log;
  private volatile boolean detached;

  private DaemonLink(
      DaemonConnection connection, DaemonBridge bridge, DelegateQueue queue, SessionLog log) {
    this.connection = connection;
    this.bridge = bridge;
    this.queue = queue;
    this.log = log;
  }

  /**
   * Connects a new session. Its events wait in the bridge until {@link #open}. A refused session
   * gives up its identifier and its queue.
   *
   * @throws URLError {@link URLError#BACKGROUND_SESSION_IN_USE_BY_ANOTHER_PROCESS} if another
   *     process holds the identifier (rule 2)
   */
  static DaemonLink connect(
      TransferService daemon,
      SessionSpec spec,
      DelegateQueue queue,
      Consumer<TaskEvent> dispatcher,
      BackgroundRules rules,
      SessionLog log) {
    DaemonBridge bridge = new DaemonBridge(queue, dispatcher);
    try {
      return new DaemonLink(daemon.connect(spec, bridge), bridge, queue, log);
    } catch (SessionInUseException e) {
      abandon(bridge, queue, rules);
      log.session(TimelineEvent.NO_TASK, "session refused", e.getMessage(), Severity.WARNING);
      throw new URLError(
          URLError.BACKGROUND_SESSION_IN_USE_BY_ANOTHER_PROCESS, e.getMessage(), Map.of());
    } catch (RuntimeException e) {
      abandon(bridge, queue, rules);
      throw e;
    }
  }

  private static void abandon(DaemonBridge bridge, DelegateQueue queue, BackgroundRules rules) {
    rules.release();
    bridge.close();
    queue.shutdownIfOwned();
  }

  /** Lets the daemon's events through, queued ones first. */
  void open() {
    bridge.open();
  }

  boolean detached() {
    return detached;
  }

  /** The session was invalidated: no more calls, no more events. */
  void detach() {
    detached = true;
  }

  /** The app process died: ends the delivery in flight, which stays queued for the next launch. */
  void processDied() {
    detached = true;
    bridge.close();
    try {
      connection.close();
    } finally {
      log.session(TimelineEvent.NO_TASK, "session detached", "the app process died", Severity.INFO);
    }
  }

  long createTask(TaskSpec spec) {
    return connection.createTask(spec);
  }

  Optional<TaskSnapshot> task(long taskId) {
    return connection.task(taskId);
  }

  /** The daemon's label of the session, {@code default#N} for a default session. */
  String label() {
    return connection.label();
  }

  /** The session's tasks the daemon still knows; none once detached. */
  List<TaskSnapshot> allTasks() {
    return detached ? List.of() : connection.allTasks();
  }

  void finishTasksAndInvalidate() {
    connection.finishTasksAndInvalidate();
  }

  void invalidateAndCancel() {
    connection.invalidateAndCancel();
  }

  /**
   * A task's call to the daemon. The task object already changed its own state; a failure here is
   * reported, not thrown, as iOS does not fail these calls either.
   */
  void forward(long taskId, String what, Consumer<DaemonConnection> call) {
    if (detached) {
      log.session(taskId, what, "ignored: the session is detached", Severity.WARNING);
      return;
    }
    try {
      call.accept(connection);
    } catch (RuntimeException e) {
      log.session(taskId, what, "failed: " + e, Severity.WARNING);
    }
  }

  /** Hands {@code handler} the task's resume data, or null, on the delegate queue. */
  void cancelByProducingResumeData(long taskId, Consumer<byte[]> handler) {
    if (detached) {
      queue.executeIfAlive(() -> handler.accept(null));
      return;
    }
    connection
        .cancelByProducingResumeData(taskId)
        .whenComplete(
            (resumeData, failure) -> {
              byte[] data = resumeData == null ? null : resumeData.orElse(null);
              queue.executeIfAlive(
                  () ->
                      log.delegateCall(
                          taskId,
                          "cancelByProducingResumeData.completionHandler",
                          data == null ? "nil" : data.length + " bytes",
                          () -> handler.accept(data)));
            });
  }

  /** Hands the app an answer on the delegate queue. */
  void answer(Runnable work) {
    queue.executeIfAlive(work);
  }
}
