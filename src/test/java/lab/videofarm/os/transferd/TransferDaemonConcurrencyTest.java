package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.download;
import static lab.videofarm.os.transferd.DaemonHarness.uploadFile;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import lab.videofarm.server.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many uploads and downloads at once in one background session while the server cuts connections at
 * seeded random points: every transfer ends byte-exact, and what the daemon counts agrees with what
 * the server counted. {@code -Dfaults.transfers=N} sets how many (20 here, 50 in the {@code faults}
 * profile), {@code -Dfaults.seed=S} replays a run.
 */
@Tag("faults")
class TransferDaemonConcurrencyTest {
  static final int SIZE = 200_000;

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

  /** One transfer of the run: its task, the URL it downloads or uploads, and its bytes. */
  private record Transfer(long task, URI url, byte[] bytes, boolean download) {}

  @Test
  void manyUploadsAndDownloadsWithRandomDropsAllEndByteExactAndCountedAlike() throws Exception {
    int transfers = Integer.getInteger("faults.transfers", 20);
    long seed = Long.getLong("faults.seed", System.nanoTime());
    System.out.println("concurrency: " + transfers + " transfers, -Dfaults.seed=" + seed);
    Random random = new Random(seed);
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    List<Transfer> all = new ArrayList<>();
    for (int i = 0; i < transfers; i++) {
      all.add(create(session, i));
    }

    harness.server.faults().dropConnectionAfterBodyBytes(1 + random.nextInt(SIZE - 1));
    all.forEach(transfer -> session.resume(transfer.task()));
    for (int round = 1; round <= 3; round++) {
      int cuts = round * transfers / 4;
      await().atMost(RecordingSink.TIMEOUT).until(() -> droppedExchanges() >= cuts);
      harness.server.faults().dropConnectionAfterBodyBytes(1 + random.nextInt(SIZE - 1));
    }
    harness.server.faults().dropConnectionAfterBodyBytes(-1);

    for (Transfer transfer : all) {
      assertThat(sink.awaitCompletion(transfer.task()).error())
          .as(transfer.url().toString())
          .isNull();
      if (transfer.download()) {
        assertDownloadedWhole(sink, transfer);
      } else {
        assertUploadedWhole(sink, transfer);
      }
    }
    assertThat(sink.all(TaskEvent.DidComplete.class)).hasSize(transfers);
  }

  /** Transfer {@code i}: downloads and uploads take turns, each with bytes of its own. */
  private Transfer create(DaemonConnection session, int i) throws Exception {
    byte[] bytes = randomBytes(SIZE, 1000 + i);
    if (i % 2 == 0) {
      URI url = harness.videos.videoWithMovie(bytes);
      return new Transfer(session.createTask(download(url)), url, bytes, true);
    }
    URI url = harness.videos.movieUrl(harness.videos.createVideo("upload " + i));
    Path file = root.resolve("upload-" + i + ".mp4");
    Files.write(file, bytes);
    return new Transfer(session.createTask(uploadFile(url, file)), url, bytes, false);
  }

  private void assertDownloadedWhole(RecordingSink sink, Transfer transfer) throws Exception {
    String url = transfer.url().toString();
    assertThat(sha256(sink.downloaded(transfer.task())))
        .as(url)
        .isEqualTo(sha256(transfer.bytes()));
    assertThat(last(sink.events(transfer.task(), TaskEvent.DidWriteData.class)).totalBytesWritten())
        .isEqualTo(SIZE);
    // A cut ends after the bytes the server sent: none is lost, none is fetched twice.
    assertThat(bodyBytesSent(transfer.url())).as(url).isEqualTo(SIZE);
  }

  private void assertUploadedWhole(RecordingSink sink, Transfer transfer) throws Exception {
    assertThat(sha256(harness.videos.fetch(transfer.url())))
        .as(transfer.url().toString())
        .isEqualTo(sha256(transfer.bytes()));
    assertThat(last(sink.events(transfer.task(), TaskEvent.DidSendBodyData.class)).totalBytesSent())
        .isEqualTo(SIZE);
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }

  private long bodyBytesSent(URI url) {
    return harness.requestsTo(url).stream()
        .filter(r -> r.method().equals("GET"))
        .mapToLong(RecordedRequest::bodyBytesSent)
        .sum();
  }

  private long droppedExchanges() {
    return harness.server.requests().stream().filter(RecordedRequest::connectionDropped).count();
  }
}
