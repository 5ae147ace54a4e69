package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.defaultSession;
import static lab.videofarm.os.transferd.DaemonHarness.download;
import static lab.videofarm.os.transferd.DaemonHarness.resumeDownload;
import static lab.videofarm.os.transferd.DaemonHarness.withTimeouts;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import lab.videofarm.server.Faults;
import lab.videofarm.server.SampleServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Network faults staged by the real sample server against a background download: each ends in the
 * server's bytes, exactly, or in a clear error; never in a file spliced from two versions or
 * padded.
 */
class TransferDaemonFaultSuiteTest {
  static final int MOVIE = 600_000;
  static final long SEED = Long.getLong("faults.seed", System.nanoTime());

  @TempDir Path root;
  DaemonHarness harness;
  RecordingSink sink;

  /** A connection cut, and what changes on the server before the download tries again. */
  enum Cut {
    DROP_AFTER_0_BODY_BYTES(0, false),
    DROP_AFTER_1_BODY_BYTE(1, false),
    DROP_AFTER_RANDOM_BODY_BYTES(-1, false),
    CUT_INSIDE_THE_HEADERS(-2, false),
    RESET_INSTEAD_OF_CLOSE(100_000, false),
    NO_VALIDATOR(100_000, false),
    NO_VALIDATOR_AND_MOVIE_REPLACED_BEFORE_THE_RETRY(100_000, true),
    NO_RANGES_ON_THE_RETRY_200_INSTEAD_OF_206(100_000, false),
    ETAG_CHANGED_BEFORE_THE_RETRY(100_000, false),
    MOVIE_REPLACED_BEFORE_THE_RETRY(100_000, true);

    final long dropAfter;
    final boolean replacesTheMovie;

    Cut(long dropAfter, boolean replacesTheMovie) {
      this.dropAfter = dropAfter;
      this.replacesTheMovie = replacesTheMovie;
    }
  }

  @BeforeEach
  void start() throws Exception {
    harness = DaemonHarness.start(root);
    sink = harness.sink("app");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @ParameterizedTest
  @EnumSource(Cut.class)
  void aCutDownloadEndsWithTheServersBytesExactly(Cut cut) throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(MOVIE, 900));
    long dropAfter =
        cut.dropAfter == -1 ? new Random(SEED).nextInt(MOVIE - 2) + 2 : Math.max(-1, cut.dropAfter);
    System.out.println(cut + ": drop after " + dropAfter + " (-Dfaults.seed=" + SEED + ")");
    Faults faults = harness.server.faults();
    faults.resetInsteadOfClose(cut == Cut.RESET_INSTEAD_OF_CLOSE);
    faults.cutInsideHeaders(cut == Cut.CUT_INSIDE_THE_HEADERS);
    faults.omitValidators(cut.name().startsWith("NO_VALIDATOR"));
    faults.dropConnectionAfterBodyBytes(dropAfter);
    if (cut.replacesTheMovie) {
      // Slow, so that the retries cannot fetch the whole old movie, cut by cut, before the test
      // takes the network away.
      faults.throttleBytesPerSecond(200_000);
    }
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(download(url));
    session.resume(task);

