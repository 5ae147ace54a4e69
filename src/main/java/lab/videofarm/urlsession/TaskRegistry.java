package lab.videofarm.urlsession;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.UploadBody;
import lab.videofarm.urlsession.URLSessionTask.State;

/**
 * The task objects of this launch, by identifier. A task the daemon knows but this launch has not
 * seen yet (after a relaunch) gets a new object from what the daemon kept: the same identifier,
 * description and original request (rule 26).
 */
final class TaskRegistry {

  /**
   * Resume data is opaque to the app and to this layer; the daemon takes the real request from it,
   * and the task's original request is then read back from the daemon.
   */
  private static final RequestInfo RESUME_DATA_PLACEHOLDER =
      new RequestInfo("GET", URI.create("about:resume-data"), List.of());

  private final Map<Long, URLSessionTask> tasks = new ConcurrentHashMap<>();
  private final DaemonLink link;
  private final CompletionHandlers handlers;
  private final SessionLog log;

  TaskRegistry(DaemonLink link, CompletionHandlers handlers, SessionLog log) {
    this.link = link;
    this.handlers = handlers;
    this.log = log;
  }

  /** How a factory of {@link URLSession} makes its kind of task object. */
  @FunctionalInterface
  interface TaskConstructor<T extends URLSessionTask> {
    T create(DaemonLink link, long id, URLRequest request, String description, State state);
  }

  /**
   * Creates the task in the daemon, suspended, and its object here.
   *
   * @param request the request, or null for a task from resume data
   * @param handler the task's completion handler, or null for a delegate-based task
   */
  <T extends URLSessionTask> T create(
      TaskKind kind,
      URLRequest request,
      UploadBody body,
      byte[] resumeData,
      CompletionHandlers.Pending handler,
      TaskConstructor<T> constructor) {
    RequestInfo info = request == null ? RESUME_DATA_PLACEHOLDER : Conversions.requestInfo(request);
    long id = link.createTask(new TaskSpec(kind, info, body, resumeData, null, null));
    URLRequest original = request;
    if (original == null) {
      original =
          link.task(id)
              .map(snapshot -> Conversions.urlRequest(snapshot.originalRequest()))
              .orElse(null);
    }
    T task = constructor.create(link, id, original, null, State.SUSPENDED);
    if (handler != null) {
      handlers.register(id, handler);
    }
    tasks.put(id, task);
    String what = original == null ? "from resume data" : original.toString();
    log.session(id, "task created", kind + " " + what, Severity.INFO);
    return task;
  }

  /** The object for a task the daemon reports, brought up to date with the report. */
  URLSessionTask forSnapshot(TaskSnapshot snapshot) {
    URLSessionTask task =
        tasks.computeIfAbsent(
            snapshot.taskIdentifier(),
            id ->
                newObject(
                    snapshot.kind(),
                    id,
                    Conversions.urlRequest(snapshot.originalRequest()),
                    snapshot.taskDescription(),
                    Conversions.state(snapshot.state())));
    task.received(snapshot.countOfBytesReceived(), snapshot.countOfBytesExpectedToReceive());
    task.sent(snapshot.countOfBytesSent(), snapshot.countOfBytesExpectedToSend());
    task.responded(Conversions.httpResponse(snapshot.response()));
    return task;
  }

  /**
   * The object for an event's task: the live one, or one made from what the daemon knows, or (if
   * the daemon has let go of it too) a bare one of the kind the event implies.
   */
  URLSessionTask forEvent(long id, TaskKind likelyKind) {
    URLSessionTask known = tasks.get(id);
    if (known != null) {
      return known;
    }
    Optional<TaskSnapshot> snapshot = link.task(id);
    if (snapshot.isPresent()) {
      return forSnapshot(snapshot.get());
    }
    return tasks.computeIfAbsent(
        id, unused -> newObject(likelyKind, id, null, null, State.RUNNING));
  }

  /** The task completed: this launch will not hear of it again. */
  void remove(long id) {
    tasks.remove(id);
  }

  private URLSessionTask newObject(
      TaskKind kind, long id, URLRequest request, String description, State state) {
    if (kind == null) {
      return new URLSessionTask(link, id, request, description, state);
    }
    return switch (kind) {
      case DATA -> new URLSessionDataTask(link, id, request, description, state);
      case DOWNLOAD -> new URLSessionDownloadTask(link, id, request, description, state);
      case UPLOAD -> new URLSessionUploadTask(link, id, request, description, state);
    };
  }
}
