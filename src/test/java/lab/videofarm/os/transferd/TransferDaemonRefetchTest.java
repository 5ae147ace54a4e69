package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.download;
import static lab.videofarm.os.transferd.DaemonHarness.resumeDownload;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import lab.videofarm.server.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pause while the phone's link, not the server, holds the download back: the socket buffers are
 * full when the connection closes, and the server counts what sat in its send buffer as sent. The
 * sample server on loopback bounds its send buffer ({@code SampleServer.LOOPBACK_SEND_BUFFER}), so
 * what is fetched twice is what the daemon itself leaves behind: its socket's receive buffer, and
 * any chunk it read but did not write.
 */
class TransferDaemonRefetchTest {
  static final int MOVIE = 8 * 1024 * 1024;
  static final long REFETCH_LIMIT = 256 * 1024;
  static final long LINK_BYTES_PER_SECOND = 16_000_000;

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
  void aPauseWhileThePhonesLinkHoldsTheDownloadBackFetchesAtMost256KiBTwice() throws Exception {
    byte[] movie = randomBytes(MOVIE, 83);
    URI url = harness.videos.videoWithMovie(movie);
    harness.network.setBandwidth(LINK_BYTES_PER_SECOND);
    long task = session.createTask(download(url));
    session.resume(task);
    sink.awaitBytesWritten(task, MOVIE / 2);
    byte[] resumeData =
        session.cancelByProducingResumeData(task).get(10, TimeUnit.SECONDS).orElseThrow();
    harness.network.reset();

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
}
