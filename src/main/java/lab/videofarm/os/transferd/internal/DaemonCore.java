package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.net.NetworkConditions;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.DaemonEventSink;
import lab.videofarm.os.transferd.DelayedRequestDisposition;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.SessionInUseException;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.os.transferd.TransferService.BackgroundRelauncher;
import lab.videofarm.os.transferd.UploadBody;

/**
 * The daemon's registries, its entry points, and its concurrency policy, in one place (the role of
 * OkHttp's {@code Dispatcher}). The work is done by its parts: {@link Scheduler} moves tasks
 * through their life, {@link Completion} ends them, {@link Mailbox} delivers their events, {@link
 * StateStore} keeps them across deaths.
 *
 * <h2>Threads</h2>
 *
 * <ul>
 *   <li><b>Callers</b> (app threads through a connection, the device, the conditioner, the clock's
 *       timers) take the {@link DaemonLock}, change state, and return at once; they never do I/O
 *       under it except small file renames. After releasing it they write the journal.
 *   <li><b>Workers</b> ({@code transferd-worker-N}, an unbounded pool) run one {@link TransferCall}
 *       each, holding no lock while they block on the network; every counter they update goes
 *       through {@link AttemptHooks}, which takes the lock briefly.
 *   <li><b>Delivery</b> ({@code transferd-deliver-<session>}, one thread per session) hands a
 *       session's events to its sink one at a time, in order, outside the lock: see {@link
 *       Mailbox}.
 *   <li><b>Relaunch</b> ({@code transferd-relaunch}) calls the device's relauncher, outside the
 *       lock, so the device may connect back into the daemon from there: see {@link
 *       RelaunchRequests}.
 * </ul>
 *
 * <p>Timeline events are posted while the lock is held, so timeline listeners must not call back
 * into the daemon on the posting thread (the timeline already asks them to hand events to a thread
 * of their own).
 *
 * <p>Device time ({@link Clock}) drives every timer: request and resource timeouts,
 * earliestBeginDate, the rate limiter, retry backoff, progress coalescing, expiring resume data.
 * Bandwidth and latency are applied in real time by {@link Link}, because the bytes cross real
 * sockets.
 *
 * <h2>Queues (all guarded by the lock)</h2>
 *
 * A RUNNING task is in exactly one {@link TaskRecord.Phase}: DELAYED (a clock timer will advance
 * it: earliestBeginDate, the relaunch rate limiter, a retry backoff; or the app's answer to
 * WillBeginDelayedRequest), WAITING_FOR_CONNECTIVITY (the network listener advances it), or ACTIVE
 * (an {@link Attempt} runs on a worker). Each session's undelivered events wait in its {@link
 * SessionChannel#queue}.
 *
 * <h2>Promises</h2>
 *
 * <ul>
 *   <li>{@code DidComplete} is emitted once per task, by {@link Completion} alone.
 *   <li>Every attempt ends in the scheduler's {@code attemptEnded}, which retries, waits, or
 *       completes the task.
 *   <li>An event leaves a queue only after its sink's {@code deliver} returned, on the connection
 *       that is still attached; the journal holding it is written before it is handed over.
 *   <li>A journal snapshot is never overwritten by an older one.
 * </ul>
 */
public final class DaemonCore implements AutoCloseable {
  /** How long a partial file kept for unused resume data lives, as iOS cleans its temp files. */
  public static final Duration RESUME_DATA_LIFETIME = Duration.ofDays(3);

  private final DaemonLock lock = new DaemonLock();
  private final NetworkConditioner network;
  private final Clock clock;
  private final DaemonLog log;
  private final HttpTransport transport = new HttpTransport();
  private final ExecutorService workers =
      Executors.newCachedThreadPool(Mailbox.named("transferd-worker-"));
  private final AppStates apps = new AppStates();
  private final DownloadsFolder folder;
  private final StateStore store;
  private final Mailbox mailbox;
  private final RelaunchRequests relaunches;
  private final TaskTimers timers;
  private final Completion completion;
  private final Scheduler scheduler;
  private final AttemptHooks.Parts hooks;
  private final AutoCloseable networkSubscription;

  /** Guarded by the lock. The next expiry of unused resume data. */
  private Clock.Timer sweepTimer;

  /** Guarded by the lock. Background sessions and default sessions of live connections. */
  private final Map<SessionKey, SessionChannel> sessions = new LinkedHashMap<>();

