package lab.videofarm.ui.scene;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import lab.videofarm.os.AppState;

/**
 * One launch of an app: its process, the objects it built, and the records it holds. A new launch
 * starts empty and rebuilds everything; nothing carries over from the previous one except through
 * the archive files and the daemon.
 *
 * @param number the launch number (1 for the first)
 * @param bundleId the app
 * @param reason why it was launched: {@code USER}, {@code URL_SESSION_EVENTS}, ...
 * @param inBackground launched in the background, without UI
 * @param state the process's app state
 * @param delegateReady {@code didFinishLaunching} ran: the AppDelegate and its client exist
 * @param alive the process is running
 * @param endReason why the process ended ({@code ""} while alive), such as {@code "force-quit by
 *     the user"}
 * @param sessions the URLSession objects it created, in order
 * @param records its VFMVideoDownload and VFMVideoUpload records
 * @param restored entries restored per archive file ({@code downloads.json} -> 1); a file read and
 *     found missing counts 0
 * @param startedAt the sequence of its launch event
 * @param endedAt the sequence of the event that ended it, or 0 while alive
 */
public record AppLaunch(
    int number,
    String bundleId,
    String reason,
    boolean inBackground,
    AppState state,
    boolean delegateReady,
    boolean alive,
    String endReason,
    List<AppSession> sessions,
    List<AppRecord> records,
    Map<String, Integer> restored,
    long startedAt,
    long endedAt) {

  public AppLaunch {
    sessions = List.copyOf(sessions);
    records = List.copyOf(records);
    restored = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(restored));
  }

  static AppLaunch started(
      int number, String bundleId, String reason, boolean inBackground, long at) {
    return new AppLaunch(
        number,
        bundleId,
        reason,
        inBackground,
        AppState.NOT_RUNNING,
        false,
        true,
        "",
        List.of(),
        List.of(),
        Map.of(),
        at,
        0);
  }

  /** The session with this identifier ({@code default#N} for a default session), or null. */
  public AppSession session(String identifier) {
    for (int i = sessions.size() - 1; i >= 0; i--) {
      if (sessions.get(i).identifier().equals(identifier)) {
        return sessions.get(i);
      }
    }
    return null;
  }

  /** Whether any record was drawn from an archive file. */
  public boolean restoredAny() {
    return restored.values().stream().anyMatch(count -> count > 0);
  }

  AppLaunch withState(AppState newState) {
    return copy(newState, delegateReady, alive, endReason, sessions, records, restored, endedAt);
  }

  AppLaunch ready() {
    return copy(state, true, alive, endReason, sessions, records, restored, endedAt);
  }

  AppLaunch ended(String why, long at) {
    List<AppSession> gone = sessions.stream().map(AppSession::detach).toList();
    return copy(AppState.NOT_RUNNING, delegateReady, false, why, gone, records, restored, at);
  }

  AppLaunch withSession(AppSession session) {
    List<AppSession> next = new ArrayList<>(sessions);
    int index = -1;
    for (int i = next.size() - 1; i >= 0 && index < 0; i--) {
      if (next.get(i).createdAt() == session.createdAt()
          && next.get(i).identifier().equals(session.identifier())) {
        index = i;
      }
    }
    if (index < 0) {
      next.add(session);
    } else {
      next.set(index, session);
    }
    return copy(state, delegateReady, alive, endReason, next, records, restored, endedAt);
  }

  AppLaunch updateSession(String identifier, UnaryOperator<AppSession> change) {
    AppSession session = session(identifier);
    return session == null ? this : withSession(change.apply(session));
  }

  AppLaunch withRecords(List<AppRecord> newRecords) {
    return copy(state, delegateReady, alive, endReason, sessions, newRecords, restored, endedAt);
  }

  AppLaunch withRestored(String file, int entries) {
    Map<String, Integer> next = new LinkedHashMap<>(restored);
    next.put(file, entries);
    return copy(state, delegateReady, alive, endReason, sessions, records, next, endedAt);
  }

  private AppLaunch copy(
      AppState newState,
      boolean newReady,
      boolean newAlive,
      String newEnd,
      List<AppSession> newSessions,
      List<AppRecord> newRecords,
      Map<String, Integer> newRestored,
      long newEndedAt) {
    return new AppLaunch(
        number,
        bundleId,
        reason,
        inBackground,
        newState,
        newReady,
        newAlive,
        newEnd,
        newSessions,
        newRecords,
        newRestored,
        startedAt,
        newEndedAt);
  }
}
