package lab.videofarm.os.transferd.internal;

import java.net.ConnectException;
import java.time.Duration;

/**
 * How a task goes on after an attempt ended without completing it, like OkHttp's {@code
 * RetryAndFollowUpInterceptor.recover}: a pure decision over the {@link Ending}; the {@link
 * Scheduler} acts on it.
 *
 * <ul>
 *   <li>A {@link TransferFailure} (bad resume data, a missing file, a bad server answer): fails at
 *       once with its code.
 *   <li>Stopped by the app, the session or the system (cancel, invalidate, force quit, the process
 *       gone): the task ends the way that stop says.
 *   <li>Resource timeout: -1001 for everyone.
 *   <li>Request timeout, offline, a lost connection: a background task retries (at once if the
 *       attempt kept progress, else backing off 1, 2, 4 ... 60 s); any other fails with -1001,
 *       -1009, -1004 (could not connect) or -1005.
 * </ul>
 */
final class RetryPolicy {
  static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

  private RetryPolicy() {}

  /**
   * How the attempt ended. {@code stop}: why the daemon stopped it, or null when it ended by
   * itself; {@code cause}: what broke it then. {@code keepsProgress}: a download, or an upload the
   * server offered to resume, keeps the bytes it moved.
   */
  record Ending(
      StopReason stop,
      Exception cause,
      boolean background,
      boolean keepsProgress,
      long bytesMoved,
      int failuresWithoutProgress) {}

  /** The decision. */
  sealed interface Recovery {
    /** End the task as {@code reason} says (cancelled, discarded, disconnected). */
    record Stop(StopReason reason) implements Recovery {}

    /** Fail the task. */
    record Fail(int code, String description, boolean withResumeData) implements Recovery {}

    /** Try again after {@code backoff} (zero: now). */
    record Retry(String why, int failuresWithoutProgress, Duration backoff) implements Recovery {}
  }

  static Recovery recover(Ending ending) {
    if (ending.stop() == null && ending.cause() instanceof TransferFailure failure) {
      return new Recovery.Fail(failure.code, failure.getMessage(), false);
    }
    StopReason effective = ending.stop() == null ? StopReason.DROPPED : ending.stop();
    boolean background = ending.background();
    return switch (effective) {
      case CANCEL,
          INVALIDATE,
          CANCEL_WITH_RESUME_DATA,
          FORCE_QUIT,
          SESSION_GONE,
          APP_SUSPENDED,
          DAEMON_CLOSED ->
          new Recovery.Stop(effective);
      case RESOURCE_TIMEOUT -> timedOut();
      case IDLE_TIMEOUT -> background ? retry(ending, "request timed out") : timedOut();
      case OFFLINE ->
          background
              ? retry(ending, "offline")
              : new Recovery.Fail(
                  ErrorCodes.NOT_CONNECTED_TO_INTERNET,
                  "The Internet connection appears to be offline.",
                  true);
      case DROPPED -> dropped(ending);
    };
  }

  private static Recovery dropped(Ending ending) {
    if (ending.background()) {
      return retry(ending, ending.stop() == null ? "connection lost" : "connections dropped");
    }
    if (ending.cause() instanceof ConnectException) {
      return new Recovery.Fail(
          ErrorCodes.CANNOT_CONNECT_TO_HOST, "Could not connect to the server.", false);
    }
    return new Recovery.Fail(
        ErrorCodes.NETWORK_CONNECTION_LOST, "The network connection was lost.", true);
  }

  private static Recovery timedOut() {
    return new Recovery.Fail(ErrorCodes.TIMED_OUT, "The request timed out.", true);
  }

  /**
   * Only an attempt that kept progress continues at once; anything else backs off, so retrying at
   * once against a server that always cuts does not spin.
   */
  private static Recovery retry(Ending ending, String why) {
    int failures =
        ending.keepsProgress() && ending.bytesMoved() > 0
            ? 0
            : ending.failuresWithoutProgress() + 1;
    return new Recovery.Retry(why, failures, backoff(failures));
  }

  static Duration backoff(int failuresWithoutProgress) {
    if (failuresWithoutProgress == 0) {
      return Duration.ZERO;
    }
    long seconds = 1L << Math.min(failuresWithoutProgress - 1, 6);
    return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
  }
}
