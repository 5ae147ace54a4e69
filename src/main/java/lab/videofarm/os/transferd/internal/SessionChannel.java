package lab.videofarm.os.transferd.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskEvent;

/**
 * One session inside the daemon: its tasks, its event queue, and the connection it is attached to,
 * if any. Every mutable field is guarded by the daemon's lock ({@link DaemonCore}).
 */
final class SessionChannel {
  /** An event waiting to be delivered. Progress events are never persisted. */
  record Pending(TaskEvent event, boolean progress) {}

  final SessionKey key;
  SessionSpec spec;
  RealConnection attached;
  final Deque<Pending> queue = new ArrayDeque<>();
  final Map<Long, TaskRecord> tasks = new LinkedHashMap<>();

  /** The app was relaunched or woken for this session: end its queue with DidFinishEvents. */
  boolean relaunchRequested;

  /** A drain runs on {@link #delivery} or is about to. */
  boolean drainScheduled;

  /** Created lazily: one thread per session so events keep their order. */
  ExecutorService delivery;

  boolean invalidating;
  boolean invalidated;

  /** Task-id counter of a default session; background counters live in the daemon. */
  long nextPrivateTaskId = 1;

  SessionChannel(SessionKey key, SessionSpec spec) {
    this.key = key;
    this.spec = spec;
  }

  int launch() {
    return spec == null ? 0 : spec.launch();
  }
}