  /** Guarded by the lock. Next task id per background identifier; never reset. */
  private final Map<SessionKey, Long> nextTaskIds = new HashMap<>();

  /** Guarded by the lock. */
  private long privateSessions;

  /** Guarded by the lock. */
  private volatile boolean closed;

  public DaemonCore(
      Path stateDirectory,
      NetworkConditioner network,
      Clock clock,
      Timeline timeline,
      Journal journal) {
    this(stateDirectory, network, clock, timeline, journal, RESUME_DATA_LIFETIME);
  }

  /** A daemon whose unused resume data expires after {@code resumeDataLifetime}. */
  public DaemonCore(
      Path stateDirectory,
      NetworkConditioner network,
      Clock clock,
      Timeline timeline,
      Journal journal,
      Duration resumeDataLifetime) {
    this.network = network;
    this.clock = clock;
    this.log = new DaemonLog(timeline);
    this.folder = new DownloadsFolder(stateDirectory, clock, log, resumeDataLifetime);
    this.store =
        new StateStore(
            journal,
            lock,
            log,
            new StateStore.Sources(sessions.values(), nextTaskIds, apps, folder.path()));
    this.mailbox = new Mailbox(lock, apps, store, log, () -> closed);
    this.relaunches = new RelaunchRequests(apps, log);
    this.timers = new TaskTimers(clock, lock, log);
    this.completion =
        new Completion(log, mailbox, folder, timers, relaunches, store, workers, transport);
    this.hooks =
        new AttemptHooks.Parts(
            lock,
            clock,
            mailbox,
            new ProgressMeter(clock, mailbox, log),
            folder,
            timers,
            completion,
            store,
            log);
    this.scheduler =
        new Scheduler(
            lock,
            clock,
            network,
            apps,
            mailbox,
            timers,
            completion,
            log,
            workers,
            this::newCall,
            () -> closed);
    lock.run(this::restore);
    lock.persistTo(store);
    this.networkSubscription = network.addListener(this::networkChanged);
    lock.run(this::startRestoredTasks);
    lock.run(() -> scheduleSweep(sweepInterval(resumeDataLifetime)));
  }

  private TransferCall newCall(TaskRecord task, Attempt attempt) {
    return new TransferCall(
        new AttemptHooks(hooks, task, attempt), attempt, transport, new Link(network, attempt));
  }

  // ---------------------------------------------------------------------------------------------
  // Sessions

  public RealConnection connect(SessionSpec spec, DaemonEventSink sink)
      throws SessionInUseException {
    return lock.call(
        () -> {
          requireOpen();
          SessionChannel channel = spec.isBackground() ? backgroundChannel(spec) : newPrivate(spec);
          RealConnection connection = new RealConnection(this, channel, spec, sink);
          channel.attached = connection;
          log.session(
              channel,
              spec.launch(),
              TimelineEvent.NO_TASK,
              "session attached",
              channel.queue.size() + " queued events, " + channel.tasks.size() + " tasks",
              Severity.INFO);
          store.changed();
          mailbox.scheduleDrain(channel);
          return connection;
        });
  }

