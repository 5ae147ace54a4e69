package lab.videofarm.urlsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TransferError;
import org.junit.jupiter.api.Test;

/** Resume data of downloads and uploads, from the daemon to the handler and back. */
class TaskResumeDataTest extends InsideAnAppProcess {
  @Test
  void aDownloadFromResumeDataHandsTheDataToTheDaemon() {
    URLSession session = background("bg", new RecordingDelegate());

    session.downloadTask(new byte[] {1, 2, 3});

    assertThat(daemon.last().created.get(0).resumeData()).containsExactly(1, 2, 3);
    assertThat(daemon.last().created.get(0).kind()).isEqualTo(TaskKind.DOWNLOAD);
  }

  @Test
  void cancelByProducingResumeDataHandsTheDataToTheHandler() throws Exception {
    URLSession session = background("bg", new RecordingDelegate());
    URLSessionDownloadTask task = session.downloadTask(MOVIE);
    task.resume();
    daemon.last().resumeDataToProduce = new byte[] {9, 8};
    CompletableFuture<byte[]> resumeData = new CompletableFuture<>();

    task.cancelByProducingResumeData(resumeData::complete);

    assertThat(resumeData.get(5, TimeUnit.SECONDS)).containsExactly(9, 8);
    assertThat(task.state()).isEqualTo(URLSessionTask.State.CANCELING);
  }

  @Test
  void anUploadFromResumeDataHandsTheDataToTheDaemonEvenInTheBackground() {
    URLSession session = background("bg", new RecordingDelegate());

    URLSessionUploadTask task = session.uploadTask(new byte[] {4, 5, 6});

    assertThat(daemon.last().created.get(0).resumeData()).containsExactly(4, 5, 6);
    assertThat(daemon.last().created.get(0).kind()).isEqualTo(TaskKind.UPLOAD);
    assertThat(task.state()).isEqualTo(URLSessionTask.State.SUSPENDED);
  }

  @Test
  void anUploadFromResumeDataWithACompletionHandlerIsRefusedInTheBackground() {
    URLSession session = background("bg", new RecordingDelegate());

    assertThatThrownBy(() -> session.uploadTask(new byte[] {1}, (data, response, error) -> {}))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Completion handler blocks are not supported");
  }

  @Test
  void cancelByProducingResumeDataOfAnUploadHandsTheDataToTheHandler() throws Exception {
    URLSession session = background("bg", new RecordingDelegate());
    Path file = Files.writeString(container.resolve("movie.mp4"), "movie");
    URLSessionUploadTask task =
        session.uploadTask(URLRequest.of(MOVIE).withHttpMethod("PUT"), file);
    task.resume();
    daemon.last().resumeDataToProduce = new byte[] {3, 1};
    CompletableFuture<byte[]> resumeData = new CompletableFuture<>();

    task.cancelByProducingResumeData(resumeData::complete);

    assertThat(resumeData.get(5, TimeUnit.SECONDS)).containsExactly(3, 1);
    assertThat(daemon.last().calls)
        .contains("cancelByProducingResumeData " + task.taskIdentifier());
  }

  @Test
  void aFailedUploadCarriesItsResumeDataUnderTheUploadKey() throws Exception {
    RecordingDelegate delegate = new RecordingDelegate();
    URLSession session = background("bg", delegate);
    Path file = Files.writeString(container.resolve("movie.mp4"), "movie");
    long id = session.uploadTask(URLRequest.of(MOVIE).withHttpMethod("PUT"), file).taskIdentifier();

    daemon
        .last()
        .deliver(
            new TaskEvent.DidComplete(
                id, null, new TransferError(-1005, "lost", MOVIE, new byte[] {2, 2}, null)));

    URLError error = delegate.errors.get(0);
    assertThat(error.uploadTaskResumeData()).contains(new byte[] {2, 2});
    assertThat(error.downloadTaskResumeData()).isEmpty();
    assertThat(error.userInfo()).containsKey("NSURLSessionUploadTaskResumeData");
  }
}
