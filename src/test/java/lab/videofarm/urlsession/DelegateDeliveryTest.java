package lab.videofarm.urlsession;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TaskState;
import org.junit.jupiter.api.Test;

/** How daemon events reach the delegate: in order, one at a time, on its queue. */
class DelegateDeliveryTest extends InsideAnAppProcess {
  @Test
  void downloadEventsReachTheDelegateInOrderOnItsQueueAndOnTheTimeline() throws Exception {
    RecordingDelegate delegate = new RecordingDelegate();
    URLSession session = background("bg", delegate);
    URLSessionDownloadTask task = session.downloadTask(MOVIE);
    long id = task.taskIdentifier();
    Path location = container.resolve("tmp.download");
    ResponseInfo ok = new ResponseInfo(200, MOVIE, List.of(new HttpHeader("ETag", "\"v1\"")), 8);

    daemon.last().deliver(new TaskEvent.DidWriteData(id, 4, 4, 8));
    daemon.last().deliver(new TaskEvent.DidWriteData(id, 4, 8, 8));
    daemon.last().deliver(new TaskEvent.DidFinishDownloading(id, location, ok));
    daemon.last().deliver(new TaskEvent.DidComplete(id, ok, null));

    assertThat(delegate.calls)
        .containsExactly(
            "didWriteData " + id + " 4 4/8",
            "didWriteData " + id + " 4 8/8",
            "didFinishDownloadingTo " + id + " " + location,
            "didCompleteWithError " + id + " nil");
    assertThat(delegate.threads).hasSize(4).allMatch(name -> name.equals(delegate.threads.get(0)));
    assertThat(delegate.threads.get(0)).isNotEqualTo(Thread.currentThread().getName());
    assertThat(delegate.tasks).containsOnly(task);
    assertThat(task.countOfBytesReceived()).isEqualTo(8);
    assertThat(task.response().statusCode()).isEqualTo(200);
    assertThat(task.response().value("etag")).contains("\"v1\"");
    assertThat(timeline.events())
        .filteredOn(event -> event.layer() == Layer.DELEGATE)
        .extracting(TimelineEvent::what)
        .containsExactly(
            "didWriteData", "returned",
            "didWriteData", "returned",
            "didFinishDownloadingTo", "returned",
            "didCompleteWithError", "returned");
    assertThat(timeline.events())
        .filteredOn(event -> event.layer() == Layer.DELEGATE)
        .allMatch(
            event -> event.sessionId().equals("bg") && event.taskId() == id && event.launch() == 1);
  }

  @Test
  void delegateCallsNeverOverlapEvenOnAQueueWithManyThreads() throws Exception {
    RecordingDelegate delegate = new RecordingDelegate();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      URLSession session =
          URLSession.session(URLSessionConfiguration.background("bg"), delegate, pool);
      long id = session.downloadTask(MOVIE).taskIdentifier();
      List<Future<?>> deliveries = new ArrayList<>();
      ExecutorService daemonThreads = Executors.newFixedThreadPool(4);
      for (int i = 1; i <= 200; i++) {
        long total = i;
        deliveries.add(
            daemonThreads.submit(
                () -> {
                  daemon.last().deliver(new TaskEvent.DidWriteData(id, 1, total, 200));
                  return null;
                }));
      }
      for (Future<?> delivery : deliveries) {
        delivery.get(10, TimeUnit.SECONDS);
      }
      daemonThreads.shutdown();

      assertThat(delegate.calls).hasSize(200);
      assertThat(delegate.mostAtOnce).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void getAllTasksHandsOutNewObjectsCarryingWhatTheDaemonKept() throws Exception {
    RequestInfo original = new RequestInfo("GET", MOVIE, List.of(new HttpHeader("Accept", "*/*")));
    URLSession session = background("bg", new RecordingDelegate());
    daemon
        .last()
        .snapshots
        .add(
            new TaskSnapshot(
                "lab.videofarm.TestApp",
                "bg",
                41,
                TaskKind.DOWNLOAD,
                "movie 3",
                original,
                original,
                null,
                TaskState.RUNNING,
                100,
                1000,
                0,
                0,
                null));
    CompletableFuture<List<URLSessionTask>> all = new CompletableFuture<>();

    session.getAllTasks(all::complete);

    URLSessionTask task = all.get(5, TimeUnit.SECONDS).get(0);
    assertThat(task).isInstanceOf(URLSessionDownloadTask.class);
    assertThat(task.taskIdentifier()).isEqualTo(41);
    assertThat(task.taskDescription()).isEqualTo("movie 3");
    assertThat(task.originalRequest().url()).isEqualTo(MOVIE);
    assertThat(task.originalRequest().value("accept")).contains("*/*");
    assertThat(task.state()).isEqualTo(URLSessionTask.State.RUNNING);
    assertThat(task.countOfBytesReceived()).isEqualTo(100);
  }
}
