package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.net.NetworkConditions;
import lab.videofarm.os.net.NetworkPreset;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.DaemonEventSink;
import lab.videofarm.os.transferd.DelayedRequestDisposition;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.SessionInUseException;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.os.transferd.TransferError;
import lab.videofarm.os.transferd.TransferService.BackgroundRelauncher;
import lab.videofarm.os.transferd.UploadBody;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * The daemon's state and its concurrency policy, in one place.
 *
 * <h2>Threads</h2>
 *
 * <ul>
 *   <li><b>Callers</b> (app threads through a connection, the device, the conditioner, the clock's
 *       timers) take {@link #lock}, change state, and return at once; they never do I/O except the
 *       journal commit and small file renames.
 *   <li><b>Workers</b> ({@code transferd-worker-N}, an unbounded pool) run one {@link TransferCall}
 *       each, holding no lock while they block on the network; every counter they update goes
 *       through a method here that takes the lock briefly.
 *   <li><b>Delivery</b> ({@code transferd-deliver-<session>}, one thread per session) hands a
 *       session's events to its sink one at a time, in order, outside the lock: see {@link #drain}.
 *   <li><b>Relaunch</b> ({@code transferd-relaunch}) calls the device's relauncher, outside the
 *       lock, so the device may connect back into the daemon from there.
 * </ul>
 *
 * <p>Timeline events are posted while {@link #lock} is held, so timeline listeners must not call
 * back into the daemon on the posting thread (the timeline already asks them to hand events to a
 * thread of their own).
 *
 * <p>Device time ({@link Clock}) drives every timer: request and resource timeouts,
 * earliestBeginDate, the rate limiter, retry backoff, progress coalescing. Bandwidth and latency
 * are applied in real time by {@link Link}, because the bytes cross real sockets.
 *
 * <h2>Queues (all guarded by {@link #lock})</h2>
 *
 * A RUNNING task is in exactly one {@link TaskRecord.Phase}: DELAYED (a clock timer will dispatch
 * it: earliestBeginDate, the relaunch rate limiter, a retry backoff), WAITING_FOR_CONNECTIVITY (the
 * network listener dispatches it), or ACTIVE (an {@link Attempt} runs on a worker). Each session's
 * undelivered events wait in its {@link SessionChannel#queue}.
 *
 * <h2>Promises</h2>
 *
 * <ul>
 *   <li>{@link TaskEvent.DidComplete} is emitted once per task: {@link #complete} returns early for
 *       a completed task, and it is the only place that emits it.
 *   <li>Every attempt ends in {@link #attemptEnded}, which retries, waits, or completes the task.
 *   <li>An event leaves a queue only after its sink's {@code deliver} returned, on the connection
 *       that is still attached.
 * </ul>
 */
public final class DaemonCore implements AutoCloseable {
  static final Duration PROGRESS_EVENT_INTERVAL = Duration.ofMillis(100);
  static final Duration TIMELINE_PROGRESS_INTERVAL = Duration.ofSeconds(1);
  static final Duration PROGRESS_PERSIST_INTERVAL = Duration.ofSeconds(1);
  static final Duration RATE_LIMIT_BASE = Duration.ofSeconds(60);
  static final Duration MAX_RETRY_BACKOFF = Duration.ofSeconds(60);
  static final String DOWNLOADS_FOLDER = "downloads";

  /** Where a download continues and what to send. */
  record Start(
      TaskKind kind,
      RequestInfo request,
      List<HttpHeader> sessionHeaders,
      long offset,
      String validator,
      Path uploadFile,
      URI uploadResource,
      ResumableUploadDraft uploadDraft) {

    /** An upload from a file: it announces resumable uploads (rules 35-37). */
    boolean resumableUpload() {
      return uploadFile != null;
    }
  }

  private final Object lock = new Object();
  private final Path downloads;
  private final NetworkConditioner network;
  private final Clock clock;
  private final Timeline timeline;
  private final Journal journal;
  private final HttpTransport transport = new HttpTransport();
  private final ExecutorService workers;
  private final ExecutorService relaunches;
  private final AutoCloseable networkSubscription;

  /** Guarded by {@link #lock}. Background sessions and default sessions of live connections. */
  private final Map<SessionKey, SessionChannel> sessions = new LinkedHashMap<>();

  /** Guarded by {@link #lock}. Next task id per background identifier; never reset. */
  private final Map<SessionKey, Long> nextTaskIds = new HashMap<>();

  /** Guarded by {@link #lock}. What the device last said about each app. */
  private final Map<String, AppState> appStates = new HashMap<>();

  /** Guarded by {@link #lock}. Background relaunches since the app was last in the foreground. */
  private final Map<String, Integer> relaunchCounts = new HashMap<>();

  /** Guarded by {@link #lock}. */
  private BackgroundRelauncher relauncher;

  /** Guarded by {@link #lock}. */
  private long privateSessions;

  /** Guarded by {@link #lock}. */
  private boolean closed;

  public DaemonCore(
      Path stateDirectory,
      NetworkConditioner network,
      Clock clock,
      Timeline timeline,
      Journal journal) {
    this.network = network;
    this.clock = clock;
    this.timeline = timeline;
    this.journal = journal;
    this.downloads = stateDirectory.resolve(DOWNLOADS_FOLDER);
    try {
      Files.createDirectories(downloads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.workers = Executors.newCachedThreadPool(named("transferd-worker-"));
    this.relaunches = Executors.newSingleThreadExecutor(named("transferd-relaunch-"));
    restore();
    this.networkSubscription = network.addListener(this::networkChanged);
    synchronized (lock) {
      for (SessionChannel channel : sessions.values()) {
        for (TaskRecord task : channel.tasks.values()) {
          if (task.state == TaskState.RUNNING) {
            post(task, "task restored", "continues after a daemon restart");
            startRunning(task);
          }
        }
      }
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Sessions

  public RealConnection connect(SessionSpec spec, DaemonEventSink sink)
      throws SessionInUseException {
    synchronized (lock) {
      requireOpen();
      SessionChannel channel;
      if (spec.isBackground()) {
        SessionKey key = SessionKey.background(spec.bundleId(), spec.identifier());
        channel = sessions.get(key);
        if (channel != null
            && !channel.invalidated
            && channel.attached != null
            && channel.attached.open) {
          timeline.post(
              Layer.DAEMON,
              spec.launch(),
              spec.identifier(),
              TimelineEvent.NO_TASK,
              "session in use",
              "error "
                  + ErrorCodes.BACKGROUND_SESSION_IN_USE
                  + ": attached by launch "
                  + channel.attached.session().launch(),
              Severity.ERROR);
          throw new SessionInUseException(spec.identifier());
        }
        if (channel == null || channel.invalidated) {
          channel = new SessionChannel(key, spec);
          sessions.put(key, channel);
        }
        channel.spec = spec;
      } else {
        SessionKey key = new SessionKey(spec.bundleId(), null, ++privateSessions);
        channel = new SessionChannel(key, spec);
        sessions.put(key, channel);
      }
      RealConnection connection = new RealConnection(this, channel, spec, sink);
      channel.attached = connection;
      timeline.post(
          Layer.DAEMON,
          spec.launch(),
          channel.key.label(),
          TimelineEvent.NO_TASK,
          "session attached",
          channel.queue.size() + " queued events, " + channel.tasks.size() + " tasks");
      persist();
      scheduleDrain(channel);
      return connection;
    }
  }

  void detach(RealConnection connection) {
    synchronized (lock) {
      if (!connection.open) {
        return;
      }
      connection.open = false;
      SessionChannel channel = connection.channel;
      if (channel.attached == connection) {
        channel.attached = null;
      }
      channel.queue.removeIf(SessionChannel.Pending::progress);
      timeline.post(
          Layer.DAEMON,
          connection.session().launch(),
          channel.key.label(),
          TimelineEvent.NO_TASK,
          "session detached",
          channel.key.isBackground()
              ? channel.tasks.size() + " tasks carry on"
              : "its tasks are cancelled");
      if (channel.key.isBackground()) {
        // A closed connection means the process is gone.
        appStoppedRunning(channel);
      } else {
        cancelUnfinished(channel, task -> true, StopReason.SESSION_GONE);
        for (SessionChannel.Pending pending : channel.queue) {
          if (pending.event() instanceof TaskEvent.DidFinishDownloading finished) {
            deleteQuietly(finished.location());
          }
        }
        channel.queue.clear();
        sessions.remove(channel.key);
        if (channel.delivery != null) {
          channel.delivery.shutdown();
        }
      }
      persist();
    }
  }

  public void appStateChanged(String bundleId, AppState state) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      AppState previous = appStates.put(bundleId, state);
      if (previous == state) {
        return;
      }
      if (state == AppState.FOREGROUND && relaunchCounts.remove(bundleId) != null) {
        timeline.post(
            Layer.DAEMON,
            TimelineEvent.NO_LAUNCH,
            "",
            TimelineEvent.NO_TASK,
            "rate limiter reset",
            bundleId + " came to the foreground");
      }
      for (SessionChannel channel : List.copyOf(sessions.values())) {
        if (!channel.key.bundleId().equals(bundleId)) {
          continue;
        }
        if (state == AppState.SUSPENDED && channel.key.isBackground()) {
          appStoppedRunning(channel);
        }
        scheduleDrain(channel);
      }
    }
  }

  /**
   * The app of a background session stopped running (suspended, or its process is gone): its
   * delayed requests can no longer be asked about, and its data tasks, which live only while their
   * app runs (rule 10), fail.
   */
  private void appStoppedRunning(SessionChannel channel) {
    abandonDelayedRequests(channel);
    cancelUnfinished(channel, task -> task.spec.kind() == TaskKind.DATA, StopReason.APP_SUSPENDED);
  }

  /** Moves every unfinished task of {@code channel} that {@code which} picks to cancelling. */
  private void cancelUnfinished(
      SessionChannel channel, Predicate<TaskRecord> which, StopReason reason) {
    for (TaskRecord task : List.copyOf(channel.tasks.values())) {
      if (!task.isFinished() && which.test(task)) {
        task.state = TaskState.CANCELING;
        stopOrFinish(task, reason);
      }
    }
  }

  public void userForceQuit(String bundleId) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      timeline.post(
          Layer.DAEMON,
          TimelineEvent.NO_LAUNCH,
          "",
          TimelineEvent.NO_TASK,
          "force quit",
          bundleId + ": cancelling its background tasks, no relaunch",
          Severity.WARNING);
      for (SessionChannel channel : List.copyOf(sessions.values())) {
        if (!channel.key.bundleId().equals(bundleId) || !channel.key.isBackground()) {
          continue;
        }
        for (TaskRecord task : List.copyOf(channel.tasks.values())) {
          if (!task.isFinished() && task.state != TaskState.CANCELING) {
            task.forceQuit = true;
            task.state = TaskState.CANCELING;
            stopOrFinish(task, StopReason.FORCE_QUIT);
          }
        }
      }
      persist();
    }
  }

  public void setRelauncher(BackgroundRelauncher relauncher) {
    synchronized (lock) {
      this.relauncher = relauncher;
      if (relauncher == null || closed) {
        return;
      }
      // Relaunches asked for before anyone could hear them (a restored journal, or tasks that
      // finished before the device plugged in) are passed on now.
      for (SessionChannel channel : sessions.values()) {
        boolean attached = channel.attached != null && channel.attached.open;
        if (channel.relaunchRequested && !attached && !channel.queue.isEmpty()) {
          String bundle = channel.key.bundleId();
          String identifier = channel.key.identifier();
          relaunches.execute(() -> relauncher.relaunchForEvents(bundle, identifier));
        }
      }
    }
  }

  public List<TaskSnapshot> allTasks() {
    synchronized (lock) {
      List<TaskSnapshot> all = new ArrayList<>();
      for (SessionChannel channel : sessions.values()) {
        channel.tasks.values().forEach(task -> all.add(snapshot(task)));
      }
      return all;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Tasks, through a connection

  long createTask(RealConnection connection, TaskSpec requested) {
    synchronized (lock) {
      TaskSpec spec = requested;
      boolean fromResumeData = requested.resumeData() != null;
      UploadResumeData uploadResume = null;
      TransferFailure uploadResumeFailure = null;
      if (spec.kind() == TaskKind.UPLOAD && fromResumeData) {
        try {
          uploadResume = UploadResumeData.decode(spec.resumeData());
          spec =
              new TaskSpec(
                  TaskKind.UPLOAD,
                  uploadResume.originalRequest(),
                  new UploadBody.FromFile(uploadResume.file()),
                  null,
                  spec.taskDescription(),
                  spec.earliestBeginDate());
        } catch (ResumeData.InvalidResumeDataException e) {
          uploadResumeFailure =
              new TransferFailure(ErrorCodes.CANNOT_DECODE_RAW_DATA, e.getMessage());
        }
      }
      SessionChannel channel = usable(connection);
      if (channel.invalidating || channel.invalidated) {
        throw new IllegalStateException(
            "Task created in a session that has been invalidated: " + channel.key.label());
      }
      long id;
      if (channel.key.isBackground()) {
        id = nextTaskIds.getOrDefault(channel.key, 1L);
        nextTaskIds.put(channel.key, id + 1);
      } else {
        id = channel.nextPrivateTaskId++;
      }
      TaskRecord task = new TaskRecord(channel, id, spec, connection.session().launch());
      if (spec.kind() == TaskKind.DOWNLOAD && spec.resumeData() != null) {
        adoptResumeData(task, spec.resumeData());
      }
      if (uploadResume != null) {
        task.uploadResource = uploadResume.uploadResource();
        task.uploadInteropVersion = uploadResume.interopVersion();
        task.uploadFileSize = uploadResume.fileSize();
        task.uploadFileModified = uploadResume.fileModifiedMillis();
      }
      if (uploadResumeFailure != null) {
        task.resumeFailure = uploadResumeFailure;
      }
      task.expectedToSend = uploadLength(spec.body());
      channel.tasks.put(id, task);
      post(
          task,
          "task created",
          spec.kind()
              + " "
              + task.originalRequest.method()
              + " "
              + task.originalRequest.url()
              + (fromResumeData ? " from resume data" : ""));
      persist();
      return id;
    }
  }

  void resume(RealConnection connection, long id) {
    synchronized (lock) {
      TaskRecord task = controllable(connection, id);
      if (task == null) {
        return;
      }
      if (task.suspendCount > 0) {
        task.suspendCount--;
      }
      if (task.suspendCount == 0 && task.state == TaskState.SUSPENDED) {
        task.state = TaskState.RUNNING;
        post(task, "task resumed", "");
        startRunning(task);
        persist();
      }
    }
  }

  /**
   * The connection's task {@code id} if the app may still resume, suspend or cancel it; null when
   * there is no such task, or it is already cancelling or finished (those calls are then no-ops).
   */
  private TaskRecord controllable(RealConnection connection, long id) {
    TaskRecord task = usable(connection).tasks.get(id);
    if (task == null || task.state == TaskState.CANCELING || task.isFinished()) {
      return null;
    }
    return task;
  }

  void suspend(RealConnection connection, long id) {
    synchronized (lock) {
      TaskRecord task = controllable(connection, id);
      if (task == null) {
        return;
      }
      task.suspendCount++;
      if (task.state == TaskState.RUNNING) {
        task.state = TaskState.SUSPENDED;
        pauseTimers(task);
        if (task.phase == TaskRecord.Phase.DELAYED
            || task.phase == TaskRecord.Phase.WAITING_FOR_CONNECTIVITY) {
          task.phase = TaskRecord.Phase.IDLE;
        }
        post(task, "task suspended", "traffic and timers stop");
        persist();
      }
    }
  }

  void cancel(RealConnection connection, long id) {
    synchronized (lock) {
      TaskRecord task = controllable(connection, id);
      if (task == null) {
        return;
      }
      task.state = TaskState.CANCELING;
      post(task, "task cancelled", "");
      stopOrFinish(task, StopReason.CANCEL);
    }
  }

  CompletableFuture<Optional<byte[]>> cancelByProducingResumeData(
      RealConnection connection, long id) {
    CompletableFuture<Optional<byte[]>> result = new CompletableFuture<>();
    synchronized (lock) {
      TaskRecord task = controllable(connection, id);
      if (task == null) {
        result.complete(Optional.empty());
        return result;
      }
      task.resumeDataRequest = result;
      task.state = TaskState.CANCELING;
      post(task, "task cancelled", "producing resume data");
      stopOrFinish(task, StopReason.CANCEL_WITH_RESUME_DATA);
    }
    return result;
  }

  void provideBodyStream(RealConnection connection, long id, InputStream body) {
    synchronized (lock) {
      TaskRecord task = usable(connection).tasks.get(id);
      if (task != null && task.bodyStream != null && !task.bodyStream.isDone()) {
        task.bodyStream.complete(body);
        return;
      }
    }
    try {
      body.close();
    } catch (IOException ignored) {
      // nobody asked for this stream
    }
  }

  void setTaskDescription(RealConnection connection, long id, String description) {
    synchronized (lock) {
      TaskRecord task = usable(connection).tasks.get(id);
      if (task != null) {
        task.description = description;
        persist();
      }
    }
  }

  List<TaskSnapshot> allTasks(RealConnection connection) {
    synchronized (lock) {
      return connection.channel.tasks.values().stream().map(this::snapshot).toList();
    }
  }

  Optional<TaskSnapshot> task(RealConnection connection, long id) {
    synchronized (lock) {
      return Optional.ofNullable(connection.channel.tasks.get(id)).map(this::snapshot);
    }
  }

  void finishTasksAndInvalidate(RealConnection connection) {
    synchronized (lock) {
      SessionChannel channel = usable(connection);
      if (channel.invalidating) {
        return;
      }
      startInvalidating(channel, "finish tasks and invalidate");
      maybeFinishInvalidation(channel);
      persist();
    }
  }

  void invalidateAndCancel(RealConnection connection) {
    synchronized (lock) {
      SessionChannel channel = usable(connection);
      if (channel.invalidated) {
        return;
      }
      startInvalidating(channel, "invalidate and cancel");
      cancelUnfinished(channel, task -> task.state != TaskState.CANCELING, StopReason.INVALIDATE);
      maybeFinishInvalidation(channel);
      persist();
    }
  }

  private void startInvalidating(SessionChannel channel, String how) {
    channel.invalidating = true;
    timeline.post(
        Layer.DAEMON, channel.launch(), channel.key.label(), TimelineEvent.NO_TASK, how, "");
  }

  // ---------------------------------------------------------------------------------------------
  // Scheduling

  /** The task just became RUNNING: restart its timers and either wake or schedule its work. */
  private void startRunning(TaskRecord task) {
    task.runningSince = clock.now();
    armResourceTimer(task);
    if (task.attempt != null) {
      task.attempt.lastActivity = clock.now();
      armIdleTimer(task);
      lock.notifyAll();
    } else if (task.phase == TaskRecord.Phase.IDLE) {
      schedule(task);
    }
  }

  private void schedule(TaskRecord task) {
    Duration delay = Duration.ZERO;
    String why = "";
    if (!task.started && task.session.key.isBackground()) {
      Instant earliest = task.earliestBeginDate;
      if (earliest != null && earliest.isAfter(clock.now())) {
        delay = Duration.between(clock.now(), earliest);
        why = "earliestBeginDate " + earliest;
      }
      Duration limited = rateLimitDelay(task);
      if (limited.compareTo(delay) > 0) {
        delay = limited;
        why = "rate limited: started from the background after relaunches";
      }
    }
    if (delay.isZero()) {
      due(task);
    } else {
      delay(task, delay, why);
    }
  }

  /**
   * Rule 8: a background task with an earliestBeginDate asks its app, once, before it first starts:
   * the app may continue, swap the request, or cancel. iOS asks only a running app; otherwise the
   * original request goes ahead.
   */
  private void due(TaskRecord task) {
    if (!task.started
        && !task.delayedRequestAnswered
        && task.earliestBeginDate != null
        && task.session.key.isBackground()
        && task.state == TaskState.RUNNING) {
      if (deliverable(task.session)) {
        task.phase = TaskRecord.Phase.DELAYED;
        task.awaitingDelayedRequest = true;
        post(task, "asking the app", "willBeginDelayedRequest " + task.currentRequest.url());
        emit(task.session, new TaskEvent.WillBeginDelayedRequest(task.id, task.currentRequest));
        return;
      }
      task.delayedRequestAnswered = true;
      post(task, "delayed request continues", "the app is not running to be asked");
    }
    dispatch(task);
  }

  /** The app can no longer answer WillBeginDelayedRequest: the original request goes ahead. */
  private void abandonDelayedRequests(SessionChannel channel) {
    for (TaskRecord task : List.copyOf(channel.tasks.values())) {
      if (task.awaitingDelayedRequest) {
        channel.queue.removeIf(
            pending ->
                pending.event() instanceof TaskEvent.WillBeginDelayedRequest asked
                    && asked.taskIdentifier() == task.id);
        task.awaitingDelayedRequest = false;
        task.delayedRequestAnswered = true;
        task.phase = TaskRecord.Phase.IDLE;
        post(task, "delayed request continues", "the app went away before answering");
        dispatch(task);
      }
    }
  }

  void continueDelayedRequest(
      RealConnection connection,
      long id,
      DelayedRequestDisposition disposition,
      RequestInfo newRequest) {
    synchronized (lock) {
      TaskRecord task = usable(connection).tasks.get(id);
      if (task == null
          || !task.awaitingDelayedRequest
          || task.isFinished()
          || task.state == TaskState.CANCELING) {
        return;
      }
      task.awaitingDelayedRequest = false;
      task.delayedRequestAnswered = true;
      if (task.phase == TaskRecord.Phase.DELAYED) {
        task.phase = TaskRecord.Phase.IDLE;
      }
      switch (disposition == null ? DelayedRequestDisposition.CONTINUE_LOADING : disposition) {
        case CANCEL -> {
          task.state = TaskState.CANCELING;
          post(task, "task cancelled", "by willBeginDelayedRequest");
          finishStopped(task, StopReason.CANCEL);
        }
        case USE_NEW_REQUEST -> {
          if (newRequest != null) {
            task.currentRequest = newRequest;
            post(task, "request replaced", newRequest.method() + " " + newRequest.url());
          }
          dispatch(task);
        }
        case CONTINUE_LOADING -> {
          post(task, "delayed request continues", "");
          dispatch(task);
        }
      }
      persist();
    }
  }

  void setEarliestBeginDate(RealConnection connection, long id, Instant date) {
    synchronized (lock) {
      TaskRecord task = usable(connection).tasks.get(id);
      if (task == null || task.started || task.state != TaskState.SUSPENDED) {
        return;
      }
      task.earliestBeginDate = date;
      persist();
    }
  }

  /**
   * Rule 9, kept simple: after the n-th background relaunch since the app was last in the
   * foreground, a task started while the app is not in the foreground waits 60 s * 2^(n-1).
   */
  private Duration rateLimitDelay(TaskRecord task) {
    String bundle = task.session.key.bundleId();
    AppState state = appStates.get(bundle);
    int relaunched = relaunchCounts.getOrDefault(bundle, 0);
    if (relaunched == 0 || state == null || state == AppState.FOREGROUND) {
      return Duration.ZERO;
    }
    return RATE_LIMIT_BASE.multipliedBy(1L << Math.min(relaunched - 1, 10));
  }

  private void delay(TaskRecord task, Duration delay, String why) {
    task.phase = TaskRecord.Phase.DELAYED;
    post(task, "task delayed", delay.toSeconds() + " s: " + why);
    task.delayTimer =
        clock.schedule(
            delay,
            () -> {
              synchronized (lock) {
                if (task.phase == TaskRecord.Phase.DELAYED && task.state == TaskState.RUNNING) {
                  task.phase = TaskRecord.Phase.IDLE;
                  task.delayTimer = null;
                  due(task);
                }
              }
            });
  }

  /** Starts an attempt now, or parks the task until the network is back, or fails it (-1009). */
  private void dispatch(TaskRecord task) {
    if (closed || task.state != TaskState.RUNNING) {
      return;
    }
    if (!network.isOnline()) {
      if (task.session.key.isBackground() || task.session.spec.waitsForConnectivity()) {
        task.phase = TaskRecord.Phase.WAITING_FOR_CONNECTIVITY;
        post(task, "waiting for connectivity", "");
        return;
      }
      complete(
          task,
          error(
              task,
              ErrorCodes.NOT_CONNECTED_TO_INTERNET,
              "The Internet connection appears to be offline.",
              false));
      return;
    }
    if (!task.started && isDiscretionary(task) && onCellular()) {
      task.phase = TaskRecord.Phase.WAITING_FOR_CONNECTIVITY;
      post(task, "waiting for Wi-Fi", "discretionary transfers wait for better conditions");
      return;
    }
    task.started = true;
    task.phase = TaskRecord.Phase.ACTIVE;
    Attempt attempt = new Attempt(clock.now());
    task.attempt = attempt;
    armIdleTimer(task);
    Link link = new Link(network, attempt);
    TransferCall call = new TransferCall(this, task, attempt, transport, link);
    workers.execute(() -> run(task, attempt, call));
  }

  /**
   * Rule 5, kept simple: a background task is discretionary when its session says so or when it was
   * started while its app was not in the foreground. A discretionary task does not start on a
   * cellular preset (LTE, 3G, EDGE); once started it carries on whatever the network does.
   */
  private boolean isDiscretionary(TaskRecord task) {
    if (!task.session.key.isBackground()) {
      return false;
    }
    AppState state = appStates.get(task.session.key.bundleId());
    return task.session.spec.discretionary()
        || state == AppState.BACKGROUND
        || state == AppState.SUSPENDED;
  }

  private boolean onCellular() {
    NetworkPreset preset = network.conditions().preset();
    return preset == NetworkPreset.LTE
        || preset == NetworkPreset.THREE_G
        || preset == NetworkPreset.EDGE;
  }

  private void run(TaskRecord task, Attempt attempt, TransferCall call) {
    try {
      call.execute();
      attemptEnded(task, attempt, null, null);
    } catch (TransferFailure failure) {
      attemptEnded(task, attempt, null, failure);
    } catch (Exception e) {
      attemptEnded(task, attempt, e, null);
    }
  }

  /** Every attempt ends here: complete, retry, wait for the network, or leave it for later. */
  private void attemptEnded(
      TaskRecord task, Attempt attempt, Exception cause, TransferFailure failure) {
    synchronized (lock) {
      if (task.attempt == attempt) {
        task.attempt = null;
        cancelTimer(task.idleTimer);
        task.idleTimer = null;
        if (task.phase == TaskRecord.Phase.ACTIVE) {
          task.phase = TaskRecord.Phase.IDLE;
        }
      }
      if (task.bodyStream != null && !task.bodyStream.isDone()) {
        task.bodyStream.cancel(false);
      }
      if (task.isFinished()) {
        return;
      }
      StopReason reason = attempt.stopReason();
      if (reason == StopReason.DAEMON_CLOSED || closed) {
        return;
      }
      if (reason == null && failure != null) {
        complete(task, error(task, failure.code, failure.getMessage(), false));
        return;
      }
      if (reason == null && cause == null) {
        // The call returned without completing the task; never leave it stranded.
        cause = new IOException("the exchange ended without completing the task");
      }
      boolean background = task.session.key.isBackground();
      if (reason == null) {
        post(task, "connection lost", describe(cause));
      }
      StopReason effective = reason == null ? StopReason.DROPPED : reason;
      switch (effective) {
        case CANCEL, INVALIDATE, CANCEL_WITH_RESUME_DATA, FORCE_QUIT, SESSION_GONE, APP_SUSPENDED ->
            finishStopped(task, effective);
        case RESOURCE_TIMEOUT ->
            complete(task, error(task, ErrorCodes.TIMED_OUT, "The request timed out.", true));
        case IDLE_TIMEOUT -> {
          if (background) {
            retry(task, attempt, "request timed out");
          } else {
            complete(task, error(task, ErrorCodes.TIMED_OUT, "The request timed out.", true));
          }
        }
        case OFFLINE -> {
          if (background) {
            retry(task, attempt, "offline");
          } else {
            complete(
                task,
                error(
                    task,
                    ErrorCodes.NOT_CONNECTED_TO_INTERNET,
                    "The Internet connection appears to be offline.",
                    true));
          }
        }
        case DROPPED -> {
          if (background) {
            retry(task, attempt, reason == null ? "connection lost" : "connections dropped");
          } else if (cause instanceof ConnectException) {
            complete(
                task,
                error(
                    task,
                    ErrorCodes.CANNOT_CONNECT_TO_HOST,
                    "Could not connect to the server.",
                    false));
          } else {
            complete(
                task,
                error(
                    task,
                    ErrorCodes.NETWORK_CONNECTION_LOST,
                    "The network connection was lost.",
                    true));
          }
        }
        case DAEMON_CLOSED -> {}
      }
    }
  }

  private static String describe(Throwable cause) {
    if (cause == null) {
      return "";
    }
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  /**
   * Background tasks go on after a transient failure: at once if it made progress, else backing
   * off.
   */
  private void retry(TaskRecord task, Attempt attempt, String why) {
    // Only a download, or an upload the server offered to resume, keeps what it moved; anything
    // else starts over, so retrying it at once against a server that always cuts would spin.
    boolean keepsProgress =
        task.spec.kind() == TaskKind.DOWNLOAD
            || task.spec.kind() == TaskKind.UPLOAD && task.uploadResource != null;
    if (keepsProgress && attempt.bytesMoved > 0) {
      task.failuresWithoutProgress = 0;
    } else {
      task.failuresWithoutProgress++;
    }
    if (task.state != TaskState.RUNNING) {
      return;
    }
    if (!network.isOnline()) {
      dispatch(task);
      return;
    }
    if (task.failuresWithoutProgress == 0) {
      post(task, "retry", why + "; continuing now");
      dispatch(task);
    } else {
      long seconds = 1L << Math.min(task.failuresWithoutProgress - 1, 6);
      Duration backoff = Duration.ofSeconds(Math.min(seconds, MAX_RETRY_BACKOFF.toSeconds()));
      post(task, "retry", why + "; again in " + backoff.toSeconds() + " s");
      delay(task, backoff, "retry backoff");
    }
  }

  /** Stops the running attempt, which then ends the task; or ends the task now if none runs. */
  private void stopOrFinish(TaskRecord task, StopReason reason) {
    cancelTimer(task.delayTimer);
    task.delayTimer = null;
    if (task.attempt != null) {
      task.attempt.stop(reason);
      lock.notifyAll();
    } else {
      finishStopped(task, reason);
    }
  }

  private void finishStopped(TaskRecord task, StopReason reason) {
    switch (reason) {
      case SESSION_GONE -> {
        task.state = TaskState.COMPLETED;
        cancelAllTimers(task);
        deleteTempFile(task);
        task.session.tasks.remove(task.id);
        post(task, "task discarded", "its process is gone");
      }
      case APP_SUSPENDED ->
          complete(
              task,
              error(
                  task,
                  ErrorCodes.BACKGROUND_SESSION_WAS_DISCONNECTED,
                  "Lost connection to background transfer service",
                  false));
      case FORCE_QUIT ->
          complete(
              task,
              new TransferError(
                  ErrorCodes.CANCELLED,
                  "cancelled",
                  task.currentRequest.url(),
                  resumeDataFor(task),
                  0));
      case CANCEL_WITH_RESUME_DATA ->
          complete(
              task,
              new TransferError(
                  ErrorCodes.CANCELLED,
                  "cancelled",
                  task.currentRequest.url(),
                  resumeDataFor(task),
                  null));
      default -> {
        discardUploadResource(task);
        complete(
            task,
            new TransferError(
                ErrorCodes.CANCELLED, "cancelled", task.currentRequest.url(), null, null));
      }
    }
  }

  /** The one place a task completes; returns at once for a task already completed. */
  private void complete(TaskRecord task, TransferError error) {
    if (task.isFinished()) {
      return;
    }
    cancelAllTimers(task);
    task.state = TaskState.COMPLETED;
    task.phase = TaskRecord.Phase.IDLE;
    task.error = error;
    if (error != null) {
      if (error.resumeData() != null) {
        // The partial file now belongs to the resume data.
        task.tempFile = null;
      } else {
        deleteTempFile(task);
      }
    }
    if (task.resumeDataRequest != null) {
      CompletableFuture<Optional<byte[]>> request = task.resumeDataRequest;
      Optional<byte[]> data = Optional.ofNullable(error == null ? null : error.resumeData());
      workers.execute(() -> request.complete(data));
    }
    emit(task.session, new TaskEvent.DidComplete(task.id, task.response, error));
    if (error == null) {
      post(task, "task finished", statusDetail(task));
    } else {
      post(
          task,
          "task failed",
          error.code()
              + " "
              + error.description()
              + (error.resumeData() != null ? " (with resume data)" : "")
              + (error.backgroundCancelReason() != null
                  ? " reason " + error.backgroundCancelReason()
                  : ""),
          error.code() == ErrorCodes.CANCELLED ? Severity.INFO : Severity.WARNING);
    }
    maybeRequestRelaunch(task);
    maybeFinishInvalidation(task.session);
    persist();
  }

  private String statusDetail(TaskRecord task) {
    return task.response == null ? "" : "HTTP " + task.response.statusCode();
  }

  private TransferError error(TaskRecord task, int code, String description, boolean withResume) {
    return new TransferError(
        code,
        description,
        task.currentRequest.url(),
        withResume ? resumeDataFor(task) : null,
        null);
  }

  /**
   * Resume data when rule 27 allows it: a GET with a validator, byte ranges, and a partial file.
   */
  private byte[] resumeDataFor(TaskRecord task) {
    if (task.spec.kind() == TaskKind.UPLOAD) {
      return uploadResumeDataFor(task);
    }
    if (task.spec.kind() != TaskKind.DOWNLOAD
        || task.tempFile == null
        || task.validator == null
        || !task.acceptsRanges
        || !"GET".equalsIgnoreCase(task.currentRequest.method())
        || !Files.isRegularFile(task.tempFile)) {
      return null;
    }
    try {
      long length = Files.size(task.tempFile);
      return new ResumeData(
              task.currentRequest.url(),
              length,
              task.expectedToReceive,
              task.validator,
              task.tempFile.getFileName().toString(),
              task.originalRequest,
              task.currentRequest)
          .encode();
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Upload resume data when rule 35 allows it: a file upload to which the server offered resumption
   * with a 104 (so nil from a server that does not speak the protocol).
   */
  private byte[] uploadResumeDataFor(TaskRecord task) {
    if (task.uploadResource == null
        || !(task.spec.body() instanceof UploadBody.FromFile file)
        || task.uploadFileSize < 0) {
      return null;
    }
    return new UploadResumeData(
            task.uploadInteropVersion,
            task.uploadResource,
            file.file(),
            task.uploadFileSize,
            task.uploadFileModified,
            task.originalRequest)
        .encode();
  }

  /** A cancelled upload gives its resource up, so the server can forget the partial bytes. */
  private void discardUploadResource(TaskRecord task) {
    URI resource = task.uploadResource;
    if (resource == null) {
      return;
    }
    task.uploadResource = null;
    post(task, "upload resource deleted", "DELETE " + resource);
    workers.execute(
        () -> {
          try (ClassicHttpResponse ignored =
              transport.client().executeOpen(null, new HttpDelete(resource), null)) {
            // the answer does not matter: an unknown resource is as good as a deleted one
          } catch (IOException e) {
            // the server will let the resource expire
          }
        });
  }

  private void adoptResumeData(TaskRecord task, byte[] bytes) {
    ResumeData data;
    try {
      data = ResumeData.decode(bytes);
    } catch (ResumeData.InvalidResumeDataException e) {
      task.resumeFailure = new TransferFailure(ErrorCodes.CANNOT_DECODE_RAW_DATA, e.getMessage());
      return;
    }
    task.originalRequest = data.originalRequest();
    task.currentRequest =
        new RequestInfo(
            data.currentRequest().method(), data.url(), data.currentRequest().headers());
    Path partial = downloads.resolve(data.tempFileName());
    if (!Files.isRegularFile(partial)) {
      task.resumeFailure =
          new TransferFailure(
              ErrorCodes.CANNOT_OPEN_FILE,
              "the partial file of this resume data is gone (resume data can be used once)");
      return;
    }
    try {
      Path mine = newTempFile();
      // Taking the file is what makes resume data single-use.
      Files.move(partial, mine, StandardCopyOption.ATOMIC_MOVE);
      task.tempFile = mine;
      task.bytesReceived = Math.min(Files.size(mine), data.bytesReceived());
      task.validator = data.validator();
      task.acceptsRanges = true;
      task.expectedToReceive = data.expectedTotalBytes();
      task.announceResume = true;
    } catch (IOException e) {
      task.resumeFailure =
          new TransferFailure(ErrorCodes.CANNOT_OPEN_FILE, "cannot take the partial file: " + e);
    }
  }

  private Path newTempFile() {
    return downloads.resolve(
        "CFNetworkDownload_" + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
  }

  private void maybeRequestRelaunch(TaskRecord task) {
    SessionChannel channel = task.session;
    if (!channel.key.isBackground()
        || task.forceQuit
        || task.spec.kind() == TaskKind.DATA
        || channel.spec == null
        || !channel.spec.sessionSendsLaunchEvents()
        || channel.relaunchRequested) {
      return;
    }
    String bundle = channel.key.bundleId();
    boolean attached = channel.attached != null && channel.attached.open;
    if (attached && appStates.get(bundle) != AppState.SUSPENDED) {
      return;
    }
    channel.relaunchRequested = true;
    relaunchCounts.merge(bundle, 1, Integer::sum);
    timeline.post(
        Layer.DAEMON,
        channel.launch(),
        channel.key.label(),
        task.id,
        "relaunch requested",
        attached ? "wake " + bundle : "launch " + bundle + " in the background");
    BackgroundRelauncher target = relauncher;
    if (target != null) {
      String identifier = channel.key.identifier();
      relaunches.execute(() -> target.relaunchForEvents(bundle, identifier));
    }
  }

  private void maybeFinishInvalidation(SessionChannel channel) {
    if (!channel.invalidating || channel.invalidated) {
      return;
    }
    for (TaskRecord task : channel.tasks.values()) {
      if (!task.isFinished()) {
        return;
      }
    }
    channel.invalidated = true;
    emit(channel, new TaskEvent.DidBecomeInvalid(null));
    timeline.post(
        Layer.DAEMON,
        channel.launch(),
        channel.key.label(),
        TimelineEvent.NO_TASK,
        "session invalidated",
        "");
  }

  private void networkChanged(NetworkConditions conditions, NetworkConditioner.Change change) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      for (SessionChannel channel : List.copyOf(sessions.values())) {
        for (TaskRecord task : List.copyOf(channel.tasks.values())) {
          switch (change) {
            case WENT_OFFLINE -> {
              if (task.attempt != null) {
                task.attempt.stop(StopReason.OFFLINE);
                lock.notifyAll();
              }
            }
            case CONNECTIONS_DROPPED -> {
              if (task.attempt != null) {
                task.attempt.stop(StopReason.DROPPED);
                lock.notifyAll();
              }
            }
            case WENT_ONLINE, SHAPED -> {
              if (task.phase == TaskRecord.Phase.WAITING_FOR_CONNECTIVITY
                  && task.state == TaskState.RUNNING
                  && (change == NetworkConditioner.Change.WENT_ONLINE || !onCellular())) {
                task.phase = TaskRecord.Phase.IDLE;
                post(task, "connectivity restored", conditions.label());
                dispatch(task);
              }
            }
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Timers (device clock)

  private void armIdleTimer(TaskRecord task) {
    cancelTimer(task.idleTimer);
    Attempt attempt = task.attempt;
    if (attempt == null || task.state != TaskState.RUNNING) {
      return;
    }
    Duration timeout = task.session.spec.timeoutIntervalForRequest();
    task.idleTimer = clock.schedule(timeout, () -> idleCheck(task, attempt));
  }

  private void idleCheck(TaskRecord task, Attempt attempt) {
    synchronized (lock) {
      if (task.attempt != attempt || task.state != TaskState.RUNNING) {
        return;
      }
      Duration timeout = task.session.spec.timeoutIntervalForRequest();
      Duration idle = Duration.between(attempt.lastActivity, clock.now());
      if (idle.compareTo(timeout) >= 0) {
        post(task, "request timed out", "no byte for " + idle.toSeconds() + " s", Severity.WARNING);
        attempt.stop(StopReason.IDLE_TIMEOUT);
        lock.notifyAll();
      } else {
        task.idleTimer = clock.schedule(timeout.minus(idle), () -> idleCheck(task, attempt));
      }
    }
  }

  private void armResourceTimer(TaskRecord task) {
    cancelTimer(task.resourceTimer);
    Duration remaining = task.session.spec.timeoutIntervalForResource().minus(task.resourceElapsed);
    if (remaining.isNegative()) {
      remaining = Duration.ZERO;
    }
    task.resourceTimer =
        clock.schedule(
            remaining,
            () -> {
              synchronized (lock) {
                if (task.state != TaskState.RUNNING) {
                  return;
                }
                post(
                    task,
                    "resource timed out",
                    "timeoutIntervalForResource elapsed",
                    Severity.WARNING);
                if (task.attempt != null) {
                  task.attempt.stop(StopReason.RESOURCE_TIMEOUT);
                  lock.notifyAll();
                } else {
                  complete(task, error(task, ErrorCodes.TIMED_OUT, "The request timed out.", true));
                }
              }
            });
  }

  private void pauseTimers(TaskRecord task) {
    if (task.runningSince != null) {
      task.resourceElapsed =
          task.resourceElapsed.plus(Duration.between(task.runningSince, clock.now()));
      task.runningSince = null;
    }
    cancelTimer(task.resourceTimer);
    task.resourceTimer = null;
    cancelTimer(task.idleTimer);
    task.idleTimer = null;
    cancelTimer(task.delayTimer);
    task.delayTimer = null;
  }

  private void cancelAllTimers(TaskRecord task) {
    pauseTimers(task);
  }

  private static void cancelTimer(Clock.Timer timer) {
    if (timer != null) {
      timer.cancel();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Hooks for TransferCall (worker threads)

  Start beginAttempt(TaskRecord task, Attempt attempt) throws TransferFailure, IOException {
    synchronized (lock) {
      if (attempt.isStopped()) {
        throw new InterruptedIOException("stopped before it began");
      }
      if (task.resumeFailure != null) {
        TransferFailure failure = task.resumeFailure;
        task.resumeFailure = null;
        throw failure;
      }
      TaskKind kind = task.spec.kind();
      RequestInfo request = task.currentRequest;
      long offset = 0;
      String validator = null;
      Path uploadFile = null;
      URI uploadResource = null;
      ResumableUploadDraft uploadDraft = null;
      if (kind == TaskKind.DOWNLOAD) {
        if (task.tempFile == null) {
          task.tempFile = newTempFile();
        }
        long have = Files.isRegularFile(task.tempFile) ? Files.size(task.tempFile) : 0;
        if (have > 0
            && task.validator != null
            && task.acceptsRanges
            && "GET".equalsIgnoreCase(request.method())) {
          offset = have;
          validator = task.validator;
        }
        if (have > 0) {
          task.announceResume = true;
        }
      } else if (kind == TaskKind.UPLOAD) {
        if (task.spec.body() instanceof UploadBody.FromFile file) {
          if (!Files.isRegularFile(file.file())) {
            throw new TransferFailure(
                ErrorCodes.FILE_DOES_NOT_EXIST, "The file does not exist: " + file.file());
          }
          long size = Files.size(file.file());
          long modified = Files.getLastModifiedTime(file.file()).toMillis();
          boolean changed =
              task.uploadFileSize >= 0
                  && (size != task.uploadFileSize || modified != task.uploadFileModified);
          if (changed && task.uploadResource != null) {
            // Rule 37: the bytes on the server belong to the file as it was.
            throw new TransferFailure(
                ErrorCodes.CANNOT_OPEN_FILE,
                "The file changed since the upload began; the upload cannot be resumed: "
                    + file.file());
          }
          task.uploadFileSize = size;
          task.uploadFileModified = modified;
          uploadFile = file.file();
          uploadResource = task.uploadResource;
          uploadDraft =
              uploadResource == null
                  ? ResumableUploadDraft.CURRENT
                  : ResumableUploadDraft.version(task.uploadInteropVersion)
                      .orElse(ResumableUploadDraft.CURRENT);
        }
        task.expectedToSend = uploadLength(task.spec.body());
      }
      return new Start(
          kind,
          request,
          task.session.spec.additionalHeaders(),
          offset,
          validator,
          uploadFile,
          uploadResource,
          uploadDraft);
    }
  }

  CompletableFuture<InputStream> requestBodyStream(TaskRecord task, Attempt attempt) {
    synchronized (lock) {
      CompletableFuture<InputStream> future = new CompletableFuture<>();
      task.bodyStream = future;
      emit(task.session, new TaskEvent.NeedNewBodyStream(task.id));
      return future;
    }
  }

  void requestSent(TaskRecord task, Attempt attempt, RequestInfo sent) {
    synchronized (lock) {
      String range = sent.header("Range").map(value -> " Range: " + value).orElse("");
      String ifRange = sent.header("If-Range").map(value -> " If-Range: " + value).orElse("");
      post(task, "request sent", sent.method() + " " + sent.url() + range + ifRange);
    }
  }

  /** The body starts (again) going out, from {@code offset} of the whole. */
  void bodyRestarted(TaskRecord task, Attempt attempt, long offset) {
    synchronized (lock) {
      task.bytesSent = offset;
      task.progressAtLastEvent = offset;
      task.lastProgressEvent = null;
    }
  }

  /** The server answered the upload with 104: the upload can be resumed there (rule 36). */
  void uploadResumptionOffered(
      TaskRecord task, Attempt attempt, URI uploadResource, int interopVersion) {
    synchronized (lock) {
      if (task.isFinished()) {
        return;
      }
      task.uploadResource = uploadResource;
      task.uploadInteropVersion = interopVersion;
      post(
          task,
          "upload resumption supported",
          "104, interop version " + interopVersion + ", " + uploadResource);
      persist();
    }
  }

  /** HEAD found the upload resource gone (finished, cancelled, expired): start over. */
  void uploadResourceGone(TaskRecord task, Attempt attempt, String why) {
    synchronized (lock) {
      post(task, "upload resource gone", why + "; uploading from the start");
      task.uploadResource = null;
      persist();
    }
  }

  /** The upload continues at {@code offset}, the bytes the server already has. */
  void uploadResumed(TaskRecord task, Attempt attempt, long offset, long size) {
    synchronized (lock) {
      activity(task, attempt, 0);
      post(task, "upload resumed", "at offset " + offset + " of " + size);
    }
  }

  void bodyBytesSent(TaskRecord task, Attempt attempt, int count) {
    synchronized (lock) {
      activity(task, attempt, count);
      task.bytesSent += count;
      boolean last = task.expectedToSend >= 0 && task.bytesSent >= task.expectedToSend;
      if (dueForProgress(task) || last) {
        emitSendProgress(task);
      }
      timelineProgress(task, "sending", task.bytesSent, task.expectedToSend);
    }
  }

  void bodySent(TaskRecord task, Attempt attempt) {
    synchronized (lock) {
      if (task.bytesSent > task.progressAtLastEvent) {
        emitSendProgress(task);
      }
      task.progressAtLastEvent = 0;
      task.lastProgressEvent = null;
    }
  }

  /** A download's response arrived: record it, announce a resume, and name the file to write. */
  Path downloadResponse(
      TaskRecord task,
      Attempt attempt,
      ResponseInfo response,
      long offset,
      long expectedTotal,
      String validator,
      boolean acceptsRanges)
      throws IOException {
    synchronized (lock) {
      acceptResponse(task, attempt, response);
      task.bytesReceived = offset;
      task.expectedToReceive =
          expectedTotal >= 0
              ? expectedTotal
              : (response.expectedContentLength() >= 0
                  ? offset + response.expectedContentLength()
                  : -1);
      task.validator = validator;
      task.acceptsRanges = acceptsRanges;
      task.progressAtLastEvent = offset;
      task.lastProgressEvent = null;
      post(
          task,
          "response",
          "HTTP "
              + response.statusCode()
              + (offset > 0 ? " continuing at " + offset : "")
              + (validator != null ? " validator " + validator : "")
              + (acceptsRanges ? " ranges" : ""));
      if (task.announceResume) {
        task.announceResume = false;
        emit(
            task.session, new TaskEvent.DidResumeAtOffset(task.id, offset, task.expectedToReceive));
        post(task, "resumed at offset", offset + " of " + task.expectedToReceive);
      }
      persist();
      return task.tempFile;
    }
  }

  /**
   * Records a response that arrived for the attempt still under way; a redirect followed on the way
   * shows in the task's current request.
   */
  private void acceptResponse(TaskRecord task, Attempt attempt, ResponseInfo response)
      throws InterruptedIOException {
    if (attempt.isStopped()) {
      throw new InterruptedIOException("stopped");
    }
    activity(task, attempt, 0);
    task.response = response;
    task.currentRequest =
        new RequestInfo(
            task.currentRequest.method(), response.url(), task.currentRequest.headers());
  }

  void bytesWritten(TaskRecord task, Attempt attempt, int count) {
    synchronized (lock) {
      activity(task, attempt, count);
      task.bytesReceived += count;
      if (dueForProgress(task)) {
        emitWriteProgress(task);
      }
      timelineProgress(task, "downloading", task.bytesReceived, task.expectedToReceive);
      Instant now = clock.now();
      if (task.lastProgressPersist == null
          || Duration.between(task.lastProgressPersist, now).compareTo(PROGRESS_PERSIST_INTERVAL)
              >= 0) {
        task.lastProgressPersist = now;
        persist();
      }
    }
  }

  void finishDownload(TaskRecord task, Attempt attempt) throws IOException {
    synchronized (lock) {
      if (attempt.isStopped()) {
        throw new InterruptedIOException("stopped");
      }
      if (task.bytesReceived > task.progressAtLastEvent || task.lastProgressEvent == null) {
        emitWriteProgress(task);
      }
      cancelTimer(task.idleTimer);
      emit(task.session, new TaskEvent.DidFinishDownloading(task.id, task.tempFile, task.response));
      complete(task, null);
    }
  }

  void discardPartialFile(TaskRecord task) {
    synchronized (lock) {
      deleteTempFile(task);
      task.validator = null;
    }
  }

  void responseReceived(TaskRecord task, Attempt attempt, ResponseInfo response)
      throws IOException {
    synchronized (lock) {
      acceptResponse(task, attempt, response);
      task.bytesReceived = 0;
      task.expectedToReceive = response.expectedContentLength();
      post(task, "response", "HTTP " + response.statusCode());
      emit(task.session, new TaskEvent.DidReceiveResponse(task.id, response));
    }
  }

  void dataReceived(TaskRecord task, Attempt attempt, byte[] chunk) {
    synchronized (lock) {
      activity(task, attempt, chunk.length);
      task.bytesReceived += chunk.length;
      emit(task.session, new TaskEvent.DidReceiveData(task.id, chunk));
      timelineProgress(task, "receiving", task.bytesReceived, task.expectedToReceive);
    }
  }

  void finishData(TaskRecord task, Attempt attempt) throws IOException {
    synchronized (lock) {
      if (attempt.isStopped()) {
        throw new InterruptedIOException("stopped");
      }
      complete(task, null);
    }
  }

  /** Blocks the worker while the task is suspended; throws once the attempt is stopped. */
  void awaitRunnable(TaskRecord task, Attempt attempt) throws InterruptedException, IOException {
    synchronized (lock) {
      while (task.state == TaskState.SUSPENDED && !attempt.isStopped()) {
        lock.wait();
      }
      if (attempt.isStopped()) {
        throw new InterruptedIOException("attempt stopped: " + attempt.stopReason());
      }
    }
  }

  private void activity(TaskRecord task, Attempt attempt, int count) {
    attempt.lastActivity = clock.now();
    attempt.bytesMoved += count;
  }

  private boolean dueForProgress(TaskRecord task) {
    return task.lastProgressEvent == null
        || Duration.between(task.lastProgressEvent, clock.now()).compareTo(PROGRESS_EVENT_INTERVAL)
            >= 0;
  }

  private void emitSendProgress(TaskRecord task) {
    emit(
        task.session,
        new TaskEvent.DidSendBodyData(
            task.id,
            task.bytesSent - task.progressAtLastEvent,
            task.bytesSent,
            task.expectedToSend));
    task.progressAtLastEvent = task.bytesSent;
    task.lastProgressEvent = clock.now();
  }

  private void emitWriteProgress(TaskRecord task) {
    emit(
        task.session,
        new TaskEvent.DidWriteData(
            task.id,
            task.bytesReceived - task.progressAtLastEvent,
            task.bytesReceived,
            task.expectedToReceive));
    task.progressAtLastEvent = task.bytesReceived;
    task.lastProgressEvent = clock.now();
  }

  /** Progress on the timeline: at every 10% step, or once a second of device time. */
  private void timelineProgress(TaskRecord task, String what, long done, long expected) {
    Instant now = clock.now();
    boolean step =
        expected > 0 && (done * 10 / expected) != (task.lastTimelineProgress * 10 / expected);
    boolean second =
        task.lastTimelineProgressTime != null
            && Duration.between(task.lastTimelineProgressTime, now)
                    .compareTo(TIMELINE_PROGRESS_INTERVAL)
                >= 0;
    if (task.lastTimelineProgressTime == null || step || second) {
      task.lastTimelineProgress = done;
      task.lastTimelineProgressTime = now;
      post(task, what, done + " / " + (expected < 0 ? "?" : Long.toString(expected)) + " bytes");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Events and delivery

  private void emit(SessionChannel channel, TaskEvent event) {
    boolean progress =
        event instanceof TaskEvent.DidWriteData || event instanceof TaskEvent.DidSendBodyData;
    boolean deliverable = deliverable(channel);
    if (progress && !deliverable) {
      return;
    }
    if (!channel.key.isBackground() && (channel.attached == null || !channel.attached.open)) {
      if (event instanceof TaskEvent.DidFinishDownloading finished) {
        deleteQuietly(finished.location());
      }
      return;
    }
    channel.queue.add(new SessionChannel.Pending(event, progress));
    if (!progress && !deliverable) {
      timeline.post(
          Layer.DAEMON,
          channel.launch(),
          channel.key.label(),
          event.taskIdentifier(),
          "event queued",
          eventName(event) + " (" + channel.queue.size() + " waiting)");
    }
    if (!progress && !(event instanceof TaskEvent.DidReceiveData)) {
      persist();
    }
    scheduleDrain(channel);
  }

  private boolean deliverable(SessionChannel channel) {
    RealConnection connection = channel.attached;
    return !closed
        && connection != null
        && connection.open
        && !connection.broken
        && appStates.get(channel.key.bundleId()) != AppState.SUSPENDED;
  }

  private void scheduleDrain(SessionChannel channel) {
    if (channel.drainScheduled || !deliverable(channel)) {
      return;
    }
    if (channel.queue.isEmpty() && !channel.relaunchRequested) {
      return;
    }
    if (channel.delivery == null) {
      ThreadPoolExecutor executor =
          new ThreadPoolExecutor(
              1,
              1,
              5,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              named("transferd-deliver-" + channel.key.label() + "-"));
      executor.allowCoreThreadTimeOut(true);
      channel.delivery = executor;
    }
    channel.drainScheduled = true;
    channel.delivery.execute(() -> drain(channel));
  }

  /** Runs on the session's delivery thread: hands queued events to the sink, one at a time. */
  private void drain(SessionChannel channel) {
    int delivered = 0;
    while (true) {
      SessionChannel.Pending head;
      RealConnection connection;
      synchronized (lock) {
        if (!deliverable(channel)) {
          channel.drainScheduled = false;
          return;
        }
        if (channel.queue.isEmpty() && channel.relaunchRequested) {
          channel.relaunchRequested = false;
          channel.queue.add(
              new SessionChannel.Pending(
                  new TaskEvent.DidFinishEventsForBackgroundSession(), false));
          persist();
        }
        head = channel.queue.peekFirst();
        if (head == null) {
          channel.drainScheduled = false;
          if (delivered > 0) {
            timeline.post(
                Layer.DAEMON,
                channel.launch(),
                channel.key.label(),
                TimelineEvent.NO_TASK,
                "events delivered",
                delivered + " events");
          }
          return;
        }
        connection = channel.attached;
      }
      boolean ok;
      try {
        connection.sink.deliver(head.event());
        ok = true;
      } catch (Exception e) {
        ok = false;
        timeline.post(
            Layer.DAEMON,
            connection.session().launch(),
            channel.key.label(),
            head.event().taskIdentifier(),
            "delivery failed",
            eventName(head.event()) + ": " + describe(e) + "; it stays queued",
            Severity.ERROR);
      }
      synchronized (lock) {
        if (!ok) {
          connection.broken = true;
        } else if (connection.open && channel.attached == connection) {
          channel.queue.removeFirstOccurrence(head);
          if (!head.progress()) {
            delivered++;
            afterDelivery(channel, head.event());
          }
        }
        // Otherwise the event stays queued; the loop goes on with whichever connection is
        // attached now (a newer launch may have connected while this delivery ran).
      }
    }
  }

  private void afterDelivery(SessionChannel channel, TaskEvent event) {
    if (event instanceof TaskEvent.DidFinishDownloading finished) {
      deleteQuietly(finished.location());
      timeline.post(
          Layer.DAEMON,
          channel.launch(),
          channel.key.label(),
          event.taskIdentifier(),
          "temp file deleted",
          finished.location().getFileName().toString());
    }
    if (event instanceof TaskEvent.DidComplete) {
      TaskRecord task = channel.tasks.get(event.taskIdentifier());
      if (task != null && task.isFinished()) {
        channel.tasks.remove(task.id);
      }
    }
    if (!(event instanceof TaskEvent.DidReceiveData)) {
      persist();
    }
  }

  private static String eventName(TaskEvent event) {
    return event.getClass().getSimpleName();
  }

  // ---------------------------------------------------------------------------------------------
  // Snapshots, helpers

  private TaskSnapshot snapshot(TaskRecord task) {
    return new TaskSnapshot(
        task.session.key.bundleId(),
        task.session.key.identifier(),
        task.id,
        task.spec.kind(),
        task.description,
        task.originalRequest,
        task.currentRequest,
        task.response,
        task.state,
        task.bytesReceived,
        task.expectedToReceive,
        task.bytesSent,
        task.expectedToSend,
        task.error);
  }

  private static long uploadLength(UploadBody body) {
    try {
      if (body instanceof UploadBody.FromFile file) {
        return Files.isRegularFile(file.file()) ? Files.size(file.file()) : -1;
      }
    } catch (IOException e) {
      return -1;
    }
    if (body instanceof UploadBody.FromData data) {
      return data.data().length;
    }
    if (body instanceof UploadBody.None) {
      return 0;
    }
    return -1;
  }

  private SessionChannel usable(RealConnection connection) {
    if (!connection.open) {
      throw new IllegalStateException("the connection to the daemon is closed");
    }
    return connection.channel;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the transfer daemon is closed");
    }
  }

  private void deleteTempFile(TaskRecord task) {
    if (task.tempFile != null) {
      deleteQuietly(task.tempFile);
      task.tempFile = null;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temp file is harmless; the folder is the daemon's
    }
  }

  private void post(TaskRecord task, String what, String detail) {
    post(task, what, detail, Severity.INFO);
  }

  private void post(TaskRecord task, String what, String detail, Severity severity) {
    timeline.post(
        Layer.DAEMON, task.launch, task.session.key.label(), task.id, what, detail, severity);
  }

  // ---------------------------------------------------------------------------------------------
  // Journal

  private void persist() {
    if (closed) {
      return;
    }
    try {
      journal.commit(StateCodec.encode(sessions.values(), nextTaskIds, relaunchCounts, downloads));
    } catch (IOException | RuntimeException e) {
      timeline.post(
          Layer.DAEMON,
          TimelineEvent.NO_LAUNCH,
          "",
          TimelineEvent.NO_TASK,
          "journal write failed",
          describe(e),
          Severity.ERROR);
    }
  }

  private void journalUnreadable(Exception e) {
    timeline.post(
        Layer.DAEMON,
        TimelineEvent.NO_LAUNCH,
        "",
        TimelineEvent.NO_TASK,
        "journal unreadable",
        describe(e) + "; starting empty",
        Severity.ERROR);
  }

  private void restore() {
    Optional<byte[]> saved;
    try {
      saved = journal.read();
    } catch (IOException e) {
      journalUnreadable(e);
      return;
    }
    if (saved.isEmpty()) {
      return;
    }
    synchronized (lock) {
      StateCodec.Restored restored;
      try {
        restored = StateCodec.decode(saved.get(), downloads);
      } catch (IllegalStateException e) {
        journalUnreadable(e);
        return;
      }
      nextTaskIds.putAll(restored.nextTaskIds());
      relaunchCounts.putAll(restored.relaunchCounts());
      for (SessionChannel channel : restored.sessions()) {
        sessions.put(channel.key, channel);
      }
      // A cancel that was under way when the old daemon died ends now.
      for (SessionChannel channel : restored.sessions()) {
        for (TaskRecord task : List.copyOf(channel.tasks.values())) {
          if (task.state == TaskState.CANCELING) {
            finishStopped(task, task.forceQuit ? StopReason.FORCE_QUIT : StopReason.CANCEL);
          }
        }
      }
      timeline.post(
          Layer.DAEMON,
          TimelineEvent.NO_LAUNCH,
          "",
          TimelineEvent.NO_TASK,
          "journal restored",
          restored.sessions().size() + " sessions");
    }
  }

  @Override
  public void close() {
    List<ExecutorService> deliveries = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        return;
      }
      persist();
      closed = true;
      for (SessionChannel channel : sessions.values()) {
        for (TaskRecord task : channel.tasks.values()) {
          cancelAllTimers(task);
          if (task.attempt != null) {
            task.attempt.stop(StopReason.DAEMON_CLOSED);
          }
        }
        if (channel.delivery != null) {
          deliveries.add(channel.delivery);
        }
      }
      lock.notifyAll();
    }
    try {
      networkSubscription.close();
    } catch (Exception ignored) {
      // the listener list cannot fail to remove
    }
    workers.shutdownNow();
    relaunches.shutdownNow();
    try {
      // A worker must not write into a partial file that the next daemon is about to continue.
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        timeline.post(
            Layer.DAEMON,
            TimelineEvent.NO_LAUNCH,
            "",
            TimelineEvent.NO_TASK,
            "workers still running",
            "a transfer did not stop within 5 s of closing; its partial file may still change",
            Severity.ERROR);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deliveries.forEach(ExecutorService::shutdownNow);
    try {
      transport.close();
    } catch (IOException ignored) {
      // closing sockets of a daemon that is going away
    }
  }
}
