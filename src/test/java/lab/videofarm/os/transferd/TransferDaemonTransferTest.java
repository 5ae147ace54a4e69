package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.data;
import static lab.videofarm.os.transferd.DaemonHarness.defaultSession;
import static lab.videofarm.os.transferd.DaemonHarness.download;
import static lab.videofarm.os.transferd.DaemonHarness.uploadFile;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.testing.SampleVideos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads, uploads and data tasks against the real sample server. */
class TransferDaemonTransferTest {
  @TempDir Path root;
  DaemonHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = DaemonHarness.start(root);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void downloadArrivesByteExactWithEventsInAppleOrder() throws Exception {
    byte[] movie = randomBytes(3 * 1024 * 1024, 1);
    URI url = harness.videos.videoWithMovie(movie);
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);

    long task = session.createTask(download(url));
    session.resume(task);

    TaskEvent.DidComplete done = sink.awaitCompletion(task);
    assertThat(done.error()).isNull();
    assertThat(done.response().statusCode()).isEqualTo(200);
    assertThat(sha256(sink.downloaded(task))).isEqualTo(sha256(movie));
    assertThat(sink.milestones(task)).containsExactly("DidFinishDownloading", "DidComplete");
    List<TaskEvent.DidWriteData> progress = sink.events(task, TaskEvent.DidWriteData.class);
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1).totalBytesWritten()).isEqualTo(movie.length);
    assertThat(progress)
        .allSatisfy(p -> assertThat(p.totalBytesExpectedToWrite()).isEqualTo(movie.length));
    assertThat(progress.stream().mapToLong(TaskEvent.DidWriteData::bytesWritten).sum())
        .isEqualTo(movie.length);
    int lastProgress = sink.events(task).lastIndexOf(progress.get(progress.size() - 1));
    int finished =
        sink.events(task).indexOf(sink.events(task, TaskEvent.DidFinishDownloading.class).get(0));
    assertThat(lastProgress).isLessThan(finished);
  }

  @Test
  void theTempFileIsDeletedOnceDidFinishDownloadingReturns() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(64 * 1024, 2));
    Path[] seen = new Path[1];
    RecordingSink copying =
        new RecordingSink(root.resolve("copying-app"))
            .hook(
                event -> {
                  if (event instanceof TaskEvent.DidFinishDownloading finished) {
                    seen[0] = finished.location();
                    Files.copy(finished.location(), root.resolve("copy"));
                  }
                });
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), copying);

    long task = session.createTask(download(url));
    session.resume(task);
    copying.awaitCompletion(task);

    assertThat(seen[0]).isNotNull();
    assertThat(Files.readAllBytes(root.resolve("copy"))).hasSize(64 * 1024);
    await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(seen[0]));
    // RecordingSink moves the file after the hook's copy: the daemon had nothing left to delete.
    assertThat(harness.timeline.events())
        .extracting(TimelineEvent::what)
        .contains("temp file moved");
  }

  @Test
  void aTempFileTheAppLeftBehindIsDeletedWithAWarningThatNamesTheMistake() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(64 * 1024, 21));
    RecordingSink leaving = new RecordingSink(root.resolve("leaving-app"));
    DaemonConnection session =
        harness.daemon.connect(
            defaultSession(1, false),
            event -> {
              if (!(event instanceof TaskEvent.DidFinishDownloading)) {
                leaving.deliver(event);
              }
            });

    long task = session.createTask(download(url));
    session.resume(task);
    leaving.awaitCompletion(task);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !harness.details("temp file deleted").isEmpty());
    assertThat(harness.timeline.events())
        .filteredOn(e -> e.what().equals("temp file deleted"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.severity()).isEqualTo(TimelineEvent.Severity.WARNING);
              assertThat(e.detail())
                  .contains("did not move it")
                  .contains("before didFinishDownloadingTo returns");
            });
  }

  @Test
  void aTempFileTheAppMovedIsReportedAsMovedNotDeleted() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(64 * 1024, 22));
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);

    long task = session.createTask(download(url));
    session.resume(task);
    sink.awaitCompletion(task);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !harness.details("temp file moved").isEmpty());
    assertThat(harness.whats()).doesNotContain("temp file deleted");
    assertThat(harness.timeline.events())
        .filteredOn(e -> e.what().equals("temp file moved"))
        .singleElement()
        .satisfies(e -> assertThat(e.severity()).isEqualTo(TimelineEvent.Severity.INFO));
  }

  @Test
  void uploadStreamsTheAppsFileAndReportsTheResponse() throws Exception {
    byte[] movie = randomBytes(2 * 1024 * 1024 + 17, 3);
    Path file = root.resolve("movie.mp4");
    Files.write(file, movie);
    String id = harness.videos.createVideo("upload");
    URI url = harness.videos.movieUrl(id);
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);

    long task = session.createTask(uploadFile(url, file));
    session.resume(task);

    TaskEvent.DidComplete done = sink.awaitCompletion(task);
    assertThat(done.error()).isNull();
    assertThat(done.response().statusCode()).isEqualTo(201);
    assertThat(sha256(harness.videos.fetch(url))).isEqualTo(sha256(movie));
    List<TaskEvent.DidSendBodyData> sent = sink.events(task, TaskEvent.DidSendBodyData.class);
    assertThat(sent).isNotEmpty();
    assertThat(sent.get(sent.size() - 1).totalBytesSent()).isEqualTo(movie.length);
    assertThat(sent.get(0).totalBytesExpectedToSend()).isEqualTo(movie.length);
    assertThat(sink.milestones(task)).containsExactly("DidReceiveResponse", "DidComplete");
    assertThat(sink.events(task).indexOf(sent.get(sent.size() - 1)))
        .isLessThan(
            sink.events(task)
                .indexOf(sink.events(task, TaskEvent.DidReceiveResponse.class).get(0)));
    assertThat(Files.exists(file)).as("the app's file stays where it was").isTrue();
  }

  @Test
  void uploadFromAMissingFileFailsWithFileDoesNotExist() throws Exception {
    URI url = harness.videos.movieUrl(harness.videos.createVideo("missing"));
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);

    long task = session.createTask(uploadFile(url, root.resolve("gone.mp4")));
    session.resume(task);

    assertThat(sink.awaitCompletion(task).error().code()).isEqualTo(-1100);
    assertThat(harness.requestsTo(url)).isEmpty();
  }

  @Test
  void uploadFromDataAndFromAStreamWorkInADefaultSession() throws Exception {
    byte[] first = randomBytes(100_000, 4);
    byte[] second = randomBytes(150_000, 5);
    URI url = harness.videos.movieUrl(harness.videos.createVideo("data"));
    RecordingSink sink = harness.sink("app");
    DaemonConnection[] holder = new DaemonConnection[1];
    sink.hook(
        event -> {
          if (event instanceof TaskEvent.NeedNewBodyStream need) {
            holder[0].provideBodyStream(need.taskIdentifier(), new ByteArrayInputStream(second));
          }
        });
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);
    holder[0] = session;

    long fromData =
        session.createTask(
            new TaskSpec(
                TaskKind.UPLOAD,
                new RequestInfo("PUT", url, List.of()),
                new UploadBody.FromData(first),
                null,
                null,
                null));
    session.resume(fromData);
    assertThat(sink.awaitCompletion(fromData).error()).isNull();
    assertThat(harness.videos.fetch(url)).isEqualTo(first);

    long streamed =
        session.createTask(
            new TaskSpec(
                TaskKind.UPLOAD,
                new RequestInfo("PUT", url, List.of()),
                new UploadBody.Streamed(),
                null,
                null,
                null));
    session.resume(streamed);
    TaskEvent.DidComplete done = sink.awaitCompletion(streamed);
    assertThat(done.error()).isNull();
    assertThat(done.response().statusCode()).isEqualTo(204);
    assertThat(sink.milestones(streamed))
        .containsExactly("NeedNewBodyStream", "DidReceiveResponse", "DidComplete");
    assertThat(harness.videos.fetch(url)).isEqualTo(second);
  }

  @Test
  void dataTaskDeliversTheBodyInChunks() throws Exception {
    byte[] movie = randomBytes(300_000, 6);
    URI url = harness.videos.videoWithMovie(movie);
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);

    long task = session.createTask(data(url));
    session.resume(task);

    assertThat(sink.awaitCompletion(task).error()).isNull();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    sink.events(task, TaskEvent.DidReceiveData.class)
        .forEach(chunk -> body.writeBytes(chunk.data()));
    assertThat(body.toByteArray()).isEqualTo(movie);
    assertThat(sink.milestones(task)).containsExactly("DidReceiveResponse", "DidComplete");
  }

  @Test
  void redirectsAreFollowed() throws Exception {
    SampleVideos.Form form = SampleVideos.videoForm("posted by the daemon");
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);

    long task =
        session.createTask(
            new TaskSpec(
                TaskKind.UPLOAD,
                new RequestInfo(
                    "POST",
                    harness.base.resolve("videos"),
                    List.of(new HttpHeader("Content-Type", form.contentType()))),
                new UploadBody.FromData(form.body()),
                null,
                null,
                null));
    session.resume(task);

    TaskEvent.DidComplete done = sink.awaitCompletion(task);
    assertThat(done.error()).isNull();
    assertThat(done.response().statusCode()).isEqualTo(200);
    assertThat(done.response().url().getPath()).matches("/videos/[^/]+");
    assertThat(harness.server.requests())
        .extracting(r -> r.method())
        .containsExactly("POST", "GET");
  }

  @Test
  void httpErrorsCompleteWithoutAnError() throws Exception {
    URI missing = harness.base.resolve("videos/0000000000000000/movie");
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);

    long task = session.createTask(download(missing));
    session.resume(task);

    TaskEvent.DidComplete done = sink.awaitCompletion(task);
    assertThat(done.error()).isNull();
    assertThat(done.response().statusCode()).isBetween(400, 404);
    assertThat(sink.milestones(task)).containsExactly("DidFinishDownloading", "DidComplete");
  }

  @Test
  void progressIsCoalescedToAboutTenEventsASecond() throws Exception {
    byte[] movie = randomBytes(1024 * 1024, 9);
    URI url = harness.videos.videoWithMovie(movie);
    harness.server.faults().throttleBytesPerSecond(700_000);
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);

    long started = System.nanoTime();
    long task = session.createTask(download(url));
    session.resume(task);
    sink.awaitCompletion(task);
    double seconds = (System.nanoTime() - started) / 1e9;

    List<TaskEvent.DidWriteData> progress = sink.events(task, TaskEvent.DidWriteData.class);
    assertThat(progress.size()).isLessThanOrEqualTo((int) Math.ceil(seconds * 10) + 2);
    assertThat(progress.size()).isGreaterThan(3);
    assertThat(progress.get(progress.size() - 1).totalBytesWritten()).isEqualTo(movie.length);
  }

  @Test
  void theInspectorSeesEveryTaskWithItsCountsAndOutcome() throws Exception {
    byte[] movie = randomBytes(50_000, 10);
    URI url = harness.videos.videoWithMovie(movie);
    RecordingSink sink =
        harness
            .sink("app")
            .hook(
                event -> {
                  if (event instanceof TaskEvent.DidComplete) {
                    throw new IllegalStateException(
                        "keep it queued so the daemon still knows the task");
                  }
                });
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long done = session.createTask(download(url));
    long waiting = session.createTask(download(url));
    session.setTaskDescription(waiting, "later");
    session.resume(done);
    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(
            () -> session.task(done).map(TaskSnapshot::state).orElse(null) == TaskState.COMPLETED);

    assertThat(harness.daemon.allTasks())
        .satisfiesExactly(
            first -> {
              assertThat(first.taskIdentifier()).isEqualTo(done);
              assertThat(first.bundleId()).isEqualTo(DaemonHarness.BUNDLE);
              assertThat(first.sessionIdentifier()).isEqualTo(DaemonHarness.IDENTIFIER);
              assertThat(first.kind()).isEqualTo(TaskKind.DOWNLOAD);
              assertThat(first.countOfBytesReceived()).isEqualTo(movie.length);
              assertThat(first.countOfBytesExpectedToReceive()).isEqualTo(movie.length);
              assertThat(first.response().statusCode()).isEqualTo(200);
              assertThat(first.originalRequest().url()).isEqualTo(url);
              assertThat(first.error()).isNull();
            },
            second -> {
              assertThat(second.taskIdentifier()).isEqualTo(waiting);
              assertThat(second.state()).isEqualTo(TaskState.SUSPENDED);
              assertThat(second.taskDescription()).isEqualTo("later");
              assertThat(second.response()).isNull();
            });
  }

  @Test
  void taskIdentifiersAreUniqueWithinASession() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 7));
    DaemonConnection session = harness.daemon.connect(background(1), harness.sink("app"));

    long first = session.createTask(download(url));
    long second = session.createTask(download(url));

    assertThat(first).isNotEqualTo(second);
    assertThat(session.allTasks())
        .extracting(TaskSnapshot::taskIdentifier)
        .containsExactly(first, second);
    assertThat(session.task(first))
        .hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(TaskState.SUSPENDED));
  }

  @Test
  void everyStepOfADownloadIsOnTheTimeline() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(200_000, 8));
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(3), sink);

    long task = session.createTask(download(url));
    session.resume(task);
    sink.awaitCompletion(task);

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(harness.timeline.events())
                    .filteredOn(e -> e.layer() == Layer.DAEMON && e.taskId() == task)
                    .extracting(TimelineEvent::what)
                    .containsSubsequence(
                        "task created",
                        "task resumed",
                        "request sent",
                        "response",
                        "task finished",
                        "temp file moved"));
    assertThat(harness.timeline.events())
        .filteredOn(e -> e.layer() == Layer.DAEMON && e.taskId() == task)
        .allSatisfy(
            e -> {
              assertThat(e.launch()).isEqualTo(3);
              assertThat(e.sessionId()).isEqualTo(DaemonHarness.IDENTIFIER);
            });
  }
}
