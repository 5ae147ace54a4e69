package lab.videofarm.urlsession;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TransferError;
import org.junit.jupiter.api.Test;

/** Suspending, resuming, cancelling and scheduling a task, and what reaches the daemon. */
class TaskControlTest extends InsideAnAppProcess {
  @Test
  void suspendAndResumeNestOnTheTaskAndReachTheDaemonOnlyOnRealChanges() {
    URLSession session = background("bg", new RecordingDelegate());
    URLSessionDownloadTask task = session.downloadTask(MOVIE);
    long id = task.taskIdentifier();
    assertThat(task.state()).isEqualTo(URLSessionTask.State.SUSPENDED);

    task.resume();
    assertThat(task.state()).isEqualTo(URLSessionTask.State.RUNNING);
    task.suspend();
    task.suspend();
    task.resume();
    assertThat(task.state()).isEqualTo(URLSessionTask.State.SUSPENDED);
    task.resume();
    assertThat(task.state()).isEqualTo(URLSessionTask.State.RUNNING);
    task.resume();

    assertThat(daemon.last().calls)
        .containsExactly("createTask " + id, "resume " + id, "suspend " + id, "resume " + id);
  }

  @Test
  void cancelWorksOnASuspendedTaskAndCompletesWithCancelled() throws Exception {
    RecordingDelegate delegate = new RecordingDelegate();
    URLSession session = background("bg", delegate);
    URLSessionDownloadTask task = session.downloadTask(MOVIE);
    long id = task.taskIdentifier();

    task.cancel();
    assertThat(task.state()).isEqualTo(URLSessionTask.State.CANCELING);
    task.resume();
    daemon
        .last()
        .deliver(
            new TaskEvent.DidComplete(
                id, null, new TransferError(-999, "cancelled", MOVIE, null, null)));

    assertThat(task.state()).isEqualTo(URLSessionTask.State.COMPLETED);
    assertThat(task.error().code()).isEqualTo(URLError.CANCELLED);
    assertThat(delegate.calls).containsExactly("didCompleteWithError " + id + " -999");
    assertThat(daemon.last().calls).containsExactly("createTask " + id, "cancel " + id);
  }

  @Test
  void earliestBeginDateIsATaskPropertyThatReachesTheDaemon() {
    URLSession session = background("bg", new RecordingDelegate());
    URLSessionDownloadTask task = session.downloadTask(MOVIE);
    java.time.Instant later = clock.now().plus(Duration.ofHours(2));

    task.setEarliestBeginDate(later);
    task.resume();

    assertThat(task.earliestBeginDate()).isEqualTo(later);
    assertThat(daemon.last().calls)
        .containsSubsequence(
            "setEarliestBeginDate " + task.taskIdentifier() + " " + later,
            "resume " + task.taskIdentifier());
  }
}
