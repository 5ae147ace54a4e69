package lab.videofarm.os.transferd.internal;

import java.net.URI;
import java.util.Locale;

/**
 * A session's connections per host ({@code httpMaximumConnectionsPerHost}): a task holds one while
 * its attempt runs, from admission to the scheduler's {@code attemptEnded}. A task that finds its
 * host's connections taken waits, {@link TaskRecord.Phase#WAITING_FOR_CONNECTION}, with no request
 * timer running, and the first task to wait takes the next connection freed. Counted from the
 * session's tasks, under the daemon's lock.
 */
final class HostConnections {
  private HostConnections() {}

  /** The host (and port) the task's next attempt talks to. */
  static String hostOf(TaskRecord task) {
    URI url = task.currentRequest.url();
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    return host + ":" + url.getPort() + ":" + url.getScheme();
  }

  /** Whether the session has a connection to {@code host} free. */
  static boolean free(SessionChannel session, String host) {
    int limit = session.spec.httpMaximumConnectionsPerHost();
    int inUse = 0;
    for (TaskRecord task : session.tasks.values()) {
      if (task.run.attempt != null && host.equals(task.run.attempt.host)) {
        inUse++;
        if (inUse >= limit) {
          return false;
        }
      }
    }
    return true;
  }

  /** The task that has waited longest for a connection to {@code host}, or null. */
  static TaskRecord longestWaiting(SessionChannel session, String host) {
    TaskRecord first = null;
    for (TaskRecord task : session.tasks.values()) {
      if (task.run.phase == TaskRecord.Phase.WAITING_FOR_CONNECTION
          && host.equals(task.run.connectionHost)
          && (first == null || task.run.waitingSince < first.run.waitingSince)) {
        first = task;
      }
    }
    return first;
  }
}
