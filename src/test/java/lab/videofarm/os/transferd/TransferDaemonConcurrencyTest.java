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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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

  @Test
  void manyUploadsAndDownloadsWithRandomDropsAllEndByteExactAndCountedAlike() throws Exception {
    int transfers = Integer.getInteger("faults.transfers", 20);
    long seed = Long.getLong("faults.seed", System.nanoTime());
    System.out.println("concurrency: " + transfers + " transfers, -Dfaults.seed=" + seed);
    Random random = new Random(seed);
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    Map<Long, URI> urls = new HashMap<>();
    Map<Long, byte[]> contents = new HashMap<>();
    Set<Long> downloads = new HashSet<>();
    for (int i = 0; i < transfers; i++) {
      byte[] bytes = randomBytes(SIZE, 1000 + i);
      URI url;
      TaskSpec spec;
      if (i % 2 == 0) {
        url = harness.videos.videoWithMovie(bytes);
        spec = download(url);
      } else {
        url = harness.videos.movieUrl(harness.videos.createVideo("upload " + i));
        Path file = root.resolve("upload-" + i + ".mp4");
        Files.write(file, bytes);
        spec = uploadFile(url, file);
      }
      long task = session.createTask(spec);
      if (i % 2 == 0) {
        downloads.add(task);
      }
      urls.put(task, url);
      contents.put(task, bytes);
    }

    harness.server.faults().dropConnectionAfterBodyBytes(1 + random.nextInt(SIZE - 1));
    urls.keySet().forEach(session::resume);
    for (int round = 1; round <= 3; round++) {
      int cuts = round * transfers / 4;
      await().atMost(RecordingSink.TIMEOUT).until(() -> droppedExchanges() >= cuts);
      harness.server.faults().dropConnectionAfterBodyBytes(1 + random.nextInt(SIZE - 1));
    }
    harness.server.faults().dropConnectionAfterBodyBytes(-1);

    for (Map.Entry<Long, URI> entry : urls.entrySet()) {
      long task = entry.getKey();
      URI url = entry.getValue();
      assertThat(sink.awaitCompletion(task).error()).as(url.toString()).isNull();
      byte[] expected = contents.get(task);
      if (downloads.contains(task)) {
        assertThat(sha256(sink.downloaded(task))).as(url.toString()).isEqualTo(sha256(expected));
        assertThat(last(sink.events(task, TaskEvent.DidWriteData.class)).totalBytesWritten())
            .isEqualTo(SIZE);
        // A cut ends after the bytes the server sent: none is lost, none is fetched twice.
        assertThat(bodyBytesSent(url)).as(url.toString()).isEqualTo(SIZE);
      } else {
        assertThat(sha256(harness.videos.fetch(url)))
            .as(url.toString())
            .isEqualTo(sha256(expected));
        assertThat(last(sink.events(task, TaskEvent.DidSendBodyData.class)).totalBytesSent())
            .isEqualTo(SIZE);
      }
    }
    assertThat(sink.all(TaskEvent.DidComplete.class)).hasSize(transfers);
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
