package lab.videofarm.os.uikit;

import java.util.function.Consumer;
import javax.swing.JComponent;

/**
 * The app's entry points, called by the device as {@code UIApplicationDelegate} methods are. The
 * device instantiates the delegate class inside the launch's own class loader with its public
 * no-argument constructor, then calls {@link #didFinishLaunching} first.
 *
 * <p>All methods are called on the main (Swing) thread.
 */
public interface ApplicationDelegate {

  /** The app starts: restore state, recreate background sessions. */
  void didFinishLaunching(Application application, LaunchOptions options);

  /**
   * A background session has events for the app. Recreate the session with this identifier (if it
   * does not exist yet), keep {@code completionHandler}, and run it on the main thread after {@code
   * urlSessionDidFinishEvents(forBackgroundURLSession:)}.
   */
  default void handleEventsForBackgroundURLSession(String identifier, Runnable completionHandler) {
    completionHandler.run();
  }

  /** A background fetch: refresh, then report what was found, within about 30 seconds. */
  default void performFetch(Consumer<FetchResult> completionHandler) {
    completionHandler.accept(FetchResult.NO_DATA);
  }

  default void didEnterBackground() {}

  default void willEnterForeground() {}

  /** The system is about to end the app while it runs (not called when it is suspended). */
  default void willTerminate() {}

  /**
   * The app's screen, as its root view controller's view: the device shows it while the app is in
   * the foreground. Called on the main thread, usually once per launch; null shows a blank screen.
   */
  default JComponent rootView() {
    return null;
  }
}
