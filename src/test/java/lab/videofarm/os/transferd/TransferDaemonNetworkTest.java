package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.defaultSession;
import static lab.videofarm.os.transferd.DaemonHarness.download;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lab.videofarm.server.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline, dropped connections and shaping, on real time. */
class TransferDaemonNetworkTest {
  static final int MOVIE = 1024 * 1024;

  @TempDir Path root;
  DaemonHarness harness;
  RecordingSink sink;

  @BeforeEach
  void start() throws Exception {
    harness = DaemonHarness.start(root);
    sink = harness.sink("app");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aBackgroundTaskWaitsForConnectivityAndStartsWhenOnline() throws Exception {
    byte[] movie = randomBytes(MOVIE, 20);
    URI url = harness.videos.videoWithMovie(movie);
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    harness.network.setOnline(false);

    long task = session.createTask(download(url));
    session.resume(task);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> harness.whats().contains("waiting for connectivity"));
    assertThat(harness.requestsTo(url)).hasSize(1); // only the PUT that made it
    assertThat(session.task(task).orElseThrow().state()).isEqualTo(TaskState.RUNNING);

    harness.network.setOnline(true);

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sha256(sink.downloaded(task))).isEqualTo(sha256(movie));
  }

  @Test
  void aDefaultSessionThatDoesNotWaitFailsFastOffline() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 21));
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);
    harness.network.setOnline(false);

    long task = session.createTask(download(url));
    session.resume(task);

    assertThat(sink.awaitCompletion(task).error().code()).isEqualTo(-1009);
  }

  @Test
  void aDefaultSessionThatWaitsForConnectivityWaits() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 22));
    DaemonConnection session = harness.daemon.connect(defaultSession(1, true), sink);
    harness.network.setOnline(false);
    long task = session.createTask(download(url));
    session.resume(task);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> harness.whats().contains("waiting for connectivity"));

    harness.network.setOnline(true);

    assertThat(sink.awaitCompletion(task).error()).isNull();
  }

  @Test
  void goingOfflineMidDownloadMakesABackgroundTaskContinueWithRangeLater() throws Exception {
    byte[] movie = randomBytes(MOVIE, 23);
    URI url = harness.videos.videoWithMovie(movie);
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = harness.throttledDownloadUnderWay(session, sink, url, 100_000);

    harness.network.setOnline(false);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> harness.whats().contains("waiting for connectivity"));
    harness.server.faults().throttleBytesPerSecond(0);
    harness.network.setOnline(true);

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sha256(sink.downloaded(task))).isEqualTo(sha256(movie));
    assertThat(sink.events(task, TaskEvent.DidResumeAtOffset.class))
        .singleElement()
        .satisfies(r -> assertThat(r.fileOffset()).isPositive());
    assertThat(lastGet(url).header("Range")).isPresent();
  }

  @Test
  void aServerThatCutsTheBodyMakesABackgroundDownloadContinueWithRanges() throws Exception {
    byte[] movie = randomBytes(MOVIE, 24);
    URI url = harness.videos.videoWithMovie(movie);
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    harness.server.faults().dropConnectionAfterBodyBytes(300_000);

    long task = session.createTask(download(url));
    session.resume(task);

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sha256(sink.downloaded(task))).isEqualTo(sha256(movie));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              List<RecordedRequest> gets = gets(url);
              assertThat(gets).hasSizeGreaterThanOrEqualTo(4);
              assertThat(gets.subList(1, gets.size()))
                  .allSatisfy(get -> assertThat(get.header("Range")).isPresent());
              assertThat(gets.stream().mapToLong(RecordedRequest::bodyBytesSent).sum())
                  .isEqualTo(movie.length);
            });
    assertThat(sink.events(task, TaskEvent.DidResumeAtOffset.class)).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void droppedConnectionsMakeABackgroundDownloadContinueWithRange() throws Exception {
    byte[] movie = randomBytes(MOVIE, 25);
    URI url = harness.videos.videoWithMovie(movie);
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = harness.throttledDownloadUnderWay(session, sink, url, 100_000);

    harness.server.faults().throttleBytesPerSecond(0);
    harness.network.dropConnectionsNow();

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sha256(sink.downloaded(task))).isEqualTo(sha256(movie));
    assertThat(lastGet(url).header("Range")).isPresent();
    assertThat(lastGet(url).status()).isEqualTo(206);
  }

  @Test
  void droppedConnectionsFailADefaultSessionDownloadWithResumeData() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(MOVIE, 26));
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);
    long task = harness.throttledDownloadUnderWay(session, sink, url, 100_000);

    harness.network.dropConnectionsNow();

    TaskEvent.DidComplete done = sink.awaitCompletion(task);
    assertThat(done.error().code()).isEqualTo(-1005);
    assertThat(done.error().resumeData()).isNotNull();
  }

  @Test
  void aBackgroundUploadCutByAServerWithoutResumableUploadsIsSentAgainFromTheStart()
      throws Exception {
    byte[] movie = randomBytes(MOVIE, 28);
    Path file = root.resolve("movie.mp4");
    java.nio.file.Files.write(file, movie);
    URI url = harness.videos.movieUrl(harness.videos.createVideo("cut upload"));
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    harness.server.faults().resumableUploads(false).dropConnectionAfterBodyBytes(300_000);
    long task = session.createTask(DaemonHarness.uploadFile(url, file));
    session.resume(task);
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.whats().contains("retry"));

    harness.server.faults().dropConnectionAfterBodyBytes(-1);

    TaskEvent.DidComplete done = sink.awaitCompletion(task);
    assertThat(done.error()).isNull();
    assertThat(harness.videos.fetch(url)).isEqualTo(movie);
    List<RecordedRequest> puts =
        harness.requestsTo(url).stream().filter(r -> r.method().equals("PUT")).toList();
    assertThat(puts.get(0).connectionDropped()).isTrue();
    assertThat(puts.get(puts.size() - 1).bodyBytesReceived()).isEqualTo(movie.length);
  }

  @Test
  void aDefaultSessionUploadCutByAServerWithoutResumableUploadsFailsWithoutResumeData()
      throws Exception {
    Path file = root.resolve("movie.mp4");
    java.nio.file.Files.write(file, randomBytes(MOVIE, 29));
    URI url = harness.videos.movieUrl(harness.videos.createVideo("cut upload"));
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);
    harness.server.faults().resumableUploads(false).dropConnectionAfterBodyBytes(300_000);

    long task = session.createTask(DaemonHarness.uploadFile(url, file));
    session.resume(task);

    TaskEvent.DidComplete done = sink.awaitCompletion(task);
    assertThat(done.error().code()).isEqualTo(-1005);
    assertThat(done.error().resumeData()).isNull();
  }

  @Test
  void aDiscretionaryBackgroundTaskWaitsForWifiInsteadOfUsingCellular() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 30));
    SessionSpec spec = background(1);
    SessionSpec discretionary =
        new SessionSpec(
            spec.bundleId(),
            spec.launch(),
            spec.identifier(),
            spec.timeoutIntervalForRequest(),
            spec.timeoutIntervalForResource(),
            true,
            true,
            true,
            List.of());
    DaemonConnection session = harness.daemon.connect(discretionary, sink);
    harness.network.apply(lab.videofarm.os.net.NetworkPreset.LTE);
    long task = session.createTask(download(url));
    session.resume(task);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> harness.whats().contains("waiting for Wi-Fi"));
    assertThat(harness.requestsTo(url)).hasSize(1); // only the PUT that made it

    harness.network.apply(lab.videofarm.os.net.NetworkPreset.WIFI);

    assertThat(sink.awaitCompletion(task).error()).isNull();
  }

  @Test
  void theConditionersBandwidthAndLatencyShapeTheDaemonsTraffic() throws Exception {
    byte[] movie = randomBytes(400_000, 27);
    URI url = harness.videos.videoWithMovie(movie);
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    harness.network.setBandwidth(200_000);
    harness.network.setLatency(Duration.ofMillis(300));

    long started = System.nanoTime();
    long task = session.createTask(download(url));
    session.resume(task);
    assertThat(sink.awaitCompletion(task).error()).isNull();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1300));
    assertThat(sha256(sink.downloaded(task))).isEqualTo(sha256(movie));
  }

  private List<RecordedRequest> gets(URI url) {
    return harness.requestsTo(url).stream().filter(r -> r.method().equals("GET")).toList();
  }

  private RecordedRequest lastGet(URI url) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> gets(url).stream().anyMatch(r -> r.status() != 0 && !r.connectionDropped()));
    List<RecordedRequest> gets = gets(url);
    return gets.get(gets.size() - 1);
  }
}
