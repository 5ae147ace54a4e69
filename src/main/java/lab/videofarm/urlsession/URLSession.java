package lab.videofarm.urlsession;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import lab.videofarm.os.process.AppProcess;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.UploadBody;
import lab.videofarm.urlsession.CompletionHandlers.Pending;

/**
 * Apple's {@code URLSession}: creates tasks, and delivers their events to a delegate.
 *
 * <p>The transfers themselves belong to the system's transfer daemon; a session is one app
 * process's connection to it. A <b>background</b> session ({@link
 * URLSessionConfiguration#background}) keeps its tasks going when the app is suspended or killed;
 * creating a session with the same identifier in a later launch reconnects to them, and the events
 * queued meanwhile are delivered to the new delegate. Background sessions allow only what iOS
 * allows (rules 10-11): delegate-based download tasks and uploads from files.
 *
 * <p>Threading: every delegate call and completion handler runs on the session's delegate queue,
 * one at a time (rule 13); the session never blocks that queue, so it may be the main (Swing)
 * thread. Methods of the session and of its tasks may be called from any thread.
 *
 * <p>The session finds the app process that creates it through {@link AppProcess#ofCaller()}, and
 * detaches from the daemon when that process dies.
 */
public final class URLSession {

  private static final String INVALIDATED = "Task created in a session that has been invalidated";

  /** A completion handler: {@code (data or file, response, error)}, on the delegate queue. */
  @FunctionalInterface
  public interface CompletionHandler<T> {
    void complete(T result, HTTPURLResponse response, URLError error);
  }

  private final URLSessionConfiguration configuration;
  private final String identifier;
  private final SessionLog log;
  private final BackgroundRules rules;
  private final DelegateQueue delegateQueue;
  private final DaemonLink link;
  private final TaskRegistry tasks;
  private final EventDispatcher events;

  private volatile URLSessionDelegate delegate;
  private volatile boolean invalidated;
  private volatile String sessionDescription;

  /**
   * Creates a session for the calling app process. The configuration is copied.
   *
   * @param delegate receives the events; required for background sessions
   * @param delegateQueue where delegate calls run, one at a time; null for a serial queue of the
   *     session's own
   * @throws IllegalStateException if this process already has a live session with the same
   *     background identifier (rule 1)
   * @throws URLError {@link URLError#BACKGROUND_SESSION_IN_USE_BY_ANOTHER_PROCESS} if another
   *     process holds the identifier (rule 2)
   */
  public static URLSession session(
      URLSessionConfiguration configuration, URLSessionDelegate delegate, Executor delegateQueue) {
    return new URLSession(callingProcess(), configuration.copy(), delegate, delegateQueue);
  }

  /** A session without a delegate, for completion-handler tasks. Not for background use. */
  public static URLSession session(URLSessionConfiguration configuration) {
    return session(configuration, null, null);
  }

  /** The process's shared default session: no delegate, completion handlers only. */
  public static URLSession sharedSession() {
    AppProcess process = callingProcess();
    return process
        .local(
            Shared.class,
            () ->
                new Shared(
                    new URLSession(
                        process, URLSessionConfiguration.defaultConfiguration(), null, null)))
        .session();
  }

