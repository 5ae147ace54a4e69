package lab.videofarm.ui.scene;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole story as it stood just after one timeline event: the daemon's sessions, tasks and
 * queues, each app launch with its objects and records, and each app's state. Immutable; {@link
 * SceneFold} builds the next one.
 *
 * @param sequence the last event folded in, 0 before any
 * @param time that event's device time, or null before any
 * @param network the network conditioner's label ({@code ""} before it reported)
 * @param online whether the network is up
 * @param sessions the daemon's sessions by label, in the order they first appeared
 * @param launches every launch by number, in order
 * @param apps every app by bundle identifier
 */
public record Scene(
    long sequence,
    Instant time,
    String network,
    boolean online,
    Map<String, DaemonSession> sessions,
    Map<Integer, AppLaunch> launches,
    Map<String, AppStatus> apps) {

  public static final Scene EMPTY = new Scene(0, null, "", true, Map.of(), Map.of(), Map.of());

  public Scene {
    sessions = Collections.unmodifiableMap(new LinkedHashMap<>(sessions));
    launches = Collections.unmodifiableMap(new LinkedHashMap<>(launches));
    apps = Collections.unmodifiableMap(new LinkedHashMap<>(apps));
  }

  /** The session the daemon labels {@code id}, or null. */
  public DaemonSession session(String id) {
    return sessions.get(id);
  }

  /** The task, or null. */
  public DaemonTask task(String sessionId, long taskId) {
    DaemonSession session = sessions.get(sessionId);
    return session == null ? null : session.task(taskId);
  }

  /** Every task the daemon holds, session by session. */
  public List<DaemonTask> tasks() {
    List<DaemonTask> all = new ArrayList<>();
    sessions.values().forEach(session -> all.addAll(session.tasks()));
    return all;
  }

  /** The launch with this number, or null. */
  public AppLaunch launch(int number) {
    return launches.get(number);
  }

  /** The most recent launch of {@code bundleId}, or null before its first. */
  public AppLaunch latestLaunch(String bundleId) {
    AppLaunch latest = null;
    for (AppLaunch launch : launches.values()) {
      if (launch.bundleId().equals(bundleId)) {
        latest = launch;
      }
    }
    return latest;
  }
}
