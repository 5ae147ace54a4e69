package lab.videofarm.urlsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.device.internal.LaunchedProcess;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.DaemonEventSink;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.os.transferd.TransferError;
import lab.videofarm.os.transferd.UploadBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's own rules, against a scripted daemon. The session runs inside a real launch process
 * (its class loader is the calling thread's context loader, as for code outside app classes).
 */
class URLSessionTest {
  private static final URI MOVIE = URI.create("http://127.0.0.1:9/videos/1/movie");

  @TempDir Path container;

  private final ManualClock clock = new ManualClock();
  private final Timeline timeline = new Timeline(clock);
  private final ScriptedDaemon daemon = new ScriptedDaemon();
  private LaunchedProcess process;
  private ClassLoader previousContextLoader;

  @BeforeEach
  void enterAnAppProcess() throws MalformedURLException {
    process =
        LaunchedProcess.builder("lab.videofarm.TestApp", 1)
            .state(AppState.FOREGROUND)
            .transferService(daemon)
            .timeline(timeline)
            .clock(clock)
            .containerDirectory(container)
            .appPackages(List.of("lab.videofarm.testapp."))
            .classpath(List.of(container.toUri().toURL()))
            .build();
    previousContextLoader = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(process.classLoader());
  }

  @AfterEach
  void leaveTheProcess() {
    Thread.currentThread().setContextClassLoader(previousContextLoader);
    process.kill();
  }

  private URLSession background(String identifier, URLSessionDelegate delegate) {
    return URLSession.session(URLSessionConfiguration.background(identifier), delegate, null);
  }

  @Test
  void backgroundSessionsRefuseEveryCompletionHandlerWithApplesMessage() throws Exception {
    URLSession session = background("bg", new RecordingDelegate());
    Path file = Files.writeString(container.resolve("body.txt"), "body");
    URLRequest put = URLRequest.of(MOVIE).withHttpMethod("PUT");
    List<Runnable> attempts =
        List.of(
            () -> session.dataTask(MOVIE, (data, response, error) -> {}),
            () -> session.dataTask(URLRequest.of(MOVIE), (data, response, error) -> {}),
            () -> session.downloadTask(MOVIE, (location, response, error) -> {}),
            () -> session.downloadTask(new byte[] {1}, (location, response, error) -> {}),
            () -> session.uploadTask(put, file, (data, response, error) -> {}),
            () -> session.uploadTask(put, new byte[] {1}, (data, response, error) -> {}));

    for (Runnable attempt : attempts) {
      assertThatThrownBy(attempt::run)
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessage(
              "Completion handler blocks are not supported in background sessions. Use a"
                  + " delegate instead.");
    }
    assertThat(daemon.last().created).isEmpty();
  }

  @Test
  void backgroundSessionsRefuseUploadsFromData() {
    URLSession session = background("bg", new RecordingDelegate());

    assertThatThrownBy(
            () -> session.uploadTask(URLRequest.of(MOVIE).withHttpMethod("PUT"), new byte[] {1}))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("Upload tasks from NSData are not supported in background sessions.");
  }

  @Test
  void backgroundSessionsRefuseStreamedUploads() {
    URLSession session = background("bg", new RecordingDelegate());

    assertThatThrownBy(() -> session.uploadTask(URLRequest.of(MOVIE).withHttpMethod("PUT")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("Upload tasks in background sessions must be from a file");
  }

  @Test
  void backgroundSessionsAcceptDownloadsAndUploadsFromFiles() throws Exception {
    URLSession session = background("bg", new RecordingDelegate());
    Path file = Files.writeString(container.resolve("body.txt"), "body");

    session.downloadTask(MOVIE);
    session.uploadTask(URLRequest.of(MOVIE).withHttpMethod("PUT"), file);

    assertThat(daemon.last().created)
        .extracting(spec -> spec.kind())
        .containsExactly(TaskKind.DOWNLOAD, TaskKind.UPLOAD);
    assertThat(daemon.last().created.get(1).body()).isEqualTo(new UploadBody.FromFile(file));
  }

  @Test
  void defaultSessionsAcceptAllThreeUploadFactories() throws Exception {
    URLSession session = URLSession.session(URLSessionConfiguration.defaultConfiguration());
    Path file = Files.writeString(container.resolve("body.txt"), "body");
    URLRequest put = URLRequest.of(MOVIE).withHttpMethod("PUT");

    session.uploadTask(put, file);
    session.uploadTask(put, new byte[] {1, 2});
    session.uploadTask(put);

    assertThat(daemon.last().created)
        .extracting(spec -> spec.body().getClass().getSimpleName())
        .containsExactly("FromFile", "FromData", "Streamed");
  }

  @Test
  void backgroundSessionsNeedADelegate() {
    assertThatThrownBy(
            () -> URLSession.session(URLSessionConfiguration.background("bg"), null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> URLSessionConfiguration.background(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSecondLiveSessionWithTheSameIdentifierIsReportedAndRefused() {
    background("bg", new RecordingDelegate());

    assertThatThrownBy(() -> background("bg", new RecordingDelegate()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("A background URLSession with identifier bg already exists!");
    assertThat(timeline.events())
        .filteredOn(event -> event.severity() == Severity.WARNING)
        .extracting(TimelineEvent::layer, TimelineEvent::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Layer.SESSION, "A background URLSession with identifier bg already exists!"));
    assertThat(daemon.connections).hasSize(1);
  }

  @Test
  void anIdentifierIsFreeAgainOnceItsSessionIsInvalidated() throws Exception {
    RecordingDelegate delegate = new RecordingDelegate();
    URLSession first = background("bg", delegate);

    first.finishTasksAndInvalidate();
    daemon.last().deliver(new TaskEvent.DidBecomeInvalid(null));

    assertThat(delegate.calls).containsExactly("didBecomeInvalidWithError nil");
    assertThat(first.delegate()).isNull();
    assertThatThrownBy(() -> first.downloadTask(MOVIE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Task created in a session that has been invalidated");
    assertThat(background("bg", new RecordingDelegate())).isNotNull();
  }

  @Test
  void anIdentifierHeldByAnotherProcessFailsWithInUseByAnotherProcess() {
    daemon.identifiersHeldByOtherProcesses.put("bg", "another app");

    assertThatThrownBy(() -> background("bg", new RecordingDelegate()))
        .isInstanceOfSatisfying(
            URLError.class,
            error ->
                assertThat(error.code())
                    .isEqualTo(URLError.BACKGROUND_SESSION_IN_USE_BY_ANOTHER_PROCESS));
    // Refused, so the identifier is still free in this process.
    daemon.identifiersHeldByOtherProcesses.clear();
    assertThat(background("bg", new RecordingDelegate())).isNotNull();
  }

  @Test
  void theSessionCopiesItsConfigurationAtCreation() {
    URLSessionConfiguration configuration = URLSessionConfiguration.background("bg");
    configuration.setTimeoutIntervalForRequest(Duration.ofSeconds(20));
    configuration.setHttpAdditionalHeaders(Map.of("X-Client", "lab"));
    URLSession session = URLSession.session(configuration, new RecordingDelegate(), null);

    configuration.setTimeoutIntervalForRequest(Duration.ofSeconds(99));
    configuration.setSessionSendsLaunchEvents(false);
    configuration.setHttpAdditionalHeaders(Map.of());

    assertThat(session.configuration().timeoutIntervalForRequest())
        .isEqualTo(Duration.ofSeconds(20));
    assertThat(session.configuration().sessionSendsLaunchEvents()).isTrue();
    assertThat(daemon.last().spec.timeoutIntervalForRequest()).isEqualTo(Duration.ofSeconds(20));
    assertThat(daemon.last().spec.additionalHeaders())
        .containsExactly(new HttpHeader("X-Client", "lab"));
    assertThat(daemon.last().spec.waitsForConnectivity()).isTrue();
    assertThat(daemon.last().spec.bundleId()).isEqualTo("lab.videofarm.TestApp");
  }

  @Test
  void appleDefaultsForANewConfiguration() {
    URLSessionConfiguration configuration = URLSessionConfiguration.defaultConfiguration();

    assertThat(configuration.timeoutIntervalForRequest()).isEqualTo(Duration.ofSeconds(60));
    assertThat(configuration.timeoutIntervalForResource()).isEqualTo(Duration.ofDays(7));
    assertThat(configuration.sessionSendsLaunchEvents()).isTrue();
    assertThat(configuration.isDiscretionary()).isFalse();
    assertThat(configuration.waitsForConnectivity()).isFalse();
  }

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

  @Test
  void willBeginDelayedRequestAsksTheDelegateAndForwardsItsNewRequest() throws Exception {
    URI fresher = URI.create("http://127.0.0.1:9/videos/2/movie");
    List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    URLSessionTaskDelegate delegate =
        new URLSessionTaskDelegate() {
          @Override
          public void willBeginDelayedRequest(
              URLSession session,
              URLSessionTask task,
              URLRequest request,
              java.util.function.BiConsumer<lab.videofarm.os.DelayedRequestDisposition, URLRequest>
                  completionHandler) {
            asked.add(task.taskIdentifier() + " " + request.url());
            completionHandler.accept(
                lab.videofarm.os.DelayedRequestDisposition.USE_NEW_REQUEST,
                request.withUrl(fresher));
          }
        };
    URLSession session = background("bg", delegate);
    URLSessionDownloadTask task = session.downloadTask(MOVIE);
    long id = task.taskIdentifier();

    daemon
        .last()
        .deliver(
            new TaskEvent.WillBeginDelayedRequest(id, new RequestInfo("GET", MOVIE, List.of())));

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

    daemon
        .last()
        .deliver(
            new TaskEvent.WillBeginDelayedRequest(id, new RequestInfo("GET", MOVIE, List.of())));

    assertThat(daemon.last().calls).contains("continueDelayedRequest " + id + " CONTINUE_LOADING");
  }

  @Test
  void aDelegateThatCancelsADelayedRequestLeavesTheTaskCancelingAndTellsTheDaemon()
      throws Exception {
    URLSessionTaskDelegate delegate =
        new URLSessionTaskDelegate() {
          @Override
          public void willBeginDelayedRequest(
              URLSession session,
              URLSessionTask task,
              URLRequest request,
              java.util.function.BiConsumer<lab.videofarm.os.DelayedRequestDisposition, URLRequest>
                  completionHandler) {
            completionHandler.accept(lab.videofarm.os.DelayedRequestDisposition.CANCEL, null);
          }
        };
    URLSession session = background("bg", delegate);
    URLSessionDownloadTask task = session.downloadTask(MOVIE);
    task.resume();

    daemon
        .last()
        .deliver(
            new TaskEvent.WillBeginDelayedRequest(
                task.taskIdentifier(), new RequestInfo("GET", MOVIE, List.of())));

    assertThat(task.state()).isEqualTo(URLSessionTask.State.CANCELING);
    assertThat(daemon.last().calls)
        .contains("continueDelayedRequest " + task.taskIdentifier() + " CANCEL");
  }

  @Test
  void useNewRequestWithoutARequestContinuesWithTheOriginalAndWarns() throws Exception {
    URLSessionTaskDelegate delegate =
        new URLSessionTaskDelegate() {
          @Override
          public void willBeginDelayedRequest(
              URLSession session,
              URLSessionTask task,
              URLRequest request,
              java.util.function.BiConsumer<lab.videofarm.os.DelayedRequestDisposition, URLRequest>
                  completionHandler) {
            completionHandler.accept(
                lab.videofarm.os.DelayedRequestDisposition.USE_NEW_REQUEST, null);
          }
        };
    URLSession session = background("bg", delegate);
    URLSessionDownloadTask task = session.downloadTask(MOVIE);
    long id = task.taskIdentifier();

    daemon
        .last()
        .deliver(
            new TaskEvent.WillBeginDelayedRequest(id, new RequestInfo("GET", MOVIE, List.of())));

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

  @Test
  void theSharedSessionIsOnePerProcess() {
    URLSession shared = URLSession.sharedSession();

    assertThat(URLSession.sharedSession()).isSameAs(shared);
    assertThat(shared.configuration().isBackground()).isFalse();
    assertThat(shared.delegate()).isNull();
  }

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

  @Test
  void theProcessDyingDetachesTheSessionAndLeavesTheEventInFlightQueued() throws Exception {
    CountDownLatch inDelegate = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    URLSession session =
        background(
            "bg",
            (URLSessionDownloadDelegate)
                (s, task, location) -> {
                  inDelegate.countDown();
                  try {
                    never.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    long id = session.downloadTask(MOVIE).taskIdentifier();
    ScriptedDaemon.Connection connection = daemon.last();
    CompletableFuture<Void> delivery =
        CompletableFuture.runAsync(
            () -> {
              try {
                connection.deliver(
                    new TaskEvent.DidFinishDownloading(id, container.resolve("tmp"), null));
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    assertThat(inDelegate.await(5, TimeUnit.SECONDS)).isTrue();

    process.kill();

    await().until(delivery::isDone);
    assertThat(delivery).isCompletedExceptionally();
    assertThat(connection.closed).isTrue();
  }

  @Test
  void aGetAllTasksAnswerStillQueuedWhenTheProcessDiesIsDroppedQuietly() {
    List<Runnable> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    URLSession session =
        URLSession.session(
            URLSessionConfiguration.background("bg"), new RecordingDelegate(), held::add);
    AtomicBoolean answered = new AtomicBoolean();
    session.getAllTasks(tasks -> answered.set(true));

    process.kill();
    held.forEach(Runnable::run);

    assertThat(held).isNotEmpty();
    assertThat(answered).isFalse();
  }

  @Test
  void eventsQueuedWhileTheSessionConnectsNeverBlockTheSwingThreadAsItsQueue() throws Exception {
    RecordingDelegate delegate = new RecordingDelegate();
    AtomicBoolean swingStayedFree = new AtomicBoolean();
    daemon.whileConnecting =
        sink -> {
          // As the daemon does on a relaunch: a queued event goes out before connect returns.
          Thread delivery =
              new Thread(
                  () ->
                      deliverIgnoringFailure(
                          sink, new TaskEvent.DidFinishEventsForBackgroundSession()));
          delivery.start();
          await()
              .atMost(Duration.ofSeconds(5))
              .until(() -> delivery.getState() == Thread.State.WAITING);
          CountDownLatch swingRan = new CountDownLatch(1);
          SwingUtilities.invokeLater(swingRan::countDown);
          swingStayedFree.set(awaitIgnoringInterrupt(swingRan));
        };

    URLSession.session(
        URLSessionConfiguration.background("bg"), delegate, SwingUtilities::invokeLater);

    assertThat(swingStayedFree).as("the Swing thread ran other work while connecting").isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> delegate.calls.contains("urlSessionDidFinishEvents"));
    assertThat(timeline.events())
        .extracting(TimelineEvent::what)
        .containsSubsequence("session created", "urlSessionDidFinishEvents");
  }

  private static void deliverIgnoringFailure(DaemonEventSink sink, TaskEvent event) {
    try {
      sink.deliver(event);
    } catch (Exception e) {
      // The test asserts on what the delegate heard.
    }
  }

  private static boolean awaitIgnoringInterrupt(CountDownLatch latch) {
    try {
      return latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void sessionsCanOnlyBeCreatedInsideAnAppProcess() {
    Thread.currentThread().setContextClassLoader(previousContextLoader);

    assertThatThrownBy(() -> URLSession.session(URLSessionConfiguration.defaultConfiguration()))
        .isInstanceOf(IllegalStateException.class);
  }
}
