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
 */
public record AppStatus(
    String bundleId, AppState state, int launch, int relaunches, boolean forceQuit) {

  /** The rate limiter's base delay, doubled for every further relaunch. */
  public static final Duration RATE_LIMIT_BASE = Duration.ofSeconds(60);

  /**
   * The delay the daemon puts on a background task this app starts now: none in the foreground or
   * before any relaunch, then 60 s doubled for each relaunch after the first.
   */
  public Duration relaunchDelay() {
    if (relaunches == 0 || state == AppState.FOREGROUND || state == null) {
      return Duration.ZERO;
    }
    return RATE_LIMIT_BASE.multipliedBy(1L << Math.min(relaunches - 1, 10));
  }

  /** The bundle's last dotted part, {@code VideoFarm} for {@code lab.videofarm.VideoFarm}. */
  public String shortName() {
    return bundleId.substring(bundleId.lastIndexOf('.') + 1);
  }

  AppStatus withState(AppState newState) {
    boolean stillForceQuit = forceQuit && newState == AppState.NOT_RUNNING;
    return new AppStatus(bundleId, newState, launch, relaunches, stillForceQuit);
  }

  AppStatus launched(int number) {
    return new AppStatus(bundleId, state, number, relaunches, false);
  }

  AppStatus withRelaunches(int count) {
    return new AppStatus(bundleId, state, launch, count, forceQuit);
  }

  AppStatus quitByUser() {
    return new AppStatus(bundleId, state, launch, relaunches, true);
  }
}
