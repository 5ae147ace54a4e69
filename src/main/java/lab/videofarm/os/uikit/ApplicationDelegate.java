package lab.videofarm.os.uikit;

import java.awt.Component;
import java.util.function.Consumer;

/**
 * The app's entry points, called by the device as {@code UIApplicationDelegate} methods are. The
 * device instantiates the delegate class inside the launch's own class loader with its public
 * no-argument constructor, then calls {@link #didFinishLaunching} first.
 *
 * <p>All methods are called on the main thread (the event dispatch thread).
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
   * Typed as AWT's {@code Component} because the os layer knows no Swing; apps return a Swing
   * component (Java allows the narrower return type in the override).
   */
  default Component rootView() {
    return null;
  }
}
