package lab.videofarm.urlsession;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TransferError;
import org.junit.jupiter.api.Test;

/** Daemon errors as the app sees them: Apple's codes and user info keys. */
class URLErrorTest extends InsideAnAppProcess {
  @Test
  void daemonErrorsBecomeURLErrorsWithApplesUserInfoKeys() throws Exception {
    RecordingDelegate delegate = new RecordingDelegate();
    URLSession session = background("bg", delegate);
    long id = session.downloadTask(MOVIE).taskIdentifier();
    byte[] resumeData = {7, 7, 7};

    daemon
        .last()
        .deliver(
            new TaskEvent.DidComplete(
                id, null, new TransferError(-999, "cancelled", MOVIE, resumeData, 0)));

    URLError error = delegate.errors.get(0);
    assertThat(error.code()).isEqualTo(URLError.CANCELLED);
    assertThat(error.downloadTaskResumeData()).contains(resumeData);
    assertThat(error.backgroundTaskCancelledReason())
        .hasValue(URLError.CANCELLED_REASON_USER_FORCE_QUIT_APPLICATION);
    assertThat(error.failingURL()).contains(MOVIE);
    assertThat(error.userInfo())
        .containsKeys(
            "NSURLSessionDownloadTaskResumeData", "NSURLErrorBackgroundTaskCancelledReasonKey");
  }

  @Test
  void errorCodesAreApples() {
    assertThat(
            List.of(
                URLError.CANCELLED,
                URLError.TIMED_OUT,
                URLError.CANNOT_CONNECT_TO_HOST,
                URLError.NETWORK_CONNECTION_LOST,
                URLError.NOT_CONNECTED_TO_INTERNET,
                URLError.FILE_DOES_NOT_EXIST,
                URLError.BACKGROUND_SESSION_IN_USE_BY_ANOTHER_PROCESS,
                URLError.BACKGROUND_SESSION_WAS_DISCONNECTED))
        .containsExactly(-999, -1001, -1004, -1005, -1009, -1100, -996, -997);
    assertThat(new URLError(URLError.BACKGROUND_SESSION_WAS_DISCONNECTED).getMessage())
        .isEqualTo("Lost connection to background transfer service");
  }
}
