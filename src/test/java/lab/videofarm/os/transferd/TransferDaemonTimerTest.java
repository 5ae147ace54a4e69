package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.BUNDLE;
import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.defaultSession;
import static lab.videofarm.os.transferd.DaemonHarness.download;
import static lab.videofarm.os.transferd.DaemonHarness.withTimeouts;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lab.videofarm.os.AppState;
import lab.videofarm.os.DelayedRequestDisposition;
import lab.videofarm.os.clock.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, earliestBeginDate and the relaunch rate limiter, on a manual device clock. */
class TransferDaemonTimerTest {
  @TempDir Path root;
  ManualClock clock = new ManualClock();
  DaemonHarness harness;
  RecordingSink sink;

  @BeforeEach
  void start() throws Exception {
    harness = DaemonHarness.start(root, clock);
    sink = harness.sink("app");
  }

  @AfterEach
  void stop() {
    harness.server.faults().reset();
    harness.close();
  }

  @Test
  void aSilentRequestTimesOutAfterTimeoutIntervalForRequest() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 40));
    harness.server.faults().latency(Duration.ofSeconds(3));
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);
    long task = session.createTask(download(url));
    session.resume(task);

    clock.advance(Duration.ofSeconds(59));
    assertThat(harness.whats()).doesNotContain("request timed out");
    clock.advance(Duration.ofSeconds(2));

    assertThat(harness.whats()).contains("request timed out");
    assertThat(sink.awaitCompletion(task).error().code()).isEqualTo(-1001);
  }

  @Test
  void underTotalPacketLossARequestTimesOutInsteadOfFailingFast() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 46));
    harness.network.apply(lab.videofarm.os.net.NetworkPreset.LOSS_100);
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);
    long task = session.createTask(download(url));
    session.resume(task);

    clock.advance(Duration.ofSeconds(61));

    assertThat(sink.awaitCompletion(task).error().code()).isEqualTo(-1001);
    assertThat(harness.requestsTo(url)).hasSize(1); // only the PUT that made it
  }

  @Test
  void aSuspendedTaskNeverTimesOut() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 41));
    harness.server.faults().latency(Duration.ofSeconds(2));
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);
    long task = session.createTask(download(url));
    session.resume(task);
    session.suspend(task);

    clock.advance(Duration.ofMinutes(10));

    assertThat(harness.whats()).doesNotContain("request timed out", "resource timed out");
    harness.server.faults().latency(Duration.ZERO);
    session.resume(task);
    assertThat(sink.awaitCompletion(task).error()).isNull();
  }

  @Test
  void aBackgroundTaskRetriesAfterARequestTimeout() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(100_000, 42));
    harness.server.faults().latency(Duration.ofSeconds(2));
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(download(url));
    session.resume(task);

    clock.advance(Duration.ofSeconds(61));
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.whats().contains("retry"));
    harness.server.faults().latency(Duration.ZERO);
    clock.advance(Duration.ofSeconds(1));

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(harness.whats()).containsSubsequence("request timed out", "retry", "task finished");
  }

  @Test
  void theResourceTimeoutBoundsTheWholeTransferEvenInTheBackground() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1024 * 1024, 43));
    harness.server.faults().throttleBytesPerSecond(100_000);
    SessionSpec spec = withTimeouts(background(1), Duration.ofHours(1), Duration.ofSeconds(120));
    DaemonConnection session = harness.daemon.connect(spec, sink);
    long task = session.createTask(download(url));
    session.resume(task);
    sink.awaitBytesWritten(task, 1);

    clock.advance(Duration.ofSeconds(121));

    TaskEvent.DidComplete done = sink.awaitCompletion(task);
    assertThat(done.error().code()).isEqualTo(-1001);
    assertThat(done.error().resumeData()).isNotNull();
  }

  @Test
  void aBackgroundTaskDoesNotStartBeforeItsEarliestBeginDate() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 44));
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task =
        session.createTask(
            new TaskSpec(
                TaskKind.DOWNLOAD,
                new RequestInfo("GET", url, List.of()),
                null,
                null,
                null,
                clock.now().plus(Duration.ofHours(1))));
    session.resume(task);

    assertThat(harness.whats()).contains("task delayed");
    clock.advance(Duration.ofMinutes(59));
    assertThat(harness.requestsTo(url)).hasSize(1); // the PUT that made it
    clock.advance(Duration.ofMinutes(1));
    sink.awaitFirst(TaskEvent.WillBeginDelayedRequest.class);
    session.continueDelayedRequest(task, DelayedRequestDisposition.CONTINUE_LOADING, null);

    assertThat(sink.awaitCompletion(task).error()).isNull();
  }

  @Test
  void whenItsEarliestBeginDateComesADelayedTaskWaitsForTheAppToContinue() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 50));
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(delayedDownload(url, Duration.ofHours(1)));
    session.resume(task);

    clock.advance(Duration.ofHours(1));
    TaskEvent.WillBeginDelayedRequest asked =
        sink.awaitFirst(TaskEvent.WillBeginDelayedRequest.class);
    assertThat(asked.taskIdentifier()).isEqualTo(task);
    assertThat(asked.request().url()).isEqualTo(url);
    assertThat(harness.requestsTo(url)).hasSize(1); // the PUT that made it: no GET yet

    session.continueDelayedRequest(task, DelayedRequestDisposition.CONTINUE_LOADING, null);

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sink.milestones(task))
        .containsExactly("WillBeginDelayedRequest", "DidFinishDownloading", "DidComplete");
  }

  @Test
  void theAppMayReplaceADelayedRequest() throws Exception {
    URI planned = harness.videos.videoWithMovie(randomBytes(1000, 51));
    byte[] fresher = randomBytes(2000, 52);
    URI replacement = harness.videos.videoWithMovie(fresher);
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(delayedDownload(planned, Duration.ofMinutes(5)));
    session.resume(task);

    clock.advance(Duration.ofMinutes(5));
    sink.awaitFirst(TaskEvent.WillBeginDelayedRequest.class);
    session.continueDelayedRequest(
        task,
        DelayedRequestDisposition.USE_NEW_REQUEST,
        new RequestInfo("GET", replacement, List.of()));

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sha256(sink.downloaded(task))).isEqualTo(sha256(fresher));
    assertThat(harness.requestsTo(planned)).extracting(r -> r.method()).containsExactly("PUT");
  }

  @Test
  void theAppMayCancelADelayedRequest() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 53));
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(delayedDownload(url, Duration.ofMinutes(5)));
    session.resume(task);

    clock.advance(Duration.ofMinutes(5));
    sink.awaitFirst(TaskEvent.WillBeginDelayedRequest.class);
    session.continueDelayedRequest(task, DelayedRequestDisposition.CANCEL, null);

    assertThat(sink.awaitCompletion(task).error().code()).isEqualTo(-999);
    assertThat(harness.requestsTo(url)).extracting(r -> r.method()).containsExactly("PUT");
  }

  @Test
  void aDelayedTaskThatComesDueWhileTheAppIsNotRunningStartsWithoutAsking() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 54));
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(delayedDownload(url, Duration.ofMinutes(5)));
    session.resume(task);
    session.close();

    clock.advance(Duration.ofMinutes(5));
    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(() -> harness.requestsTo(url).stream().anyMatch(r -> r.method().equals("GET")));
    RecordingSink next = harness.sink("next");
    harness.daemon.connect(background(2), next);

    assertThat(next.awaitCompletion(task).error()).isNull();
    assertThat(next.all(TaskEvent.WillBeginDelayedRequest.class)).isEmpty();
    assertThat(harness.whats()).contains("delayed request continues");
  }

  @Test
  void aQuestionLeftUnansweredWhenTheAppIsSuspendedContinuesTheRequest() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 55));
    sink.hook(
        event -> {
          if (event instanceof TaskEvent.WillBeginDelayedRequest) {
            harness.daemon.appStateChanged(BUNDLE, AppState.SUSPENDED);
            throw new IllegalStateException("the app was suspended before it could answer");
          }
        });
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(delayedDownload(url, Duration.ofMinutes(5)));
    session.resume(task);

    clock.advance(Duration.ofMinutes(5));

    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(() -> harness.requestsTo(url).stream().anyMatch(r -> r.method().equals("GET")));
    assertThat(harness.whats()).containsSubsequence("asking the app", "delayed request continues");
  }

  @Test
  void aDefaultSessionIgnoresEarliestBeginDate() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 56));
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);
    long task = session.createTask(delayedDownload(url, Duration.ofHours(1)));
    session.resume(task);

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sink.all(TaskEvent.WillBeginDelayedRequest.class)).isEmpty();
    assertThat(harness.whats()).doesNotContain("task delayed");
  }

  @Test
  void earliestBeginDateCanBeSetAfterCreationUntilTheTaskStarts() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 57));
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(download(url));
    session.setEarliestBeginDate(task, clock.now().plus(Duration.ofMinutes(10)));
    session.resume(task);

    assertThat(harness.details("task delayed")).singleElement().asString().startsWith("600 s");
    clock.advance(Duration.ofMinutes(10));
    sink.awaitFirst(TaskEvent.WillBeginDelayedRequest.class);
    session.continueDelayedRequest(task, DelayedRequestDisposition.CONTINUE_LOADING, null);
    assertThat(sink.awaitCompletion(task).error()).isNull();
  }

  private TaskSpec delayedDownload(URI url, Duration delay) {
    return new TaskSpec(
        TaskKind.DOWNLOAD,
        new RequestInfo("GET", url, List.of()),
        null,
        null,
        null,
        clock.now().plus(delay));
  }

  @Test
  void eachBackgroundRelaunchDelaysTheNextBackgroundStartedTaskUntilForeground() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 45));
    harness.daemon.setRelauncher((bundle, identifier) -> {});
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    harness.daemon.appStateChanged(BUNDLE, AppState.SUSPENDED);
    long first = session.createTask(download(url));
    session.resume(first);
    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(() -> harness.whats().contains("relaunch requested"));
    harness.daemon.appStateChanged(BUNDLE, AppState.BACKGROUND);
    sink.awaitCompletion(first);

    long chained = session.createTask(download(url));
    session.resume(chained);

    assertThat(harness.details("task delayed"))
        .anyMatch(detail -> detail.startsWith("60 s: rate limited"));
    clock.advance(Duration.ofSeconds(60));
    assertThat(sink.awaitCompletion(chained).error()).isNull();

    harness.daemon.appStateChanged(BUNDLE, AppState.FOREGROUND);
    long fromForeground = session.createTask(download(url));
    session.resume(fromForeground);
    assertThat(sink.awaitCompletion(fromForeground).error()).isNull();
    assertThat(harness.details("task delayed")).hasSize(1);
  }

  @Test
  void eachSuccessiveBackgroundRelaunchDoublesTheDelay() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 47));
    harness.daemon.setRelauncher((bundle, identifier) -> {});
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = finishWhileSuspendedThenWake(session, url, session.createTask(download(url)));

    for (long expected : new long[] {60, 120, 240}) {
      long chained = session.createTask(download(url));
      session.resume(chained);
      assertThat(harness.details("task delayed"))
          .last()
          .asString()
          .startsWith(expected + " s: rate");
      clock.advance(Duration.ofSeconds(expected - 1));
      assertThat(sink.events(chained)).isEmpty();
      task = finishWhileSuspendedThenWake(session, url, chained);
    }

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(harness.details("relaunch requested")).hasSize(4);
  }

  @Test
  void theForegroundResetsTheDoubledDelay() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 48));
    harness.daemon.setRelauncher((bundle, identifier) -> {});
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    finishWhileSuspendedThenWake(session, url, session.createTask(download(url)));
    long second = session.createTask(download(url));
    session.resume(second);
    clock.advance(Duration.ofSeconds(59));
    finishWhileSuspendedThenWake(session, url, second);
    assertThat(harness.details("task delayed")).last().asString().startsWith("60 s: rate");

    harness.daemon.appStateChanged(BUNDLE, AppState.FOREGROUND);
    harness.daemon.appStateChanged(BUNDLE, AppState.BACKGROUND);
    long afterForeground = session.createTask(download(url));
    session.resume(afterForeground);
    assertThat(sink.awaitCompletion(afterForeground).error()).isNull();
    assertThat(harness.details("task delayed")).hasSize(1);
    assertThat(harness.whats()).contains("rate limiter reset");

    finishWhileSuspendedThenWake(session, url, session.createTask(download(url)));
    long next = session.createTask(download(url));
    session.resume(next);
    assertThat(harness.details("task delayed")).last().asString().startsWith("60 s: rate");
  }

  /**
   * Lets the task finish while the app is suspended (which asks for a relaunch), then wakes the app
   * in the background so the queued events drain. A delayed task gets its last second here.
   */
  private long finishWhileSuspendedThenWake(DaemonConnection session, URI url, long task) {
    long relaunches = harness.details("relaunch requested").size();
    harness.daemon.appStateChanged(BUNDLE, AppState.SUSPENDED);
    session.resume(task);
    clock.advance(Duration.ofSeconds(1));
    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(() -> harness.details("relaunch requested").size() == relaunches + 1);
    harness.daemon.appStateChanged(BUNDLE, AppState.BACKGROUND);
    sink.awaitCompletion(task);
    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(
            () ->
                sink.all(TaskEvent.DidFinishEventsForBackgroundSession.class).size()
                    == relaunches + 1);
    return task;
  }
}