  private static AppProcess callingProcess() {
    return AppProcess.ofCaller()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "URLSession must be used from code running inside a launched app"));
  }

  private URLSession(
      AppProcess process,
      URLSessionConfiguration configuration,
      URLSessionDelegate delegate,
      Executor appQueue) {
    this.configuration = configuration;
    this.identifier = configuration.identifier();
    this.delegate = delegate;
    this.log = new SessionLog(process, identifier);
    this.rules = new BackgroundRules(process, identifier, log);
    rules.admit(delegate);
    this.delegateQueue = DelegateQueue.of(process, identifier, appQueue);
    this.link =
        DaemonLink.connect(
            process.transferService(),
            Conversions.sessionSpec(process, configuration),
            delegateQueue,
            this::dispatch,
            rules,
            log);
    log.labelled(link.label());
    CompletionHandlers handlers = new CompletionHandlers(log);
    this.tasks = new TaskRegistry(link, handlers, log);
    this.events = new EventDispatcher(this, tasks, handlers, link, log);
    // Announced before events flow, so the timeline shows the relink before the queued events.
    announce();
    link.open();
    process.onTermination(link::processDied);
  }

  private void dispatch(TaskEvent event) {
    events.dispatch(event);
  }

  private void announce() {
    List<TaskSnapshot> existing = identifier == null ? List.of() : link.allTasks();
    if (existing.isEmpty()) {
      log.session(
          TimelineEvent.NO_TASK, "session created", configuration.toString(), Severity.INFO);
    } else {
      List<Long> ids = existing.stream().map(TaskSnapshot::taskIdentifier).toList();
      log.session(
          TimelineEvent.NO_TASK,
          "session relinked",
          "identifier " + identifier + " reconnected to tasks " + ids,
          Severity.INFO);
    }
  }

  // ---- the session's face ----

  /** A copy of the configuration the session was created with. */
  public URLSessionConfiguration configuration() {
    return configuration.copy();
  }

  /** The delegate, or null (none given, or the session was invalidated). */
  public URLSessionDelegate delegate() {
    return delegate;
  }

  public Executor delegateQueue() {
    return delegateQueue;
  }

  public String sessionDescription() {
    return sessionDescription;
  }

  public void setSessionDescription(String description) {
    this.sessionDescription = description;
  }

  // ---- data tasks ----

  public URLSessionDataTask dataTask(URLRequest request) {
    return data(request, null);
  }

  public URLSessionDataTask dataTask(URI url) {
    return dataTask(URLRequest.of(url));
  }

  /** The body arrives whole in {@code completionHandler}. Not in background sessions. */
  public URLSessionDataTask dataTask(
      URLRequest request, CompletionHandler<byte[]> completionHandler) {
    rules.refuseCompletionHandler();
    return data(request, CompletionHandlers.forData(completionHandler));
  }

  public URLSessionDataTask dataTask(URI url, CompletionHandler<byte[]> completionHandler) {
    return dataTask(URLRequest.of(url), completionHandler);
  }

  // ---- download tasks ----

  public URLSessionDownloadTask downloadTask(URLRequest request) {
    return download(request, null, null);
  }

  public URLSessionDownloadTask downloadTask(URI url) {
    return downloadTask(URLRequest.of(url));
  }

  /**
   * Continues a download from resume data (from {@code cancelByProducingResumeData} or a failed
   * task's error). If it cannot be resumed, the task completes with an error.
   */
  public URLSessionDownloadTask downloadTask(byte[] resumeData) {
    return download(null, Objects.requireNonNull(resumeData, "resumeData"), null);
  }

  /**
   * The file arrives in {@code completionHandler} and is deleted when it returns. Not in background
   * sessions. A task with a completion handler bypasses the delegate for its response, data and
   * completion; progress calls still reach the delegate.
   */
  public URLSessionDownloadTask downloadTask(
      URLRequest request, CompletionHandler<Path> completionHandler) {
    rules.refuseCompletionHandler();
    return download(request, null, CompletionHandlers.forDownload(completionHandler));
  }

  public URLSessionDownloadTask downloadTask(URI url, CompletionHandler<Path> completionHandler) {
    return downloadTask(URLRequest.of(url), completionHandler);
  }

  public URLSessionDownloadTask downloadTask(
      byte[] resumeData, CompletionHandler<Path> completionHandler) {
    rules.refuseCompletionHandler();
    Objects.requireNonNull(resumeData, "resumeData");
    return download(null, resumeData, CompletionHandlers.forDownload(completionHandler));
  }

  // ---- upload tasks ----

  /** Uploads a file, which must stay in place until the task completes (rule 12). */
  public URLSessionUploadTask uploadTask(URLRequest request, Path fromFile) {
    Objects.requireNonNull(fromFile, "fromFile");
    return upload(request, new UploadBody.FromFile(fromFile.toAbsolutePath()), null, null);
  }

  /** Uploads bytes copied now. Not in background sessions. */
  public URLSessionUploadTask uploadTask(URLRequest request, byte[] fromData) {
    rules.refuseUploadFromData();
    return upload(request, new UploadBody.FromData(fromData), null, null);
  }

  /**
   * Uploads a body the delegate supplies in {@code needNewBodyStream}. Not in background sessions.
   */
  public URLSessionUploadTask uploadTask(URLRequest streamedRequest) {
    rules.refuseStreamedUpload();
    return upload(streamedRequest, new UploadBody.Streamed(), null, null);
  }

  /**
   * Continues an upload from its resume data (iOS 17's {@code uploadTask(withResumeData:)}): the
   * task asks the server how much it already has and sends only the rest (rules 35-37). It fails if
   * the file changed since the upload began. Allowed in background sessions: the body is a file.
   */
  public URLSessionUploadTask uploadTask(byte[] resumeData) {
    Objects.requireNonNull(resumeData, "resumeData");
    return upload(null, new UploadBody.None(), resumeData, null);
  }

  /** {@link #uploadTask(byte[])} with the answer in a completion handler. Not in background. */
  public URLSessionUploadTask uploadTask(
      byte[] resumeData, CompletionHandler<byte[]> completionHandler) {
    rules.refuseCompletionHandler();
    Objects.requireNonNull(resumeData, "resumeData");
    return upload(
        null, new UploadBody.None(), resumeData, CompletionHandlers.forData(completionHandler));
  }

  public URLSessionUploadTask uploadTask(
      URLRequest request, Path fromFile, CompletionHandler<byte[]> completionHandler) {
    rules.refuseCompletionHandler();
    UploadBody body = new UploadBody.FromFile(fromFile.toAbsolutePath());
    return upload(request, body, null, CompletionHandlers.forData(completionHandler));
  }

  public URLSessionUploadTask uploadTask(
      URLRequest request, byte[] fromData, CompletionHandler<byte[]> completionHandler) {
    rules.refuseCompletionHandler();
    rules.refuseUploadFromData();
    UploadBody body = new UploadBody.FromData(fromData);
    return upload(request, body, null, CompletionHandlers.forData(completionHandler));
  }

  // ---- the whole session ----

  /**
   * Hands {@code completionHandler} (on the delegate queue) the session's tasks the daemon still
   * knows. After a relaunch these are new objects carrying the old identifiers, descriptions and
   * original requests (rule 26).
   */
  public void getAllTasks(Consumer<List<URLSessionTask>> completionHandler) {
    List<URLSessionTask> all = link.allTasks().stream().map(tasks::forSnapshot).toList();
    link.answer(() -> completionHandler.accept(all));
  }

  /**
   * Lets running tasks finish, then invalidates the session ({@code didBecomeInvalidWithError}).
   */
  public void finishTasksAndInvalidate() {
    if (invalidate("finish tasks and invalidate")) {
      link.finishTasksAndInvalidate();
    }
  }

  /** Cancels every task, then invalidates the session. */
  public void invalidateAndCancel() {
    if (invalidate("invalidate and cancel")) {
      link.invalidateAndCancel();
    }
  }

  private boolean invalidate(String how) {
    synchronized (this) {
      if (invalidated || link.detached()) {
        return false;
      }
      invalidated = true;
    }
    log.session(TimelineEvent.NO_TASK, how, "", Severity.INFO);
    return true;
  }

  @Override
  public String toString() {
    return "URLSession(" + (identifier == null ? "default" : identifier) + ")";
  }

  // ---- for the event dispatcher ----

  /**
   * The daemon confirmed the invalidation: the identifier is free again, the delegate hears its
   * last call, and then the session lets go of it (it holds it only until now, rule 13).
   */
  void becameInvalid(URLError error, Consumer<URLSessionDelegate> lastCall) {
    URLSessionDelegate target = delegate;
    invalidated = true;
    rules.release();
    log.session(
        TimelineEvent.NO_TASK,
        "session invalidated",
        error == null ? "" : error.toString(),
        Severity.INFO);
    if (target != null) {
      lastCall.accept(target);
    }
    delegate = null;
    link.detach();
    delegateQueue.shutdownIfOwned();
  }

  // ---- task creation ----

  private URLSessionDataTask data(URLRequest request, Pending handler) {
    UploadBody body = Conversions.uploadBody(request);
    return newTask(TaskKind.DATA, request, body, null, handler, URLSessionDataTask::new);
  }

  private URLSessionDownloadTask download(URLRequest request, byte[] resumeData, Pending handler) {
    return newTask(
        TaskKind.DOWNLOAD, request, null, resumeData, handler, URLSessionDownloadTask::new);
  }

  private URLSessionUploadTask upload(
      URLRequest request, UploadBody body, byte[] resumeData, Pending handler) {
    return newTask(TaskKind.UPLOAD, request, body, resumeData, handler, URLSessionUploadTask::new);
  }

  private <T extends URLSessionTask> T newTask(
      TaskKind kind,
      URLRequest request,
      UploadBody body,
      byte[] resumeData,
      Pending handler,
      TaskRegistry.TaskConstructor<T> constructor) {
    if (invalidated || link.detached()) {
      throw new IllegalStateException(INVALIDATED);
    }
    return tasks.create(kind, request, body, resumeData, handler, constructor);
  }

  /** The process's shared session, in process-local storage. */
  private record Shared(URLSession session) {}
}
