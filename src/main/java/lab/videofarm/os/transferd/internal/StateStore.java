package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.TaskState;

/**
 * Saves the daemon's state to its {@link Journal} and reads it back on start.
 *
 * <p>Under the daemon's lock a change is only marked ({@link #changed}); {@link #flush}, called
 * after the lock is released, encodes the state (briefly under the lock) and forces it to disk
 * outside it, so no thread waits on the disk while it holds the lock. Snapshots are numbered as
 * they are encoded and written under a lock of their own, always the newest one: a later state is
 * never overwritten by an earlier one. A flush returns once the caller's own changes are on disk,
 * whichever thread wrote them; a thread that changed nothing does not wait.
 */
final class StateStore {
  /** The daemon's registries, read under its lock when a snapshot is taken. */
  record Sources(
      Collection<SessionChannel> sessions,
      Map<SessionKey, Long> nextTaskIds,
      AppStates apps,
      Path downloads) {}

  private record Snapshot(long sequence, byte[] payload) {}

  private final Journal journal;
  private final Object lock;
  private final DaemonLog log;
  private final Sources sources;
  private final Object writeLock = new Object();

  /** Guarded by {@link #lock}. */
  private boolean dirty;

  /** Guarded by {@link #lock}: no snapshot is taken after the daemon closed. */
  private boolean sealed;

  /** Guarded by {@link #lock}. */
  private long encoded;

  /** Guarded by {@link #lock}: the newest snapshot taken, written or not. */
  private Snapshot latest;

  /** Guarded by {@link #writeLock}: the newest snapshot on disk (or that failed to get there). */
  private long durable;

  /** The snapshot each thread's changes will be in: what its next flush waits for. */
  private final ThreadLocal<Long> needs = new ThreadLocal<>();

  StateStore(Journal journal, DaemonLock lock, DaemonLog log, Sources sources) {
    this.journal = journal;
    this.lock = lock.monitor();
    this.log = log;
    this.sources = sources;
  }

  /** Marks the state changed; the caller holds the daemon's lock. */
  void changed() {
    dirty = true;
    needs.set(encoded + 1);
  }

  /** Takes a last snapshot if anything changed and refuses any later change; under the lock. */
  void seal() {
    takeSnapshot();
    sealed = true;
  }

  /**
   * Writes the calling thread's changes to disk, or returns at once if it made none; does nothing
   * on a thread that holds the daemon's lock (that thread flushes once it lets go).
   */
  void flush() {
    Long need = needs.get();
    if (need == null || Thread.holdsLock(lock)) {
      return;
    }
    needs.remove();
    waitUntilDurable(need);
  }

  /** Writes every change made so far, whoever made it; before an event is handed to the app. */
  void flushAll() {
    long need;
    synchronized (lock) {
      need = dirty && !sealed ? encoded + 1 : encoded;
    }
    waitUntilDurable(need);
  }

  private void waitUntilDurable(long need) {
    synchronized (lock) {
      takeSnapshot();
    }
    synchronized (writeLock) {
      if (durable >= need) {
        return;
      }
      Snapshot newest;
      synchronized (lock) {
        newest = latest;
      }
      if (newest == null || newest.sequence() <= durable) {
        return;
      }
      durable = newest.sequence();
      try {
        journal.commit(newest.payload());
      } catch (IOException | RuntimeException e) {
        log.daemon("journal write failed", DaemonLog.describe(e), Severity.ERROR);
      }
    }
  }

  private void takeSnapshot() {
    if (!dirty || sealed) {
      return;
    }
    dirty = false;
    try {
      byte[] payload =
          StateCodec.encode(
              sources.sessions(),
              sources.nextTaskIds(),
              sources.apps().relaunchCounts(),
              sources.downloads());
      latest = new Snapshot(++encoded, payload);
    } catch (IOException | RuntimeException e) {
      log.daemon("journal write failed", DaemonLog.describe(e), Severity.ERROR);
    }
  }

  /** The state the last daemon saved, or empty: nothing saved, or the journal is damaged. */
  private Optional<StateCodec.Restored> read() {
    Optional<byte[]> saved;
    try {
      saved = journal.read();
    } catch (IOException e) {
      unreadable(e);
      return Optional.empty();
    }
    if (saved.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(StateCodec.decode(saved.get(), sources.downloads()));
    } catch (IllegalStateException e) {
      unreadable(e);
      return Optional.empty();
    }
  }

  /**
   * Puts what the last daemon saved into the registries (under the daemon's lock); a cancel that
   * was under way when it died ends now.
   */
  void restore(Map<SessionKey, SessionChannel> sessions, Completion completion) {
    Optional<StateCodec.Restored> saved = read();
    if (saved.isEmpty()) {
      return;
    }
    StateCodec.Restored restored = saved.get();
    sources.nextTaskIds().putAll(restored.nextTaskIds());
    sources.apps().relaunchCounts().putAll(restored.relaunchCounts());
    for (SessionChannel channel : restored.sessions()) {
      sessions.put(channel.key, channel);
    }
    for (SessionChannel channel : restored.sessions()) {
      for (TaskRecord task : List.copyOf(channel.tasks.values())) {
        if (task.state == TaskState.CANCELING) {
          completion.stopped(task, task.forceQuit ? StopReason.FORCE_QUIT : StopReason.CANCEL);
        }
      }
    }
    log.daemon("journal restored", restored.sessions().size() + " sessions");
  }

  private void unreadable(Exception e) {
    log.daemon("journal unreadable", DaemonLog.describe(e) + "; starting empty", Severity.ERROR);
  }
}