    await().atMost(RecordingSink.TIMEOUT).until(() -> aGetWasCut(url));
    byte[] expected = randomBytes(MOVIE, 900);
    switch (cut) {
      case NO_RANGES_ON_THE_RETRY_200_INSTEAD_OF_206 -> faults.disableRanges(true);
      case ETAG_CHANGED_BEFORE_THE_RETRY -> faults.changeMovieEtag(videoId(url));
      case MOVIE_REPLACED_BEFORE_THE_RETRY, NO_VALIDATOR_AND_MOVIE_REPLACED_BEFORE_THE_RETRY -> {
        // Offline, so that the daemon cannot fetch the old movie while the upload replaces it.
        harness.network.setOnline(false);
        expected = randomBytes(MOVIE, 901);
        faults.dropConnectionAfterBodyBytes(-1).throttleBytesPerSecond(0);
        harness.videos.replaceMovie(url, expected);
        harness.network.setOnline(true);
      }
      default -> {}
    }
    faults.dropConnectionAfterBodyBytes(-1);
    faults.cutInsideHeaders(false);

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sha256(sink.downloaded(task))).isEqualTo(sha256(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "-1", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "soon"})
  void a503WithAnyRetryAfterEndsInTheErrorBodyOrAClearErrorAndTheDaemonCarriesOn(String retryAfter)
      throws Exception {
    byte[] movie = randomBytes(MOVIE, 909);
    URI url = harness.videos.videoWithMovie(movie);
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    harness.server.faults().serviceUnavailable(retryAfter);

    long task = session.createTask(download(url));
    session.resume(task);

    TaskEvent.DidComplete done = sink.awaitCompletion(task);
    if (done.error() == null) {
      assertThat(done.response().statusCode()).isEqualTo(503);
      assertThat(sink.downloaded(task)).content().contains("unavailable");
    } else {
      assertThat(sink.downloaded(task)).isNull();
    }
    harness.server.faults().serviceUnavailable(null);
    long next = session.createTask(download(url));
    session.resume(next);
    assertThat(sink.awaitCompletion(next).error()).isNull();
    assertThat(sha256(sink.downloaded(next))).isEqualTo(sha256(movie));
  }

  @ParameterizedTest
  @EnumSource(
      value = Cut.class,
      names = {
        "DROP_AFTER_0_BODY_BYTES",
        "DROP_AFTER_RANDOM_BODY_BYTES",
        "CUT_INSIDE_THE_HEADERS",
        "RESET_INSTEAD_OF_CLOSE"
      })
  void aCutUploadEndsWithTheFilesBytesOnTheServerExactly(Cut cut) throws Exception {
    byte[] movie = randomBytes(MOVIE, 914);
    Path file = root.resolve("movie.mp4");
    java.nio.file.Files.write(file, movie);
    URI url = harness.videos.movieUrl(harness.videos.createVideo("cut upload"));
    long dropAfter =
        cut.dropAfter == -1 ? new Random(SEED).nextInt(MOVIE - 2) + 2 : Math.max(-1, cut.dropAfter);
    System.out.println(cut + ": upload cut after " + dropAfter + " (-Dfaults.seed=" + SEED + ")");
    Faults faults = harness.server.faults();
    faults.resetInsteadOfClose(cut == Cut.RESET_INSTEAD_OF_CLOSE);
    faults.cutInsideHeaders(cut == Cut.CUT_INSIDE_THE_HEADERS);
    faults.dropConnectionAfterBodyBytes(dropAfter);
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(DaemonHarness.uploadFile(url, file));
    session.resume(task);

    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(() -> harness.server.requests().stream().anyMatch(r -> r.connectionDropped()));
    faults.dropConnectionAfterBodyBytes(-1);
    faults.cutInsideHeaders(false);

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sha256(harness.videos.fetch(url))).isEqualTo(sha256(movie));
  }

  @Test
  void aDownloadWhoseServerRestartsMidTransferEndsWithTheMovieExactly() throws Exception {
    byte[] movie = randomBytes(MOVIE, 902);
    URI url = harness.videos.videoWithMovie(movie);
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = harness.throttledDownloadUnderWay(session, sink, url, 100_000);

    harness.server.close();
    try (SampleServer restarted =
        SampleServer.builder()
            .dataDirectory(root.resolve("server"))
            .port(url.getPort())
            .seed(false)
            .build()) {
      restarted.start();

      assertThat(sink.awaitCompletion(task).error()).isNull();
      assertThat(sha256(sink.downloaded(task))).isEqualTo(sha256(movie));
    }
  }

  @Test
  void aStalledServerFailsADefaultSessionDownloadWithATimeoutAndNoFile() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(MOVIE, 903));
    SessionSpec quick =
        withTimeouts(defaultSession(1, false), Duration.ofSeconds(1), Duration.ofDays(7));
    DaemonConnection session = harness.daemon.connect(quick, sink);
    harness.server.faults().latency(Duration.ofMinutes(1));

    long task = session.createTask(download(url));
    session.resume(task);

    assertThat(sink.awaitCompletion(task).error().code()).isEqualTo(-1001);
    assertThat(sink.downloaded(task)).isNull();
  }

  @Test
  void aStalledBodyMakesABackgroundDownloadTryAgainAndFinishExactly() throws Exception {
    byte[] movie = randomBytes(MOVIE, 904);
    URI url = harness.videos.videoWithMovie(movie);
    SessionSpec quick = withTimeouts(background(1), Duration.ofSeconds(1), Duration.ofDays(7));
    DaemonConnection session = harness.daemon.connect(quick, sink);
    harness.server.faults().throttleBytesPerSecond(200_000);
    long task = session.createTask(download(url));
    session.resume(task);
    sink.awaitBytesWritten(task, 100_000);

    // One byte a second after the first slice: the socket is open but the body stalls.
    harness.server.faults().throttleBytesPerSecond(1);
    await().atMost(RecordingSink.TIMEOUT).until(() -> harness.whats().contains("retry"));
    harness.server.faults().throttleBytesPerSecond(0);

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sha256(sink.downloaded(task))).isEqualTo(sha256(movie));
  }

  @Test
  void resumeDataForAMovieReplacedMeanwhileGivesTheNewMovieNeverASplice() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(MOVIE, 905));
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);
    long task = harness.throttledDownloadUnderWay(session, sink, url, 100_000);
    byte[] resumeData = session.cancelByProducingResumeData(task).get().orElseThrow();
    harness.server.faults().throttleBytesPerSecond(0);
    byte[] replacement = randomBytes(MOVIE, 906);
    harness.videos.replaceMovie(url, replacement);

    long resumed = session.createTask(resumeDownload(url, resumeData));
    session.resume(resumed);

    assertThat(sink.awaitCompletion(resumed).error()).isNull();
    assertThat(sha256(sink.downloaded(resumed))).isEqualTo(sha256(replacement));
  }

  @Test
  void aSuspendedDownloadWhoseMovieIsReplacedMeanwhileEndsInOneWholeVersionNeverASplice()
      throws Exception {
    byte[] original = randomBytes(MOVIE, 910);
    URI url = harness.videos.videoWithMovie(original);
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = harness.throttledDownloadUnderWay(session, sink, url, 100_000);
    session.suspend(task);
    harness.server.faults().throttleBytesPerSecond(0);
    byte[] replacement = randomBytes(MOVIE, 911);
    harness.videos.replaceMovie(url, replacement);

    session.resume(task);

    // A suspended task may keep its connection and finish the response it had: the old movie,
    // whole. Or it starts again: the new one. Never the start of one and the end of the other.
    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sha256(sink.downloaded(task))).isIn(sha256(original), sha256(replacement));
  }

  @Test
  void aSuspendedDownloadWhoseConnectionWentAndWhoseMovieWasReplacedGetsTheNewMovie()
      throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(MOVIE, 912));
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = harness.throttledDownloadUnderWay(session, sink, url, 100_000);
    session.suspend(task);
    harness.network.dropConnectionsNow();
    harness.server.faults().throttleBytesPerSecond(0);
    byte[] replacement = randomBytes(MOVIE, 913);
    harness.videos.replaceMovie(url, replacement);

    session.resume(task);

    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sha256(sink.downloaded(task))).isEqualTo(sha256(replacement));
  }

  @Test
  void resumeDataWhoseOffsetIsTheWholeOfAReplacedMovieGivesTheNewMovieNotTheOldPart()
      throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(MOVIE, 907));
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);
    long task = harness.throttledDownloadUnderWay(session, sink, url, 100_000);
    byte[] resumeData = session.cancelByProducingResumeData(task).get().orElseThrow();
    List<TaskEvent.DidWriteData> written = sink.events(task, TaskEvent.DidWriteData.class);
    long held = written.get(written.size() - 1).totalBytesWritten();
    harness.server.faults().throttleBytesPerSecond(0);
    // A new movie exactly as long as the part on disk: resuming there is a 416 "bytes */held".
    byte[] replacement = randomBytes((int) held, 908);
    harness.videos.replaceMovie(url, replacement);

    long resumed = session.createTask(resumeDownload(url, resumeData));
    session.resume(resumed);

    TaskEvent.DidComplete done = sink.awaitCompletion(resumed);
    if (done.error() == null) {
      assertThat(sha256(sink.downloaded(resumed))).isEqualTo(sha256(replacement));
    } else {
      assertThat(sink.downloaded(resumed)).isNull();
    }
  }

  private boolean aGetWasCut(URI url) {
    return harness.requestsTo(url).stream()
        .anyMatch(r -> r.method().equals("GET") && r.connectionDropped());
  }

  private static String videoId(URI movieUrl) {
    String[] parts = movieUrl.getPath().split("/");
    return parts[parts.length - 2];
  }
}
