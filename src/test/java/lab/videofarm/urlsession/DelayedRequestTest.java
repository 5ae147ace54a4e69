package lab.videofarm.urlsession;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.function.BiConsumer;
import lab.videofarm.os.DelayedRequestDisposition;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.TaskEvent;
import org.junit.jupiter.api.Test;

/** {@code willBeginDelayedRequest}: the delegate's answer decides what the daemon loads. */
class DelayedRequestTest extends InsideAnAppProcess {
  @Test
  void willBeginDelayedRequestAsksTheDelegateAndForwardsItsNewRequest() throws Exception {
    URI fresher = URI.create("http://127.0.0.1:9/videos/2/movie");
    List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    URLSessionTaskDelegate delegate =
        answering(
            (task, request, completionHandler) -> {
              asked.add(task.taskIdentifier() + " " + request.url());
              completionHandler.accept(
                  DelayedRequestDisposition.USE_NEW_REQUEST, request.withUrl(fresher));
            });
    URLSession session = background("bg", delegate);
    URLSessionDownloadTask task = session.downloadTask(MOVIE);
    long id = task.taskIdentifier();

    beginDelayedRequest(id);

    assertThat(asked).containsExactly(id + " " + MOVIE);
    assertThat(task.currentRequest().url()).isEqualTo(fresher);
    assertThat(task.originalRequest().url()).isEqualTo(MOVIE);
    assertThat(daemon.last().calls)
        .contains("continueDelayedRequest " + id + " USE_NEW_REQUEST " + fresher);
  }

  @Test
  void aDelegateThatDoesNotImplementWillBeginDelayedRequestContinuesLoading() throws Exception {
    URLSession session = background("bg", new RecordingDelegate());
    long id = session.downloadTask(MOVIE).taskIdentifier();

    beginDelayedRequest(id);

    assertThat(daemon.last().calls).contains("continueDelayedRequest " + id + " CONTINUE_LOADING");
  }

  @Test
  void aDelegateThatCancelsADelayedRequestLeavesTheTaskCancelingAndTellsTheDaemon()
      throws Exception {
    URLSessionTaskDelegate delegate =
        answering(
            (task, request, completionHandler) -> {
              completionHandler.accept(DelayedRequestDisposition.CANCEL, null);
            });
    URLSession session = background("bg", delegate);
    URLSessionDownloadTask task = session.downloadTask(MOVIE);
    task.resume();

    beginDelayedRequest(task.taskIdentifier());

    assertThat(task.state()).isEqualTo(URLSessionTask.State.CANCELING);
    assertThat(daemon.last().calls)
        .contains("continueDelayedRequest " + task.taskIdentifier() + " CANCEL");
  }

  @Test
  void useNewRequestWithoutARequestContinuesWithTheOriginalAndWarns() throws Exception {
    URLSessionTaskDelegate delegate =
        answering(
            (task, request, completionHandler) -> {
              completionHandler.accept(DelayedRequestDisposition.USE_NEW_REQUEST, null);
            });
    URLSession session = background("bg", delegate);
    URLSessionDownloadTask task = session.downloadTask(MOVIE);
    long id = task.taskIdentifier();

    beginDelayedRequest(id);

    assertThat(task.currentRequest().url()).isEqualTo(MOVIE);
    assertThat(daemon.last().calls).contains("continueDelayedRequest " + id + " CONTINUE_LOADING");
    assertThat(timeline.events())
        .filteredOn(event -> event.severity() == Severity.WARNING)
        .extracting(TimelineEvent::what, TimelineEvent::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "delayed request answer ignored",
                "useNewRequest without a request: continuing with the original"));
  }

  /** A delegate whose {@code willBeginDelayedRequest} is {@code answer}. */
  private static URLSessionTaskDelegate answering(DelayedRequestAnswer answer) {
    return new URLSessionTaskDelegate() {
      @Override
      public void willBeginDelayedRequest(
          URLSession session,
          URLSessionTask task,
          URLRequest request,
          BiConsumer<DelayedRequestDisposition, URLRequest> completionHandler) {
        answer.answer(task, request, completionHandler);
      }
    };
  }

  private interface DelayedRequestAnswer {
    void answer(
        URLSessionTask task,
        URLRequest request,
        BiConsumer<DelayedRequestDisposition, URLRequest> completionHandler);
  }

  /** The daemon asks about a GET of the movie it is about to begin for task {@code id}. */
  private void beginDelayedRequest(long id) throws Exception {
    daemon
        .last()
        .deliver(
            new TaskEvent.WillBeginDelayedRequest(id, new RequestInfo("GET", MOVIE, List.of())));
  }
}
