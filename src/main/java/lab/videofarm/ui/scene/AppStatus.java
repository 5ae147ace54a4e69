package lab.videofarm.ui.scene;

import java.time.Duration;
import lab.videofarm.os.AppState;

/**
 * One installed app as the device and the daemon see it, across its launches.
 *
 * @param bundleId the app's bundle identifier
 * @param state its state now
 * @param launch its latest launch number, or 0 before the first
 * @param relaunches background relaunches the daemon asked for since the app was last in the
 *     foreground: what the rate limiter counts
 * @param forceQuit the user force-quit it and has not launched it since
 * @param delay the rate limiter's delay on a task started from the background, as the daemon
 *     announced with its latest {@code relaunch requested}
 */
public record AppStatus(
    String bundleId,
    AppState state,
    int launch,
    int relaunches,
    boolean forceQuit,
    Duration delay) {

  /**
   * The delay the daemon puts on a background task this app starts now: none in the foreground,
   * else what the daemon said with the latest relaunch.
   */
  public Duration relaunchDelay() {
    return state == AppState.FOREGROUND || state == null ? Duration.ZERO : delay;
  }

  /** The bundle's last dotted part, {@code VideoFarm} for {@code lab.videofarm.VideoFarm}. */
  public String shortName() {
    return bundleId.substring(bundleId.lastIndexOf('.') + 1);
  }

  AppStatus withState(AppState newState) {
    boolean stillForceQuit = forceQuit && newState == AppState.NOT_RUNNING;
    return new AppStatus(bundleId, newState, launch, relaunches, stillForceQuit, delay);
  }

  AppStatus launched(int number) {
    return new AppStatus(bundleId, state, number, relaunches, false, delay);
  }

  AppStatus withRelaunches(int count, Duration newDelay) {
    return new AppStatus(bundleId, state, launch, count, forceQuit, newDelay);
  }

  AppStatus quitByUser() {
    return new AppStatus(bundleId, state, launch, relaunches, true, delay);
  }
}
