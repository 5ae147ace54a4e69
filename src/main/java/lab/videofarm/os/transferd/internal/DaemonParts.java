package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent.Severity;

/**
 * The daemon's parts, wired once, that {@link DaemonCore} and each {@link RealConnection} act
 * through. Each part is described in its own class; this one only builds them and shuts down the
 * threads and sockets they own.
 */
final class DaemonParts {
  final DaemonLock lock;
  final Clock clock;
  final DaemonLog log;
  final AppStates apps = new AppStates();
  final DownloadsFolder folder;
  final StateStore store;
  final Mailbox mailbox;
  final RelaunchRequests relaunches;
  final TaskTimers timers;
  final Completion completion;
  final Scheduler scheduler;
  private final NetworkConditioner network;
  private final HttpTransport transport = new HttpTransport();
  private final ExecutorService workers =
      Executors.newCachedThreadPool(Mailbox.named("transferd-worker-"));
  private final AttemptHooks.Parts hooks;

  DaemonParts(
      DaemonLock lock,
      Path stateDirectory,
      NetworkConditioner network,
      Clock clock,
      Timeline timeline,
      Journal journal,
      Duration resumeDataLifetime,
      Map<SessionKey, SessionChannel> sessions,
      Map<SessionKey, Long> nextTaskIds,
      BooleanSupplier closed) {
    this.lock = lock;
    this.clock = clock;
    this.network = network;
    this.log = new DaemonLog(timeline);
    this.folder = new DownloadsFolder(stateDirectory, clock, log, resumeDataLifetime);
    this.store =
        new StateStore(
            journal,
            lock,
            log,
            new StateStore.Sources(sessions.values(), nextTaskIds, apps, folder.path()));
    this.mailbox = new Mailbox(lock, apps, store, log, closed);
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
            closed);
  }

  private TransferCall newCall(TaskRecord task, Attempt attempt) {
    return new TransferCall(
        new AttemptHooks(hooks, task, attempt), attempt, transport, new Link(network, attempt));
  }

  /** Stops the threads and closes the sockets; waits a moment for workers to let go of files. */
  void shutDown() {
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
    try {
      transport.close();
    } catch (IOException ignored) {
      // closing sockets of a daemon that is going away
    }
  }
}
