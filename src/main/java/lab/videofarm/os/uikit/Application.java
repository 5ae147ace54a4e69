package lab.videofarm.os.uikit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.timeline.Layer;

/**
 * What the running app can ask of the system, as {@code UIApplication.shared}. One per launch;
 * everything it hands out dies with the launch.
 */
public interface Application {

  String bundleId();

  /** 1 for the first launch on this device, then counting up. */
  int launchNumber();

  AppState state();

  /** Device time: schedules and timestamps in the app use this, never the JVM's clock. */
  Clock clock();

  /**
   * The app's private folder, kept across launches (like the app container): archives and
   * downloaded files go under it.
   */
  Path containerDirectory();

  /**
   * The bundle's info dictionary ({@code Bundle.main.infoDictionary}): settings fixed at install,
   * such as the server's base URL. Empty when the bundle has none.
   */
  default Map<String, String> infoDictionary() {
    return Map.of();
  }

  /**
   * Runs work on the main thread (the event dispatch thread); dropped once this launch is killed.
   */
  Executor mainExecutor();

  /** A serial executor whose thread belongs to this launch and dies with it. */
  ExecutorService newSerialQueue(String name);

  /** How often the system should offer a background fetch; null means never (the default). */
  void setMinimumBackgroundFetchInterval(Duration interval);

  /** Reports something on the timeline, tagged with this launch. */
  void report(Layer layer, String sessionId, long taskId, String what, String detail);

  /** Reports a problem on the timeline, shown as a warning. */
  void warn(Layer layer, String sessionId, long taskId, String what, String detail);
}
