package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.download;
import static lab.videofarm.os.transferd.DaemonHarness.resumeDownload;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lab.videofarm.server.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pause (cancel by producing resume data) while bytes stream in: the resume data counts exactly
 * the bytes on disk, and what the server sent before the pause is not fetched again.
 */
class TransferDaemonPauseTest {
  static final int MOVIE = 6 * 1024 * 1024;
  static final long REFETCH_LIMIT = 256 * 1024;

  @TempDir Path root;
  DaemonHarness harness;
  RecordingSink sink;
  DaemonConnection session;

  @BeforeEach
  void start() throws Exception {
    harness = DaemonHarness.start(root);
    sink = harness.sink("app");
    session = harness.daemon.connect(background(1), sink);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aPauseMidStreamGivesResumeDataWhoseOffsetIsTheLengthOfThePartialFileOnDisk()
      throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(MOVIE, 81));
    byte[] resumeData = pauseHalfWay(url);
    long onDisk = Files.size(thePartialFile());

    long resumed = session.createTask(resumeDownload(url, resumeData));
    session.resume(resumed);

    sink.awaitCompletion(resumed);
    assertThat(onDisk).isPositive();
    assertThat(sink.events(resumed, TaskEvent.DidResumeAtOffset.class))
        .singleElement()
        .extracting(TaskEvent.DidResumeAtOffset::fileOffset)
        .isEqualTo(onDisk);
  }

  /** The one partial file the paused download left in the daemon's downloads folder. */
  private Path thePartialFile() throws Exception {
    try (Stream<Path> files = Files.list(harness.stateDirectory.resolve("downloads"))) {
      List<Path> partial = files.toList();
      assertThat(partial).hasSize(1);
      return partial.get(0);
    }
  }

  @Test
  void aPausedAndResumedDownloadFetchesAtMost256KiBTwice() throws Exception {
    byte[] movie = randomBytes(MOVIE, 82);
    URI url = harness.videos.videoWithMovie(movie);
    byte[] resumeData = pauseHalfWay(url);

    long resumed = session.createTask(resumeDownload(url, resumeData));
    session.resume(resumed);

    assertThat(sink.awaitCompletion(resumed).error()).isNull();
    assertThat(sha256(sink.downloaded(resumed))).isEqualTo(sha256(movie));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(
                        harness.requestsTo(url).stream()
                            .filter(r -> r.method().equals("GET"))
                            .mapToLong(RecordedRequest::bodyBytesSent)
                            .sum())
                    .isBetween((long) movie.length, movie.length + REFETCH_LIMIT));
  }

  /** Downloads at a few MB/s (quick, but with little in socket buffers) and pauses half-way. */
  private byte[] pauseHalfWay(URI url) throws Exception {
    harness.server.faults().throttleBytesPerSecond(4_000_000);
    long task = session.createTask(download(url));
    session.resume(task);
    sink.awaitBytesWritten(task, MOVIE / 2);
    byte[] resumeData =
        session.cancelByProducingResumeData(task).get(10, TimeUnit.SECONDS).orElseThrow();
    harness.server.faults().throttleBytesPerSecond(0);
    return resumeData;
  }
}
