package lab.videofarm.os.transferd;

import java.util.List;
import lab.videofarm.os.AppState;

/**
 * The transfer daemon as the rest of the system sees it: sessions connect here, the device reports
 * app states here, and the instructor's inspector reads tasks here.
 */
public interface TransferService {

  /**
   * Attaches a session. For a background session this relinks the identifier to the new sink: its
   * tasks carry on and any queued events are delivered right away, in order, followed by {@link
   * TaskEvent.DidFinishEventsForBackgroundSession} when the app was relaunched or woken for them.
   *
   * @throws SessionInUseException when another process holds the identifier (-996)
   */
  DaemonConnection connect(SessionSpec session, DaemonEventSink sink) throws SessionInUseException;

  /** The device tells the daemon where an app stands; suspension pauses delivery. */
  void appStateChanged(String bundleId, AppState state);

  /**
   * The user force-quit the app: cancel its background tasks with reason user-force-quit, queue
   * their completions, and do not relaunch it for them.
   */
  void userForceQuit(String bundleId);

  /** Who launches or wakes apps for background events. */
  void setRelauncher(BackgroundRelauncher relauncher);

  /** Every task the daemon holds, for the inspector. */
  List<TaskSnapshot> allTasks();

  /** Asks the device to launch or wake an app so it can take events for a session. */
  @FunctionalInterface
  interface BackgroundRelauncher {
    void relaunchForEvents(String bundleId, String sessionIdentifier);
  }
}
