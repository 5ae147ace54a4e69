package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import lab.videofarm.os.transferd.internal.RetryPolicy.Ending;
import lab.videofarm.os.transferd.internal.RetryPolicy.Recovery;
import org.junit.jupiter.api.Test;

/** How a task goes on after an attempt ended without completing it. */
class RetryPolicyTest {
  static final IOException RESET = new IOException("Connection reset");

  static Recovery background(StopReason stop, boolean keepsProgress, long moved, int failures) {
    return RetryPolicy.recover(new Ending(stop, RESET, true, keepsProgress, moved, failures));
  }

  static Recovery foreground(StopReason stop, Exception cause) {
    return RetryPolicy.recover(new Ending(stop, cause, false, true, 100, 0));
  }

  @Test
  void aTransferFailureFailsTheTaskAtOnceWithItsCode() {
    TransferFailure failure = new TransferFailure(ErrorCodes.FILE_DOES_NOT_EXIST, "no file");

    assertThat(RetryPolicy.recover(new Ending(null, failure, true, true, 0, 0)))
        .isEqualTo(new Recovery.Fail(ErrorCodes.FILE_DOES_NOT_EXIST, "no file", false));
  }

  @Test
  void aStopByTheAppOrTheSystemEndsTheTaskTheWayTheStopSays() {
    for (StopReason stop :
        new StopReason[] {
          StopReason.CANCEL,
          StopReason.CANCEL_WITH_RESUME_DATA,
          StopReason.FORCE_QUIT,
          StopReason.INVALIDATE,
          StopReason.SESSION_GONE,
          StopReason.APP_SUSPENDED
        }) {
      assertThat(background(stop, true, 0, 0)).isEqualTo(new Recovery.Stop(stop));
    }
  }

  @Test
  void aResourceTimeoutFailsEvenABackgroundTaskWithResumeData() {
    assertThat(background(StopReason.RESOURCE_TIMEOUT, true, 100, 0))
        .isEqualTo(new Recovery.Fail(ErrorCodes.TIMED_OUT, "The request timed out.", true));
  }

  @Test
  void aBackgroundDownloadThatMadeProgressRetriesAtOnce() {
    assertThat(background(null, true, 4096, 3))
        .isEqualTo(new Recovery.Retry("connection lost", 0, Duration.ZERO));
  }

  @Test
  void aBackgroundTaskWithoutProgressBacksOffDoublingUpToAMinute() {
    assertThat(background(StopReason.IDLE_TIMEOUT, true, 0, 0))
        .isEqualTo(new Recovery.Retry("request timed out", 1, Duration.ofSeconds(1)));
    assertThat(background(StopReason.OFFLINE, true, 0, 3))
        .isEqualTo(new Recovery.Retry("offline", 4, Duration.ofSeconds(8)));
    assertThat(background(StopReason.DROPPED, true, 0, 20))
        .isEqualTo(new Recovery.Retry("connections dropped", 21, Duration.ofSeconds(60)));
  }

  @Test
  void anAttemptThatCannotKeepItsBytesCountsAsNoProgress() {
    assertThat(background(null, false, 1_000_000, 0))
        .isEqualTo(new Recovery.Retry("connection lost", 1, Duration.ofSeconds(1)));
  }

  @Test
  void aDefaultSessionTaskThatTimesOutFailsWithResumeData() {
    assertThat(foreground(StopReason.IDLE_TIMEOUT, null))
        .isEqualTo(new Recovery.Fail(ErrorCodes.TIMED_OUT, "The request timed out.", true));
  }

  @Test
  void aDefaultSessionTaskOfflineFailsWithNotConnectedToInternet() {
    assertThat(foreground(StopReason.OFFLINE, null))
        .isEqualTo(
            new Recovery.Fail(
                ErrorCodes.NOT_CONNECTED_TO_INTERNET,
                "The Internet connection appears to be offline.",
                true));
  }

  @Test
  void aDefaultSessionTaskThatCouldNotConnectFailsWithoutResumeData() {
    assertThat(foreground(null, new ConnectException("Connection refused")))
        .isEqualTo(
            new Recovery.Fail(
                ErrorCodes.CANNOT_CONNECT_TO_HOST, "Could not connect to the server.", false));
  }

  @Test
  void aDefaultSessionTaskThatLostItsConnectionFailsWithResumeData() {
    assertThat(foreground(null, RESET))
        .isEqualTo(
            new Recovery.Fail(
                ErrorCodes.NETWORK_CONNECTION_LOST, "The network connection was lost.", true));
  }
}
