package lab.videofarm.os.transferd.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.net.NetworkConditions;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.DaemonEventSink;
import lab.videofarm.os.transferd.SessionInUseException;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.os.transferd.TransferService.BackgroundRelauncher;

/**
 * The daemon's registries, its entry points, and its concurrency policy, in one place (the role of
 * OkHttp's {@code Dispatcher}). The device and the conditioner call in here; each app session calls
 * in through its {@link RealConnection}. The work is done by the parts ({@link DaemonParts}):
 * {@link Scheduler} moves tasks through their life, {@link Completion} ends them, {@link Mailbox}
 * delivers their events, {@link StateStore} keeps them across deaths.
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
 * WillBeginDelayedRequest), WAITING_FOR_CONNECTIVITY (the network listener advances it),
 * WAITING_FOR_CONNECTION (its session's connections to the host are taken; an ending attempt
 * advances it, see {@link HostConnections}), or ACTIVE (an {@link Attempt} runs on a worker). Each
 * session's undelivered events wait in its {@link SessionChannel#queue}.
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
  private final DaemonParts parts;
  private final DaemonLog log;
  private final AutoCloseable networkSubscription;

  /** Guarded by the lock. Background sessions and default sessions of live connections. */
  private final Map<SessionKey, SessionChannel> sessions = new LinkedHashMap<>();

  /** Guarded by the lock. Next task id per background identifier; never reset. */
  private final Map<SessionKey, Long> nextTaskIds = new HashMap<>();

  /** Guarded by the lock. */
  private long privateSessions;

  /** Written under the lock. */
  private volatile boolean closed;

  public DaemonCore(
      Path stateDirectory,
      NetworkConditioner network,
      Clock clock,
      Timeline timeline,
      Journal journal) {
    this(stateDirectory, network, clock, timeline, journal, RESUME_DATA_LIFETIME);
  }

  /** A daemon whose unused resume data expires after {@code resumeDataLifetime} of device time. */
  public DaemonCore(
      Path stateDirectory,
      NetworkConditioner network,
      Clock clock,
      Timeline timeline,
      Journal journal,
      Duration resumeDataLifetime) {
    this.parts =
        new DaemonParts(
            lock,
            stateDirectory,
            network,
            clock,
            timeline,
            journal,
            resumeDataLifetime,
            sessions,
            nextTaskIds,
            () -> closed);
    this.log = parts.log;
    lock.run(() -> parts.store.restore(sessions, parts.completion));
    lock.persistTo(parts.store);
    this.networkSubscription = network.addListener(this::networkChanged);
    lock.run(this::start);
  }

  /** Restored tasks that were running run on; the downloads folder is swept. */
  private void start() {
    for (SessionChannel channel : sessions.values()) {
      for (TaskRecord task : channel.tasks.values()) {
        if (task.state == TaskState.RUNNING) {
          log.task(task, "task restored", "continues after a daemon restart");
          parts.scheduler.startRunning(task);
        }
      }
    }
    parts.folder.startExpiring(lock, sessions.values());
  }

  // ---------------------------------------------------------------------------------------------
  // Sessions

  public RealConnection connect(SessionSpec spec, DaemonEventSink sink)
      throws SessionInUseException {
    return lock.call(
        () -> {
          if (closed) {
            throw new IllegalStateException("the transfer daemon is closed");
          }
          SessionChannel channel = spec.isBackground() ? backgroundChannel(spec) : newPrivate(spec);
          RealConnection connection = new RealConnection(this, parts, channel, spec, sink);
          channel.attached = connection;
          log.session(
              channel,
              spec.launch(),
              TimelineEvent.NO_TASK,
              "session attached",
              Details.attached(channel),
              Severity.INFO);
          parts.store.changed();
          parts.mailbox.scheduleDrain(channel);
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
          Details.inUse(channel),
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

  /** The next task id of {@code channel}: background ids stay unique across launches. */
  long nextTaskId(SessionChannel channel) {
    if (!channel.key.isBackground()) {
      return channel.nextPrivateTaskId++;
    }
    long id = nextTaskIds.getOrDefault(channel.key, 1L);
    nextTaskIds.put(channel.key, id + 1);
    return id;
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
              Details.detached(channel),
              Severity.INFO);
          if (channel.key.isBackground()) {
            // A closed connection means the process is gone.
            appStoppedRunning(channel);
          } else {
            cancelUnfinished(channel, task -> true, StopReason.SESSION_GONE);
            parts.mailbox.discard(channel);
            sessions.remove(channel.key);
          }
          parts.store.changed();
        });
  }

  public void appStateChanged(String bundleId, AppState state) {
    lock.run(
        () -> {
          if (closed || parts.apps.put(bundleId, state) == state) {
            return;
          }
          if (state == AppState.FOREGROUND && parts.apps.resetRelaunches(bundleId)) {
            log.daemon("rate limiter reset", bundleId + " came to the foreground");
          }
          for (SessionChannel channel : List.copyOf(sessions.values())) {
            if (channel.key.bundleId().equals(bundleId)) {
              if (state == AppState.SUSPENDED && channel.key.isBackground()) {
                appStoppedRunning(channel);
              }
              parts.mailbox.scheduleDrain(channel);
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
    parts.scheduler.abandonDelayedRequests(channel);
    cancelUnfinished(channel, task -> task.spec.kind() == TaskKind.DATA, StopReason.APP_SUSPENDED);
  }

  /** Moves every unfinished task of {@code channel} that {@code which} picks to cancelling. */
  void cancelUnfinished(SessionChannel channel, Predicate<TaskRecord> which, StopReason reason) {
    for (TaskRecord task : List.copyOf(channel.tasks.values())) {
      if (!task.isFinished() && which.test(task)) {
        task.state = TaskState.CANCELING;
        parts.scheduler.stopOrFinish(task, reason);
      }
    }
  }

  public void userForceQuit(String bundleId) {
    lock.run(
        () -> {
          if (closed) {
            return;
          }
          log.daemon("force quit", bundleId + ": cancelling its background tasks, no relaunch");
          for (SessionChannel channel : List.copyOf(sessions.values())) {
            if (channel.key.bundleId().equals(bundleId) && channel.key.isBackground()) {
              cancelUnfinished(channel, DaemonCore::markForceQuit, StopReason.FORCE_QUIT);
            }
          }
          parts.store.changed();
        });
  }

  /** Picks the tasks a force quit cancels, and marks them: no relaunch for their completion. */
  private static boolean markForceQuit(TaskRecord task) {
    if (task.state == TaskState.CANCELING) {
      return false;
    }
    task.forceQuit = true;
    return true;
  }

  public void setRelauncher(BackgroundRelauncher relauncher) {
    lock.run(() -> parts.relaunches.setRelauncher(closed ? null : relauncher, sessions.values()));
  }

  public List<TaskSnapshot> allTasks() {
    return lock.call(
        () -> {
          List<TaskSnapshot> all = new ArrayList<>();
          for (SessionChannel channel : sessions.values()) {
            channel.tasks.values().forEach(task -> all.add(task.snapshot()));
          }
          return all;
        });
  }

  private void networkChanged(NetworkConditions conditions, NetworkConditioner.Change change) {
    lock.run(
        () -> {
          if (closed) {
            return;
          }
          for (SessionChannel channel : List.copyOf(sessions.values())) {
            for (TaskRecord task : List.copyOf(channel.tasks.values())) {
              parts.scheduler.networkChanged(task, conditions, change);
            }
          }
        });
  }

  /**
   * Stops every transfer without completing it and writes the journal a last time; the next daemon
   * on the same directory carries on.
   */
  @Override
  public void close() {
    List<ExecutorService> deliveries = new ArrayList<>();
    boolean first = lock.call(() -> closeUnderLock(deliveries));
    if (!first) {
      return;
    }
    try {
      networkSubscription.close();
    } catch (Exception ignored) {
      // the listener list cannot fail to remove
    }
    parts.shutDown();
    deliveries.forEach(ExecutorService::shutdownNow);
  }

  private boolean closeUnderLock(List<ExecutorService> deliveries) {
    if (closed) {
      return false;
    }
    sessions.values().forEach(channel -> channel.tasks.values().forEach(parts.folder::makeDurable));
    parts.store.changed();
    parts.store.seal();
    closed = true;
    parts.folder.stopExpiring();
    for (SessionChannel channel : sessions.values()) {
      for (TaskRecord task : channel.tasks.values()) {
        parts.timers.stopAll(task);
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
  }
}
