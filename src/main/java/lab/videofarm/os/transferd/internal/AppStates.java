package lab.videofarm.os.transferd.internal;

import java.util.HashMap;
import java.util.Map;
import lab.videofarm.os.AppState;

/**
 * What the daemon knows of each app: what the device last said about it, and how often it was
 * relaunched in the background since it was last in the foreground (the rate limiter's count).
 * Guarded by the daemon's lock.
 */
final class AppStates {
  private final Map<String, AppState> states = new HashMap<>();
  private final Map<String, Integer> relaunchCounts = new HashMap<>();

  /** Records {@code state}; returns the previous one. */
  AppState put(String bundleId, AppState state) {
    return states.put(bundleId, state);
  }

  AppState get(String bundleId) {
    return states.get(bundleId);
  }

  boolean suspended(String bundleId) {
    return states.get(bundleId) == AppState.SUSPENDED;
  }

  int relaunches(String bundleId) {
    return relaunchCounts.getOrDefault(bundleId, 0);
  }

  void relaunched(String bundleId) {
    relaunchCounts.merge(bundleId, 1, Integer::sum);
  }

  /** The app came to the foreground: true when a relaunch count was reset. */
  boolean resetRelaunches(String bundleId) {
    return relaunchCounts.remove(bundleId) != null;
  }

  /** The live map, for the journal. */
  Map<String, Integer> relaunchCounts() {
    return relaunchCounts;
  }
}