  private SessionChannel backgroundChannel(SessionSpec spec) throws SessionInUseException {
    SessionKey key = SessionKey.background(spec.bundleId(), spec.identifier());
    SessionChannel channel = sessions.get(key);
    if (channel != null && !channel.invalidated && Mailbox.attached(channel)) {
      log.session(
          channel,
          spec.launch(),
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
    return channel;
  }

  private SessionChannel newPrivate(SessionSpec spec) {
    SessionKey key = new SessionKey(spec.bundleId(), null, ++privateSessions);
    SessionChannel channel = new SessionChannel(key, spec);
    sessions.put(key, channel);
    return channel;
  }

  void detach(RealConnection connection) {
    lock.run(
        () -> {
          if (!connection.open) {
            return;
          }
          connection.open = false;
          lock.wakeAll();
          SessionChannel channel = connection.channel;
          if (channel.attached == connection) {
            channel.attached = null;
          }
          channel.queue.removeIf(SessionChannel.Pending::progress);
          log.session(
              channel,
              connection.session().launch(),
              TimelineEvent.NO_TASK,
              "session detached",
              channel.key.isBackground()
                  ? channel.tasks.size() + " tasks carry on"
                  : "its tasks are cancelled",
              Severity.INFO);
          if (channel.key.isBackground()) {
            // A closed connection means the process is gone.
            appStoppedRunning(channel);
          } else {
            cancelUnfinished(channel, task -> true, StopReason.SESSION_GONE);
            mailbox.discard(channel);
            sessions.remove(channel.key);
          }
          store.changed();
        });
  }

  public void appStateChanged(String bundleId, AppState state) {
    lock.run(
        () -> {
          if (closed || apps.put(bundleId, state) == state) {
            return;
          }
          if (state == AppState.FOREGROUND && apps.resetRelaunches(bundleId)) {
            log.daemon("rate limiter reset", bundleId + " came to the foreground");
          }
          for (SessionChannel channel : List.copyOf(sessions.values())) {
            if (channel.key.bundleId().equals(bundleId)) {
              if (state == AppState.SUSPENDED && channel.key.isBackground()) {
                appStoppedRunning(channel);
              }
              mailbox.scheduleDrain(channel);
            }
          }
        });
  }

  /**
   * The app of a background session stopped running (suspended, or its process is gone): its
   * delayed requests can no longer be asked about, and its data tasks, which live only while their
   * app runs (rule 10), fail.
   */
  private void appStoppedRunning(SessionChannel channel) {
    scheduler.abandonDelayedRequests(channel);
    cancelUnfinished(channel, task -> task.spec.kind() == TaskKind.DATA, StopReason.APP_SUSPENDED);
  }

  /** Moves every unfinished task of {@code channel} that {@code which} picks to cancelling. */
  private void cancelUnfinished(
      SessionChannel channel, Predicate<TaskRecord> which, StopReason reason) {
    for (TaskRecord task : List.copyOf(channel.tasks.values())) {
      if (!task.isFinished() && which.test(task)) {
        task.state = TaskState.CANCELING;
        scheduler.stopOrFinish(task, reason);
      }
    }
  }

  public void userForceQuit(String bundleId) {
    lock.run(
        () -> {
          if (closed) {
            return;
          }
          log.daemon(
              "force quit",
              bundleId + ": cancelling its background tasks, no relaunch",
              Severity.INFO);
          for (SessionChannel channel : List.copyOf(sessions.values())) {
            if (channel.key.bundleId().equals(bundleId) && channel.key.isBackground()) {
              cancelUnfinished(
                  channel,
                  task -> {
                    if (task.state == TaskState.CANCELING) {
                      return false;
                    }
                    task.forceQuit = true;
                    return true;
                  },
                  StopReason.FORCE_QUIT);
            }
          }
          store.changed();
        });
  }

  public void setRelauncher(BackgroundRelauncher relauncher) {
    lock.run(() -> relaunches.setRelauncher(closed ? null : relauncher, sessions.values()));
  }

  public List<TaskSnapshot> allTasks() {
    return lock.call(
        () -> {
          List<TaskSnapshot> all = new ArrayList<>();
          for (SessionChannel channel : sessions.values()) {
            channel.tasks.values().forEach(task -> all.add(snapshot(task)));
          }
          return all;
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Tasks, through a connection

  long createTask(RealConnection connection, TaskSpec requested) {
    return lock.call(
        () -> {
          SessionChannel channel = usable(connection);
          if (channel.invalidating || channel.invalidated) {
            throw new IllegalStateException(
                "Task created in a session that has been invalidated: " + channel.key.label());
          }
          TaskRecord task =
              TaskFactory.create(
                  channel, nextId(channel), requested, connection.session().launch(), folder);
          channel.tasks.put(task.id, task);
          log.task(
              task,
              "task created",
              task.spec.kind()
                  + " "
                  + task.originalRequest.method()
                  + " "
                  + task.originalRequest.url()
                  + (requested.resumeData() != null ? " from resume data" : ""));
          store.changed();
          return task.id;
        });
  }

  private long nextId(SessionChannel channel) {
    if (!channel.key.isBackground()) {
      return channel.nextPrivateTaskId++;
    }
    long id = nextTaskIds.getOrDefault(channel.key, 1L);
    nextTaskIds.put(channel.key, id + 1);
    return id;
  }

  void resume(RealConnection connection, long id) {
    lock.run(
        () -> {
          TaskRecord task = controllable(connection, id);
          if (task == null) {
            return;
          }
          if (task.suspendCount > 0) {
            task.suspendCount--;
          }
          if (task.suspendCount == 0 && task.state == TaskState.SUSPENDED) {
            task.state = TaskState.RUNNING;
            log.task(task, "task resumed", "");
            scheduler.startRunning(task);
            store.changed();
          }
        });
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
    lock.run(
        () -> {
          TaskRecord task = controllable(connection, id);
          if (task == null) {
            return;
          }
          task.suspendCount++;
          if (task.state == TaskState.RUNNING) {
            task.state = TaskState.SUSPENDED;
            scheduler.pause(task);
            log.task(task, "task suspended", "traffic and timers stop");
            store.changed();
          }
        });
  }

  void cancel(RealConnection connection, long id) {
    lock.run(
        () -> {
          TaskRecord task = controllable(connection, id);
          if (task != null) {
            task.state = TaskState.CANCELING;
            log.task(task, "task cancelled", "");
            scheduler.stopOrFinish(task, StopReason.CANCEL);
          }
        });
  }

  CompletableFuture<Optional<byte[]>> cancelByProducingResumeData(
      RealConnection connection, long id) {
    CompletableFuture<Optional<byte[]>> result = new CompletableFuture<>();
    lock.run(
        () -> {
          TaskRecord task = controllable(connection, id);
          if (task == null) {
            result.complete(Optional.empty());
            return;
          }
          task.waiters.resumeData = result;
          task.state = TaskState.CANCELING;
          log.task(task, "task cancelled", "producing resume data");
          scheduler.stopOrFinish(task, StopReason.CANCEL_WITH_RESUME_DATA);
        });
    return result;
  }

  void provideBodyStream(RealConnection connection, long id, InputStream body) {
    boolean taken =
        lock.call(
            () -> {
              TaskRecord task = usable(connection).tasks.get(id);
              CompletableFuture<InputStream> waiting =
                  task == null ? null : task.waiters.bodyStream;
              return waiting != null && !waiting.isDone() && waiting.complete(body);
            });
    if (!taken) {
      try {
        body.close();
      } catch (IOException ignored) {
        // nobody asked for this stream
      }
    }
  }

  void continueDelayedRequest(
      RealConnection connection,
      long id,
      DelayedRequestDisposition disposition,
      RequestInfo newRequest) {
    lock.run(
        () -> {
          TaskRecord task = usable(connection).tasks.get(id);
          if (task == null
              || task.run.delayedRequest != TaskRecord.DelayedRequest.AWAITING_ANSWER
              || task.isFinished()
              || task.state == TaskState.CANCELING) {
            return;
          }
          scheduler.delayedRequestAnswered(task, disposition, newRequest);
          store.changed();
        });
  }

  void setEarliestBeginDate(RealConnection connection, long id, Instant date) {
    lock.run(
        () -> {
          TaskRecord task = usable(connection).tasks.get(id);
          if (task != null && !task.started && task.state == TaskState.SUSPENDED) {
            task.earliestBeginDate = date;
            store.changed();
          }
        });
  }

  void setTaskDescription(RealConnection connection, long id, String description) {
    lock.run(
        () -> {
          TaskRecord task = usable(connection).tasks.get(id);
          if (task != null) {
            task.description = description;
            store.changed();
          }
        });
  }

  List<TaskSnapshot> allTasks(RealConnection connection) {
    return lock.call(
        () -> connection.channel.tasks.values().stream().map(DaemonCore::snapshot).toList());
  }

  Optional<TaskSnapshot> task(RealConnection connection, long id) {
    return lock.call(
        () -> Optional.ofNullable(connection.channel.tasks.get(id)).map(DaemonCore::snapshot));
  }

  void finishTasksAndInvalidate(RealConnection connection) {
    lock.run(
        () -> {
          SessionChannel channel = usable(connection);
          if (!channel.invalidating) {
            startInvalidating(channel, "finish tasks and invalidate");
            completion.maybeFinishInvalidation(channel);
            store.changed();
          }
        });
  }

  void invalidateAndCancel(RealConnection connection) {
    lock.run(
        () -> {
          SessionChannel channel = usable(connection);
          if (!channel.invalidated) {
            startInvalidating(channel, "invalidate and cancel");
            cancelUnfinished(
                channel, task -> task.state != TaskState.CANCELING, StopReason.INVALIDATE);
            completion.maybeFinishInvalidation(channel);
            store.changed();
          }
        });
  }

  private void startInvalidating(SessionChannel channel, String how) {
    channel.invalidating = true;
    log.session(channel, TimelineEvent.NO_TASK, how, "");
  }

  private void networkChanged(NetworkConditions conditions, NetworkConditioner.Change change) {
    lock.run(
        () -> {
          if (closed) {
            return;
          }
          for (SessionChannel channel : List.copyOf(sessions.values())) {
            for (TaskRecord task : List.copyOf(channel.tasks.values())) {
              scheduler.networkChanged(task, conditions, change);
            }
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Snapshots, helpers

  private static TaskSnapshot snapshot(TaskRecord task) {
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

  /** The bytes an upload body will send, or -1 when that cannot be known. */
  static long uploadLength(UploadBody body) {
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

  private static SessionChannel usable(RealConnection connection) {
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

  // ---------------------------------------------------------------------------------------------
  // Start and stop

  private void restore() {
    Optional<StateCodec.Restored> restored = store.read();
    restored.ifPresent(this::adopt);
    folder.sweep(ownedFiles(), true);
  }

  private void adopt(StateCodec.Restored restored) {
    nextTaskIds.putAll(restored.nextTaskIds());
    apps.relaunchCounts().putAll(restored.relaunchCounts());
    for (SessionChannel channel : restored.sessions()) {
      sessions.put(channel.key, channel);
    }
    // A cancel that was under way when the old daemon died ends now.
    for (SessionChannel channel : restored.sessions()) {
      for (TaskRecord task : List.copyOf(channel.tasks.values())) {
        if (task.state == TaskState.CANCELING) {
          completion.stopped(task, task.forceQuit ? StopReason.FORCE_QUIT : StopReason.CANCEL);
        }
      }
    }
    log.daemon("journal restored", restored.sessions().size() + " sessions");
  }

  private void startRestoredTasks() {
    for (SessionChannel channel : sessions.values()) {
      for (TaskRecord task : channel.tasks.values()) {
        if (task.state == TaskState.RUNNING) {
          log.task(task, "task restored", "continues after a daemon restart");
          scheduler.startRunning(task);
        }
      }
    }
  }

  /** The files in downloads/ that a task or a queued event still needs. */
  private Set<Path> ownedFiles() {
    Set<Path> owned = new HashSet<>();
    for (SessionChannel channel : sessions.values()) {
      for (TaskRecord task : channel.tasks.values()) {
        if (task.tempFile != null) {
          owned.add(task.tempFile);
        }
      }
      for (SessionChannel.Pending pending : channel.queue) {
        if (pending.event() instanceof TaskEvent.DidFinishDownloading f) {
          owned.add(f.location());
        }
      }
    }
    return owned;
  }

  /** Unused resume data expires as device time passes: checked a few times per lifetime. */
  private static Duration sweepInterval(Duration lifetime) {
    Duration every = lifetime.dividedBy(4);
    if (every.compareTo(Duration.ofHours(1)) > 0) {
      return Duration.ofHours(1);
    }
    return every.isZero() ? Duration.ofSeconds(1) : every;
  }

  private void scheduleSweep(Duration interval) {
    sweepTimer =
        clock.schedule(
            interval,
            () ->
                lock.run(
                    () -> {
                      if (!closed) {
                        folder.sweep(ownedFiles(), false);
                        scheduleSweep(interval);
                      }
                    }));
  }

  @Override
  public void close() {
    List<ExecutorService> deliveries = new ArrayList<>();
    boolean first =
        lock.call(
            () -> {
              if (closed) {
                return false;
              }
              store.changed();
              store.seal();
              closed = true;
              sweepTimer.cancel();
              for (SessionChannel channel : sessions.values()) {
                for (TaskRecord task : channel.tasks.values()) {
                  timers.stopAll(task);
                  if (task.run.attempt != null) {
                    task.run.attempt.stop(StopReason.DAEMON_CLOSED);
                  }
                }
                if (channel.delivery != null) {
                  deliveries.add(channel.delivery);
                }
              }
              lock.wakeAll();
              return true;
            });
    if (first) {
      shutDown(deliveries);
    }
  }

  private void shutDown(List<ExecutorService> deliveries) {
    try {
      networkSubscription.close();
    } catch (Exception ignored) {
      // the listener list cannot fail to remove
    }
    workers.shutdownNow();
    relaunches.close();
    try {
      // A worker must not write into a partial file that the next daemon is about to continue.
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        log.daemon(
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
