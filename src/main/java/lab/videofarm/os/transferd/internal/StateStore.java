package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.TaskState;

/**
 * Saves the daemon's state to its {@link Journal} and reads it back on start.
 *
 * <p>Under the daemon's lock a change is only marked ({@link #changed}); {@link #flush}, called
 * after the lock is released, encodes the state as entries ({@link StateEntries}, briefly under the
 * lock) and writes the ones that changed outside it, so no thread waits on the disk while it holds
 * the lock. What changed is found by comparing each entry's bytes with the last encoded, not from
 * marks by the code that changed it: a change can never be forgotten by a caller, and the cost (the
 * state encoded once per commit, as before entries existed) is CPU, not disk. Snapshots are
 * numbered as they are encoded; their changes pile up until a writer takes them all, under a lock
 * of its own, so a later state is never overwritten by an earlier one. A flush returns once the
 * caller's own changes are on disk, whichever thread wrote them; a thread that changed nothing does
 * not wait.
 *
 * <p>Progress alone ({@link #progressed}) is checkpointed, not written on every report: at most
 * once every {@link #PROGRESS_INTERVAL}, and no oftener than keeps such checkpoints under {@value
 * #PROGRESS_BYTES_PER_SECOND} journal bytes a second, judged by the bytes the last one wrote (a few
 * tens a moving task). Until then the journal's byte counts lag behind, which costs nothing: on
 * restart a download continues from its partial file's length (see {@link Journal}). Any other
 * change carries the newest counts along with it.
 */
final class StateStore {
  /** The daemon's registries, read under its lock when a snapshot is taken. */
  record Sources(
      Collection<SessionChannel> sessions,
      Map<SessionKey, Long> nextTaskIds,
      AppStates apps,
      Path downloads) {}

  static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);
  static final long PROGRESS_BYTES_PER_SECOND = 256 * 1024;

  /** A record's bytes per change besides its key and value: kind, key and value lengths. */
  private static final int CHANGE_OVERHEAD = 7;

  private final Journal journal;
  private final Object lock;
  private final DaemonLog log;
  private final Sources sources;
  private final Object writeLock = new Object();

  /** Guarded by {@link #lock}. */
  private final StateEntries entries = new StateEntries();

  /** Guarded by {@link #lock}: the entries of the last snapshot taken. */
  private Map<String, byte[]> encodedEntries = Map.of();

  /** Guarded by {@link #lock}: changes taken in snapshots and not yet handed to the journal. */
  private final Map<String, byte[]> puts = new LinkedHashMap<>();

  /** Guarded by {@link #lock}. */
  private final Set<String> removals = new LinkedHashSet<>();

  /** Guarded by {@link #lock}. */
  private boolean dirty;

  /** Guarded by {@link #lock}: no snapshot is taken after the daemon closed. */
  private boolean sealed;

  /** Guarded by {@link #lock}: the number of the last snapshot taken. */
  private long encoded;

  /** Guarded by {@link #lock}: progress was made that no snapshot holds yet. */
  private boolean progressBehind;

  /** Guarded by {@link #lock}: when the last snapshot was taken ({@link System#nanoTime}). */
  private long lastSnapshotNanos;

  /** Guarded by {@link #lock}: the bytes the last snapshot's changes take in a record. */
  private long lastSnapshotBytes;

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

  /**
   * Marks that bytes moved; the caller holds the daemon's lock. A checkpoint is taken when one is
   * due, else the progress waits for the next change or checkpoint.
   */
  void progressed() {
    long gap =
        Math.max(
            PROGRESS_INTERVAL.toNanos(),
            lastSnapshotBytes * 1_000_000_000L / PROGRESS_BYTES_PER_SECOND);
    if (encoded == 0 || System.nanoTime() - lastSnapshotNanos >= gap) {
      changed();
    } else {
      progressBehind = true;
    }
  }

  /** Takes a last snapshot if anything changed and refuses any later change; under the lock. */
  void seal() {
    dirty |= progressBehind;
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
      Map<String, byte[]> toPut;
      Set<String> toRemove;
      synchronized (lock) {
        if (encoded <= durable) {
          return;
        }
        durable = encoded;
        toPut = new LinkedHashMap<>(puts);
        toRemove = new LinkedHashSet<>(removals);
        puts.clear();
        removals.clear();
      }
      if (toPut.isEmpty() && toRemove.isEmpty()) {
        return;
      }
      try {
        journal.commit(toPut, toRemove);
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
    progressBehind = false;
    try {
      Map<String, byte[]> now =
          entries.encode(
              sources.sessions(), sources.nextTaskIds(), sources.apps().relaunchCounts());
      lastSnapshotBytes = collectChanges(now);
      encodedEntries = now;
      encoded++;
      lastSnapshotNanos = System.nanoTime();
    } catch (IOException | RuntimeException e) {
      log.daemon("journal write failed", DaemonLog.describe(e), Severity.ERROR);
    }
  }

  /** Adds what differs between {@code now} and the last snapshot to the pending changes. */
  private long collectChanges(Map<String, byte[]> now) {
    long bytes = 0;
    for (Map.Entry<String, byte[]> entry : now.entrySet()) {
      byte[] before = encodedEntries.get(entry.getKey());
      if (before == null || !Arrays.equals(before, entry.getValue())) {
        puts.put(entry.getKey(), entry.getValue());
        removals.remove(entry.getKey());
        bytes += CHANGE_OVERHEAD + entry.getKey().length() + entry.getValue().length;
      }
    }
    for (String key : encodedEntries.keySet()) {
      if (!now.containsKey(key)) {
        puts.remove(key);
        removals.add(key);
        bytes += CHANGE_OVERHEAD + key.length();
      }
    }
    return bytes;
  }

  /** The state the last daemon saved, or empty: nothing saved, or the journal is damaged. */
  private Optional<StateCodec.Restored> read() {
    Optional<Journal.Contents> saved;
    try {
      saved = journal.read();
    } catch (IOException e) {
      unreadable(e);
      return Optional.empty();
    }
    if (saved.isEmpty()) {
      return Optional.empty();
    }
    Journal.Contents contents = saved.get();
    if (contents.tornBytes() > 0) {
      log.daemon(
          "journal tail dropped",
          contents.tornBytes() + " bytes of a last commit that never completed");
    }
    try {
      StateCodec.Restored restored = StateCodec.decode(contents.entries(), sources.downloads());
      entries.adopt(restored);
      encodedEntries = contents.entries();
      return Optional.of(restored);
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
