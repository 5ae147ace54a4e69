package lab.videofarm.urlsession;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import lab.videofarm.os.process.AppProcess;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.DaemonConnection;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.SessionInUseException;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TransferError;
import lab.videofarm.os.transferd.UploadBody;
import lab.videofarm.urlsession.URLSessionTask.State;
import lab.videofarm.urlsession.internal.BackgroundIdentifiers;
import lab.videofarm.urlsession.internal.DaemonBridge;
import lab.videofarm.urlsession.internal.SerialExecutor;

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
 * one at a time (rule 13). Methods of the session and of its tasks may be called from any thread.
 *
 * <p>The session finds the app process that creates it through {@link AppProcess#ofCaller()}, and
 * detaches from the daemon when that process dies.
 */
public final class URLSession {

  static final String COMPLETION_HANDLERS_NOT_SUPPORTED =
      "Completion handler blocks are not supported in background sessions. Use a delegate"
          + " instead.";
  static final String UPLOAD_FROM_DATA_NOT_SUPPORTED =
      "Upload tasks from NSData are not supported in background sessions.";
  static final String STREAMED_UPLOAD_NOT_SUPPORTED =
      "Upload tasks in background sessions must be from a file";
  static final String INVALIDATED = "Task created in a session that has been invalidated";

  /**
   * Resume data is opaque to the app and to this layer; the daemon takes the real request from it,
   * and the task's original request is then read back from the daemon.
   */
  private static final RequestInfo RESUME_DATA_PLACEHOLDER =
      new RequestInfo("GET", URI.create("about:resume-data"), List.of());

  /** Apple's {@code URLSession.DelayedRequestDisposition}: answers willBeginDelayedRequest. */
  public enum DelayedRequestDisposition {
    CONTINUE_LOADING,
    USE_NEW_REQUEST,
    CANCEL
  }

  /** A completion handler: {@code (data or file, response, error)}, on the delegate queue. */
  @FunctionalInterface
  public interface CompletionHandler<T> {
    void complete(T result, HTTPURLResponse response, URLError error);
  }

  private final AppProcess process;
  private final URLSessionConfiguration configuration;
  private final String identifier;
  private final Executor delegateQueue;
  private final ExecutorService ownedQueue;
  private final DaemonBridge bridge;
  private final DaemonConnection connection;
  private final Map<Long, URLSessionTask> tasks = new ConcurrentHashMap<>();
  private final Map<Long, PendingHandler> handlers = new ConcurrentHashMap<>();

  /**
   * Completes once {@link #connection} is set. The daemon may start delivering queued events before
   * {@code connect} has returned; those wait here, on the delegate queue.
   */
  private final CompletableFuture<Void> connected = new CompletableFuture<>();

  private volatile URLSessionDelegate delegate;
  private volatile boolean invalidated;
  private volatile boolean detached;
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
    return process.local(
            Shared.class,
            () ->
                new Shared(
                    new URLSession(
                        process, URLSessionConfiguration.defaultConfiguration(), null, null)))
        .session;
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
      Executor delegateQueue) {
    this.process = process;
    this.configuration = configuration;
    this.identifier = configuration.identifier();
    this.delegate = delegate;
    if (configuration.isBackground()) {
      if (delegate == null) {
        throw new IllegalArgumentException(
            "A background URLSession needs a delegate: its events may arrive in a later launch,"
                + " where no completion handler exists");
      }
      if (!identifiers().claim(identifier)) {
        String message =
            "A background URLSession with identifier " + identifier + " already exists!";
        post(Layer.SESSION, TimelineEvent.NO_TASK, "sessionRefused", message, Severity.WARNING);
        throw new IllegalStateException(message);
      }
    }
    if (delegateQueue == null) {
      this.ownedQueue =
          process.newSerialQueue("URLSession " + (identifier == null ? "default" : identifier));
      this.delegateQueue = ownedQueue;
    } else {
      this.ownedQueue = null;
      this.delegateQueue = new SerialExecutor(delegateQueue);
    }
    this.bridge = new DaemonBridge(this.delegateQueue, this::dispatch);
    try {
      this.connection = process.transferService().connect(spec(), bridge);
    } catch (SessionInUseException e) {
      connected.completeExceptionally(e);
      abandon();
      post(
          Layer.SESSION, TimelineEvent.NO_TASK, "sessionRefused", e.getMessage(), Severity.WARNING);
      throw new URLError(
          URLError.BACKGROUND_SESSION_IN_USE_BY_ANOTHER_PROCESS, e.getMessage(), Map.of());
    } catch (RuntimeException e) {
      connected.completeExceptionally(e);
      abandon();
      throw e;
    }
    // Announced before delegate calls may start (they wait for `connected`), so the timeline shows
    // the relink before the queued events it delivers.
    announce();
    connected.complete(null);
    process.onTermination(this::processDied);
  }

  private void abandon() {
    if (identifier != null) {
      identifiers().release(identifier);
    }
    bridge.close();
    if (ownedQueue != null) {
      ownedQueue.shutdown();
    }
  }

  private BackgroundIdentifiers identifiers() {
    return process.local(BackgroundIdentifiers.class, BackgroundIdentifiers::new);
  }

  private SessionSpec spec() {
    List<HttpHeader> headers = new ArrayList<>();
    configuration
        .httpAdditionalHeaders()
        .forEach((name, value) -> headers.add(new HttpHeader(name, value)));
    return new SessionSpec(
        process.bundleId(),
        process.launchNumber(),
        identifier,
        configuration.timeoutIntervalForRequest(),
        configuration.timeoutIntervalForResource(),
        configuration.isBackground() || configuration.waitsForConnectivity(),
        configuration.sessionSendsLaunchEvents(),
        configuration.isDiscretionary(),
        headers);
  }

  private void announce() {
    if (identifier == null) {
      post(
          Layer.SESSION,
          TimelineEvent.NO_TASK,
          "sessionCreated",
          configuration.toString(),
          Severity.INFO);
      return;
    }
    List<TaskSnapshot> existing = connection.allTasks();
    if (existing.isEmpty()) {
      post(
          Layer.SESSION,
          TimelineEvent.NO_TASK,
          "sessionCreated",
          configuration.toString(),
          Severity.INFO);
    } else {
      post(
          Layer.SESSION,
          TimelineEvent.NO_TASK,
          "sessionRelinked",
          "identifier "
              + identifier
              + " reconnected to tasks "
              + existing.stream().map(TaskSnapshot::taskIdentifier).toList(),
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
    return newTask(TaskKind.DATA, request, bodyOf(request), null, null, URLSessionDataTask::new);
  }

  public URLSessionDataTask dataTask(URI url) {
    return dataTask(URLRequest.of(url));
  }

  /** The body arrives whole in {@code completionHandler}. Not in background sessions. */
  public URLSessionDataTask dataTask(
      URLRequest request, CompletionHandler<byte[]> completionHandler) {
    refuseCompletionHandler();
    return newTask(
        TaskKind.DATA,
        request,
        bodyOf(request),
        null,
        PendingHandler.forData(completionHandler),
        URLSessionDataTask::new);
  }

  public URLSessionDataTask dataTask(URI url, CompletionHandler<byte[]> completionHandler) {
    return dataTask(URLRequest.of(url), completionHandler);
  }

  // ---- download tasks ----

  public URLSessionDownloadTask downloadTask(URLRequest request) {
    return newTask(TaskKind.DOWNLOAD, request, null, null, null, URLSessionDownloadTask::new);
  }

  public URLSessionDownloadTask downloadTask(URI url) {
    return downloadTask(URLRequest.of(url));
  }

  /**
   * Continues a download from resume data (from {@code cancelByProducingResumeData} or a failed
   * task's error). If it cannot be resumed, the task completes with an error.
   */
  public URLSessionDownloadTask downloadTask(byte[] resumeData) {
    Objects.requireNonNull(resumeData, "resumeData");
    return newTask(TaskKind.DOWNLOAD, null, null, resumeData, null, URLSessionDownloadTask::new);
  }

  /**
   * The file arrives in {@code completionHandler} and is deleted when it returns. Not in background
   * sessions. A task with a completion handler bypasses the delegate for its response, data and
   * completion; progress calls still reach the delegate.
   */
  public URLSessionDownloadTask downloadTask(
      URLRequest request, CompletionHandler<Path> completionHandler) {
    refuseCompletionHandler();
    return newTask(
        TaskKind.DOWNLOAD,
        request,
        null,
        null,
        PendingHandler.forDownload(completionHandler),
        URLSessionDownloadTask::new);
  }

  public URLSessionDownloadTask downloadTask(URI url, CompletionHandler<Path> completionHandler) {
    return downloadTask(URLRequest.of(url), completionHandler);
  }

  public URLSessionDownloadTask downloadTask(
      byte[] resumeData, CompletionHandler<Path> completionHandler) {
    refuseCompletionHandler();
    Objects.requireNonNull(resumeData, "resumeData");
    return newTask(
        TaskKind.DOWNLOAD,
        null,
        null,
        resumeData,
        PendingHandler.forDownload(completionHandler),
        URLSessionDownloadTask::new);
  }

  // ---- upload tasks ----

  /** Uploads a file, which must stay in place until the task completes (rule 12). */
  public URLSessionUploadTask uploadTask(URLRequest request, Path fromFile) {
    Objects.requireNonNull(fromFile, "fromFile");
    return newTask(
        TaskKind.UPLOAD,
        request,
        new UploadBody.FromFile(fromFile.toAbsolutePath()),
        null,
        null,
        URLSessionUploadTask::new);
  }

  /** Uploads bytes copied now. Not in background sessions. */
  public URLSessionUploadTask uploadTask(URLRequest request, byte[] fromData) {
    refuseInBackground(UPLOAD_FROM_DATA_NOT_SUPPORTED);
    return newTask(
        TaskKind.UPLOAD,
        request,
        new UploadBody.FromData(fromData),
        null,
        null,
        URLSessionUploadTask::new);
  }

  /**
   * Uploads a body the delegate supplies in {@code needNewBodyStream}. Not in background sessions.
   */
  public URLSessionUploadTask uploadTask(URLRequest streamedRequest) {
    refuseInBackground(STREAMED_UPLOAD_NOT_SUPPORTED);
    return newTask(
        TaskKind.UPLOAD,
        streamedRequest,
        new UploadBody.Streamed(),
        null,
        null,
        URLSessionUploadTask::new);
  }

  /**
   * Continues an upload from its resume data (iOS 17's {@code uploadTask(withResumeData:)}): the
   * task asks the server how much it already has and sends only the rest (rules 35-37). It fails if
   * the file changed since the upload began. Allowed in background sessions: the body is a file.
   */
  public URLSessionUploadTask uploadTask(byte[] resumeData) {
    Objects.requireNonNull(resumeData, "resumeData");
    return newTask(
        TaskKind.UPLOAD, null, new UploadBody.None(), resumeData, null, URLSessionUploadTask::new);
  }

  /** {@link #uploadTask(byte[])} with the answer in a completion handler. Not in background. */
  public URLSessionUploadTask uploadTask(
      byte[] resumeData, CompletionHandler<byte[]> completionHandler) {
    refuseCompletionHandler();
    Objects.requireNonNull(resumeData, "resumeData");
    return newTask(
        TaskKind.UPLOAD,
        null,
        new UploadBody.None(),
        resumeData,
        PendingHandler.forData(completionHandler),
        URLSessionUploadTask::new);
  }

  public URLSessionUploadTask uploadTask(
      URLRequest request, Path fromFile, CompletionHandler<byte[]> completionHandler) {
    refuseCompletionHandler();
    return newTask(
        TaskKind.UPLOAD,
        request,
        new UploadBody.FromFile(fromFile.toAbsolutePath()),
        null,
        PendingHandler.forData(completionHandler),
        URLSessionUploadTask::new);
  }

  public URLSessionUploadTask uploadTask(
      URLRequest request, byte[] fromData, CompletionHandler<byte[]> completionHandler) {
    refuseCompletionHandler();
    refuseInBackground(UPLOAD_FROM_DATA_NOT_SUPPORTED);
    return newTask(
        TaskKind.UPLOAD,
        request,
        new UploadBody.FromData(fromData),
        null,
        PendingHandler.forData(completionHandler),
        URLSessionUploadTask::new);
  }

  // ---- the whole session ----

  /**
   * Hands {@code completionHandler} (on the delegate queue) the session's tasks the daemon still
   * knows. After a relaunch these are new objects carrying the old identifiers, descriptions and
   * original requests (rule 26).
   */
  public void getAllTasks(Consumer<List<URLSessionTask>> completionHandler) {
    List<URLSessionTask> all = new ArrayList<>();
    if (!detached) {
      for (TaskSnapshot snapshot : connection.allTasks()) {
        all.add(taskFor(snapshot));
      }
    }
    List<URLSessionTask> result = List.copyOf(all);
    onDelegateQueue(() -> completionHandler.accept(result));
  }

  /**
   * Lets running tasks finish, then invalidates the session ({@code didBecomeInvalidWithError}).
   */
  public void finishTasksAndInvalidate() {
    if (invalidate("finishTasksAndInvalidate")) {
      connection.finishTasksAndInvalidate();
    }
  }

  /** Cancels every task, then invalidates the session. */
  public void invalidateAndCancel() {
    if (invalidate("invalidateAndCancel")) {
      connection.invalidateAndCancel();
    }
  }

  private boolean invalidate(String how) {
    synchronized (this) {
      if (invalidated || detached) {
        return false;
      }
      invalidated = true;
    }
    post(Layer.SESSION, TimelineEvent.NO_TASK, how, "", Severity.INFO);
    return true;
  }

  @Override
  public String toString() {
    return "URLSession(" + (identifier == null ? "default" : identifier) + ")";
  }

  // ---- task creation ----

  @FunctionalInterface
  private interface TaskConstructor<T extends URLSessionTask> {
    T create(URLSession session, long id, URLRequest request, String description, State state);
  }

  private <T extends URLSessionTask> T newTask(
      TaskKind kind,
      URLRequest request,
      UploadBody body,
      byte[] resumeData,
      PendingHandler handler,
      TaskConstructor<T> constructor) {
    if (invalidated || detached) {
      throw new IllegalStateException(INVALIDATED);
    }
    TaskSpec spec =
        new TaskSpec(
            kind,
            request == null ? RESUME_DATA_PLACEHOLDER : requestInfo(request),
            body,
            resumeData,
            null,
            null);
    long id = connection.createTask(spec);
    URLRequest original = request;
    if (original == null) {
      original =
          connection.task(id).map(snapshot -> toRequest(snapshot.originalRequest())).orElse(null);
    }
    T task = constructor.create(this, id, original, null, State.SUSPENDED);
    if (handler != null) {
      handlers.put(id, handler);
    }
    tasks.put(id, task);
    post(
        Layer.SESSION,
        id,
        "taskCreated",
        kind + " " + (original == null ? "from resume data" : original.toString()),
        Severity.INFO);
    return task;
  }

  private static UploadBody bodyOf(URLRequest request) {
    byte[] body = request.httpBody();
    return body == null ? new UploadBody.None() : new UploadBody.FromData(body);
  }

  private void refuseCompletionHandler() {
    refuseInBackground(COMPLETION_HANDLERS_NOT_SUPPORTED);
  }

  private void refuseInBackground(String message) {
    if (identifier != null) {
      post(Layer.SESSION, TimelineEvent.NO_TASK, "refused", message, Severity.ERROR);
      throw new UnsupportedOperationException(message);
    }
  }

  private URLSessionTask taskFor(TaskSnapshot snapshot) {
    URLSessionTask task =
        tasks.computeIfAbsent(
            snapshot.taskIdentifier(),
            id ->
                create(
                    snapshot.kind(),
                    id,
                    toRequest(snapshot.originalRequest()),
                    snapshot.taskDescription(),
                    switch (snapshot.state()) {
                      case RUNNING -> State.RUNNING;
                      case SUSPENDED -> State.SUSPENDED;
                      case CANCELING -> State.CANCELING;
                      case COMPLETED -> State.COMPLETED;
                    }));
    task.received(snapshot.countOfBytesReceived(), snapshot.countOfBytesExpectedToReceive());
    task.sent(snapshot.countOfBytesSent(), snapshot.countOfBytesExpectedToSend());
    task.responded(toResponse(snapshot.response()));
    return task;
  }

  private URLSessionTask create(
      TaskKind kind, long id, URLRequest request, String description, State state) {
    if (kind == null) {
      return new URLSessionTask(this, id, request, description, state);
    }
    return switch (kind) {
      case DATA -> new URLSessionDataTask(this, id, request, description, state);
      case DOWNLOAD -> new URLSessionDownloadTask(this, id, request, description, state);
      case UPLOAD -> new URLSessionUploadTask(this, id, request, description, state);
    };
  }

  /** The task object for an event: the live one, or a new one from what the daemon knows. */
  private URLSessionTask taskFor(long id, TaskKind likelyKind) {
    URLSessionTask known = tasks.get(id);
    if (known != null) {
      return known;
    }
    Optional<TaskSnapshot> snapshot = connection.task(id);
    if (snapshot.isPresent()) {
      return taskFor(snapshot.get());
    }
    return tasks.computeIfAbsent(id, unused -> create(likelyKind, id, null, null, State.RUNNING));
  }

  // ---- called by tasks ----

  void forward(URLSessionTask task, String what, Consumer<DaemonConnection> call) {
    if (detached) {
      post(
          Layer.SESSION,
          task.taskIdentifier(),
          what,
          "ignored: the session is detached",
          Severity.WARNING);
      return;
    }
    try {
      call.accept(connection);
    } catch (RuntimeException e) {
      post(Layer.SESSION, task.taskIdentifier(), what, "failed: " + e, Severity.WARNING);
    }
  }

  void cancelByProducingResumeData(URLSessionTask task, Consumer<byte[]> handler) {
    long id = task.taskIdentifier();
    if (detached) {
      onDelegateQueue(() -> handler.accept(null));
      return;
    }
    connection
        .cancelByProducingResumeData(id)
        .whenComplete(
            (resumeData, failure) -> {
              byte[] data = resumeData == null ? null : resumeData.orElse(null);
              onDelegateQueue(
                  () ->
                      call(
                          id,
                          "cancelByProducingResumeData.completionHandler",
                          data == null ? "nil" : data.length + " bytes",
                          () -> handler.accept(data)));
            });
  }

  void onDelegateQueue(Runnable work) {
    try {
      delegateQueue.execute(work);
    } catch (RejectedExecutionException deadProcess) {
      // The process is gone; nobody is left to call back.
    }
  }

  // ---- events from the daemon, on the delegate queue ----

  private void dispatch(TaskEvent event) {
    connected.join();
    URLSessionDelegate target = delegate;
    long id = event.taskIdentifier();
    if (event instanceof TaskEvent.DidSendBodyData e) {
      URLSessionTask task = taskFor(id, TaskKind.UPLOAD);
      task.sent(e.totalBytesSent(), e.totalBytesExpectedToSend());
      if (target instanceof URLSessionTaskDelegate d) {
        call(
            id,
            "didSendBodyData",
            e.bytesSent() + " " + e.totalBytesSent() + "/" + e.totalBytesExpectedToSend(),
            () ->
                d.didSendBodyData(
                    this, task, e.bytesSent(), e.totalBytesSent(), e.totalBytesExpectedToSend()));
      }
    } else if (event instanceof TaskEvent.NeedNewBodyStream) {
      URLSessionTask task = taskFor(id, TaskKind.UPLOAD);
      if (target instanceof URLSessionTaskDelegate d) {
        call(
            id,
            "needNewBodyStream",
            "",
            () -> d.needNewBodyStream(this, task, stream -> provideBodyStream(task, stream)));
      } else {
        provideBodyStream(task, null);
      }
    } else if (event instanceof TaskEvent.WillBeginDelayedRequest e) {
      URLSessionTask task = taskFor(id, null);
      URLRequest request = toRequest(e.request());
      if (target instanceof URLSessionTaskDelegate d) {
        call(
            id,
            "willBeginDelayedRequest",
            request.toString(),
            () ->
                d.willBeginDelayedRequest(
                    this,
                    task,
                    request,
                    (disposition, newRequest) ->
                        continueDelayedRequest(task, disposition, newRequest)));
      } else {
        continueDelayedRequest(task, DelayedRequestDisposition.CONTINUE_LOADING, null);
      }
    } else if (event instanceof TaskEvent.DidReceiveResponse e) {
      URLSessionTask task = taskFor(id, TaskKind.DATA);
      HTTPURLResponse response = toResponse(e.response());
      task.responded(response);
      if (!handlers.containsKey(id)
          && target instanceof URLSessionDataDelegate d
          && task instanceof URLSessionDataTask dataTask) {
        call(
            id,
            "didReceiveResponse",
            String.valueOf(response.statusCode()),
            () -> d.didReceiveResponse(this, dataTask, response));
      }
    } else if (event instanceof TaskEvent.DidReceiveData e) {
      URLSessionTask task = taskFor(id, TaskKind.DATA);
      byte[] data = e.data();
      task.received(task.countOfBytesReceived() + data.length, -1);
      PendingHandler handler = handlers.get(id);
      if (handler != null) {
        handler.body.write(data, 0, data.length);
      } else if (target instanceof URLSessionDataDelegate d
          && task instanceof URLSessionDataTask dataTask) {
        call(
            id,
            "didReceiveData",
            data.length + " bytes",
            () -> d.didReceiveData(this, dataTask, data));
      }
    } else if (event instanceof TaskEvent.DidResumeAtOffset e) {
      URLSessionTask task = taskFor(id, TaskKind.DOWNLOAD);
      task.received(e.fileOffset(), e.expectedTotalBytes());
      if (!handlers.containsKey(id)
          && target instanceof URLSessionDownloadDelegate d
          && task instanceof URLSessionDownloadTask download) {
        call(
            id,
            "didResumeAtOffset",
            e.fileOffset() + " of " + e.expectedTotalBytes(),
            () -> d.didResumeAtOffset(this, download, e.fileOffset(), e.expectedTotalBytes()));
      }
    } else if (event instanceof TaskEvent.DidWriteData e) {
      URLSessionTask task = taskFor(id, TaskKind.DOWNLOAD);
      task.received(e.totalBytesWritten(), e.totalBytesExpectedToWrite());
      if (target instanceof URLSessionDownloadDelegate d
          && task instanceof URLSessionDownloadTask download) {
        call(
            id,
            "didWriteData",
            e.bytesWritten() + " " + e.totalBytesWritten() + "/" + e.totalBytesExpectedToWrite(),
            () ->
                d.didWriteData(
                    this,
                    download,
                    e.bytesWritten(),
                    e.totalBytesWritten(),
                    e.totalBytesExpectedToWrite()));
      }
    } else if (event instanceof TaskEvent.DidFinishDownloading e) {
      URLSessionTask task = taskFor(id, TaskKind.DOWNLOAD);
      HTTPURLResponse response = toResponse(e.response());
      task.responded(response);
      PendingHandler handler = handlers.get(id);
      if (handler != null) {
        handler.delivered = true;
        call(
            id,
            "completionHandler",
            e.location().toString(),
            () -> handler.download.complete(e.location(), response, null));
      } else if (target instanceof URLSessionDownloadDelegate d
          && task instanceof URLSessionDownloadTask download) {
        call(
            id,
            "didFinishDownloadingTo",
            e.location().toString(),
            () -> d.didFinishDownloadingTo(this, download, e.location()));
      }
    } else if (event instanceof TaskEvent.DidComplete e) {
      URLSessionTask task = taskFor(id, null);
      HTTPURLResponse response = toResponse(e.response());
      URLError error = toError(e.error(), task instanceof URLSessionUploadTask);
      task.completed(response, error);
      tasks.remove(id);
      PendingHandler handler = handlers.remove(id);
      if (handler != null) {
        if (!handler.delivered) {
          String outcome = error == null ? "ok" : String.valueOf(error.code());
          if (handler.data != null) {
            byte[] body = error == null ? handler.body.toByteArray() : null;
            call(
                id,
                "completionHandler",
                outcome,
                () -> handler.data.complete(body, response, error));
          } else {
            call(
                id,
                "completionHandler",
                outcome,
                () -> handler.download.complete(null, response, error));
          }
        }
      } else if (target instanceof URLSessionTaskDelegate d) {
        call(
            id,
            "didCompleteWithError",
            error == null ? "nil" : error.code() + " " + error.getMessage(),
            () -> d.didCompleteWithError(this, task, error));
      }
    } else if (event instanceof TaskEvent.DidFinishEventsForBackgroundSession) {
      if (target != null) {
        call(
            TimelineEvent.NO_TASK,
            "urlSessionDidFinishEvents",
            "",
            () -> target.urlSessionDidFinishEvents(this));
      }
    } else if (event instanceof TaskEvent.DidBecomeInvalid e) {
      becameInvalid(target, toError(e.error(), false));
    }
  }

  private void becameInvalid(URLSessionDelegate target, URLError error) {
    invalidated = true;
    if (identifier != null) {
      identifiers().release(identifier);
    }
    post(
        Layer.SESSION,
        TimelineEvent.NO_TASK,
        "sessionInvalidated",
        error == null ? "" : error.toString(),
        Severity.INFO);
    if (target != null) {
      call(
          TimelineEvent.NO_TASK,
          "didBecomeInvalidWithError",
          error == null ? "nil" : error.toString(),
          () -> target.didBecomeInvalidWithError(this, error));
    }
    // The session holds its delegate strongly only until it is invalidated (rule 13).
    delegate = null;
    detached = true;
    if (ownedQueue != null) {
      // Lets this very call finish: the daemon counts the event delivered when it returns.
      ownedQueue.shutdown();
    }
  }

  private void continueDelayedRequest(
      URLSessionTask task, DelayedRequestDisposition disposition, URLRequest newRequest) {
    DelayedRequestDisposition answer =
        disposition == null ? DelayedRequestDisposition.CONTINUE_LOADING : disposition;
    if (answer == DelayedRequestDisposition.USE_NEW_REQUEST && newRequest == null) {
      post(
          Layer.SESSION,
          task.taskIdentifier(),
          "willBeginDelayedRequest",
          "useNewRequest without a request: continuing with the original",
          Severity.WARNING);
      answer = DelayedRequestDisposition.CONTINUE_LOADING;
    }
    if (answer == DelayedRequestDisposition.CANCEL) {
      task.markCanceling();
    }
    lab.videofarm.os.transferd.DelayedRequestDisposition forDaemon =
        switch (answer) {
          case CONTINUE_LOADING ->
              lab.videofarm.os.transferd.DelayedRequestDisposition.CONTINUE_LOADING;
          case USE_NEW_REQUEST ->
              lab.videofarm.os.transferd.DelayedRequestDisposition.USE_NEW_REQUEST;
          case CANCEL -> lab.videofarm.os.transferd.DelayedRequestDisposition.CANCEL;
        };
    RequestInfo replacement = null;
    if (answer == DelayedRequestDisposition.USE_NEW_REQUEST) {
      replacement = requestInfo(newRequest);
      task.requestReplaced(newRequest);
    }
    RequestInfo toDaemon = replacement;
    forward(
        task,
        "continueDelayedRequest",
        daemon -> daemon.continueDelayedRequest(task.taskIdentifier(), forDaemon, toDaemon));
  }

  private void provideBodyStream(URLSessionTask task, InputStream stream) {
    if (stream == null) {
      post(
          Layer.SESSION,
          task.taskIdentifier(),
          "needNewBodyStream",
          "no stream given: the task is cancelled",
          Severity.WARNING);
      task.cancel();
      return;
    }
    forward(
        task,
        "provideBodyStream",
        daemon -> daemon.provideBodyStream(task.taskIdentifier(), stream));
  }

  private void processDied() {
    detached = true;
    bridge.close();
    try {
      connection.close();
    } finally {
      post(
          Layer.SESSION,
          TimelineEvent.NO_TASK,
          "sessionDetached",
          "the app process died",
          Severity.INFO);
    }
  }

  /** A delegate call, on the timeline before and after. An exception is reported, not rethrown. */
  private void call(long taskId, String method, String arguments, Runnable body) {
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
        .post(
            layer,
            process.launchNumber(),
            identifier == null ? "" : identifier,
            taskId,
            what,
            detail,
            severity);
  }

  // ---- conversions between the API's values and the daemon's ----

  private static RequestInfo requestInfo(URLRequest request) {
    List<HttpHeader> headers = new ArrayList<>();
    request
        .allHTTPHeaderFields()
        .forEach((name, value) -> headers.add(new HttpHeader(name, value)));
    return new RequestInfo(request.httpMethod(), request.url(), headers);
  }

  private static URLRequest toRequest(RequestInfo info) {
    if (info == null) {
      return null;
    }
    URLRequest request = URLRequest.of(info.url()).withHttpMethod(info.method());
    for (HttpHeader header : info.headers()) {
      request = request.withValue(header.value(), header.name());
    }
    return request;
  }

  private static HTTPURLResponse toResponse(ResponseInfo info) {
    if (info == null) {
      return null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader header : info.headers()) {
      headers.merge(header.name(), header.value(), (first, next) -> first + ", " + next);
    }
    return new HTTPURLResponse(
        info.url(), info.statusCode(), headers, info.expectedContentLength());
  }

  private static URLError toError(TransferError error, boolean upload) {
    if (error == null) {
      return null;
    }
    Map<String, Object> userInfo = new LinkedHashMap<>();
    if (error.failingUrl() != null) {
      userInfo.put(URLError.FAILING_URL_KEY, error.failingUrl());
    }
    if (error.resumeData() != null) {
      userInfo.put(
          upload ? URLError.UPLOAD_TASK_RESUME_DATA_KEY : URLError.DOWNLOAD_TASK_RESUME_DATA_KEY,
          error.resumeData());
    }
    if (error.backgroundCancelReason() != null) {
      userInfo.put(URLError.BACKGROUND_TASK_CANCELLED_REASON_KEY, error.backgroundCancelReason());
    }
    return new URLError(error.code(), error.description(), userInfo);
  }

  /** A completion handler waiting for its task, with the body gathered so far. */
  private static final class PendingHandler {
    final CompletionHandler<byte[]> data;
    final CompletionHandler<Path> download;
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean delivered;

    private PendingHandler(CompletionHandler<byte[]> data, CompletionHandler<Path> download) {
      this.data = data;
      this.download = download;
    }

    static PendingHandler forData(CompletionHandler<byte[]> handler) {
      return new PendingHandler(Objects.requireNonNull(handler), null);
    }

    static PendingHandler forDownload(CompletionHandler<Path> handler) {
      return new PendingHandler(null, Objects.requireNonNull(handler));
    }
  }

  /** The process's shared session, in process-local storage. */
  private static final class Shared {
    final URLSession session;

    Shared(URLSession session) {
      this.session = session;
    }
  }
}
