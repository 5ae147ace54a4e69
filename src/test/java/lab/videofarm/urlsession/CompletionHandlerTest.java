package lab.videofarm.urlsession;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TransferError;
import org.junit.jupiter.api.Test;

/**
 * Completion handlers in a default session: each gets its result once, instead of delegate calls.
 */
class CompletionHandlerTest extends InsideAnAppProcess {
  @Test
  void aDefaultSessionGathersTheBodyForADataTaskCompletionHandler() throws Exception {
    RecordingDelegate delegate = new RecordingDelegate();
    URLSession session =
        URLSession.session(URLSessionConfiguration.defaultConfiguration(), delegate, null);
    AtomicReference<String> result = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    URLSessionDataTask task =
        session.dataTask(
            MOVIE,
            (data, response, error) -> {
              result.set(new String(data) + " " + response.statusCode() + " " + error);
              done.countDown();
            });
    long id = task.taskIdentifier();
    ResponseInfo ok = new ResponseInfo(200, MOVIE, List.of(), 11);

    daemon.last().deliver(new TaskEvent.DidReceiveResponse(id, ok));
    daemon.last().deliver(new TaskEvent.DidReceiveData(id, "hello ".getBytes()));
    daemon.last().deliver(new TaskEvent.DidReceiveData(id, "world".getBytes()));
    daemon.last().deliver(new TaskEvent.DidComplete(id, ok, null));

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(result.get()).isEqualTo("hello world 200 null");
    assertThat(delegate.calls).isEmpty();
  }

  @Test
  void aFailedDataTaskHandsItsCompletionHandlerNoBodyAndTheError() throws Exception {
    URLSession session = URLSession.session(URLSessionConfiguration.defaultConfiguration());
    CompletableFuture<String> result = new CompletableFuture<>();
    long id =
        session
            .dataTask(
                MOVIE,
                (data, response, error) ->
                    result.complete((data == null ? "no body" : "body") + " " + error.code()))
            .taskIdentifier();

    daemon.last().deliver(new TaskEvent.DidReceiveData(id, "half".getBytes()));
    daemon
        .last()
        .deliver(
            new TaskEvent.DidComplete(
                id, null, new TransferError(-1005, "lost", MOVIE, null, null)));

    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("no body -1005");
  }

  @Test
  void aDownloadCompletionHandlerGetsTheFileOnceAndNoDelegateCalls() throws Exception {
    RecordingDelegate delegate = new RecordingDelegate();
    URLSession session =
        URLSession.session(URLSessionConfiguration.defaultConfiguration(), delegate, null);
    List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    long id =
        session
            .downloadTask(
                MOVIE,
                (location, response, error) ->
                    calls.add(location + " " + response.statusCode() + " " + error))
            .taskIdentifier();
    Path location = container.resolve("tmp.download");
    ResponseInfo ok = new ResponseInfo(200, MOVIE, List.of(), 4);

    daemon.last().deliver(new TaskEvent.DidWriteData(id, 4, 4, 4));
    daemon.last().deliver(new TaskEvent.DidFinishDownloading(id, location, ok));
    daemon.last().deliver(new TaskEvent.DidComplete(id, ok, null));

    assertThat(calls).containsExactly(location + " 200 null");
    assertThat(delegate.calls).containsExactly("didWriteData " + id + " 4 4/4");
  }
}
