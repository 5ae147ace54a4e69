package lab.videofarm.os.device.internal;

import java.nio.file.Path;
import java.time.Duration;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.device.AppBundle;

/**
 * What the device knows of one installed app. Every field is guarded by the {@link Lifecycle}'s
 * lock; only the device's internal classes touch them.
 */
final class InstalledApp {
  AppBundle bundle;
  final Path container;
  AppState state = AppState.NOT_RUNNING;

  /** The running launch, or null. */
  LaunchedProcess process;

  /** The current launch, or the last one once the app stopped; 0 if it never ran. */
  int launchNumber;

  /** Set by a force-quit, cleared by the next user launch: no background relaunch until then. */
  boolean forceQuit;

  /** How long the app keeps running after going home; null when no grace period runs. */
  Clock.Timer graceTimer;

  /** Session events and fetches the app has not finished yet; it is not suspended while > 0. */
  int backgroundWork;

  /** The app's minimum background fetch interval; null means never. */
  Duration fetchInterval;

  Clock.Timer fetchTimer;

  InstalledApp(AppBundle bundle, Path container) {
    this.bundle = bundle;
    this.container = container;
  }

  String bundleId() {
    return bundle.bundleId();
  }

  /** True while {@code launch} is the app's running launch. */
  boolean runs(int launch) {
    return process != null && launchNumber == launch;
  }
}
