package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.defaultSession;
import static lab.videofarm.os.transferd.DaemonHarness.download;
import static lab.videofarm.os.transferd.DaemonHarness.withConnectionsPerHost;
import static lab.videofarm.os.transferd.DaemonHarness.withTimeouts;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** httpMaximumConnectionsPerHost: tasks beyond it wait for a connection, with no timer running. */
class TransferDaemonConnectionLimitTest {
  @TempDir Path root;

  @Test
  void aTaskWaitingForAConnectionDoesNotRunItsRequestTimer() throws Exception {
    ManualClock clock = new ManualClock();
    try (DaemonHarness harness = DaemonHarness.start(root, clock)) {
      RecordingSink sink = harness.sink("app");
      byte[] movie = randomBytes(1000, 70);
      URI url = harness.videos.videoWithMovie(movie);
      harness.server.faults().latency(Duration.ofSeconds(3));
      DaemonConnection session =
          harness.daemon.connect(withConnectionsPerHost(defaultSession(1, false), 1), sink);
      long first = session.createTask(download(url));
      long second = session.createTask(download(url));
      session.resume(first);
      session.resume(second);
      await().until(() -> harness.whats().contains("waiting for a connection"));

      clock.advance(Duration.ofSeconds(61));

      assertThat(sink.awaitCompletion(first).error().code()).isEqualTo(-1001);
      assertThat(timedOut(harness)).containsExactly(first);
      harness.server.faults().reset();
      assertThat(sink.awaitCompletion(second).error()).isNull();
      assertThat(sha256(Files.readAllBytes(sink.downloaded(second)))).isEqualTo(sha256(movie));
    }
  }

  @Test
  void twoHundredDownloadsOnSixConnectionsAllFinishByteExactWithoutATimeout() throws Exception {
    try (DaemonHarness harness = DaemonHarness.start(root)) {
      RecordingSink sink = harness.sink("app");
      byte[] movie = randomBytes(4_000, 71);
      URI url = harness.videos.videoWithMovie(movie);
      // A quarter of a second each: the last of 200 waits far longer than the request timeout.
      harness.server.faults().throttleBytesPerSecond(16_000);
      SessionSpec spec = withTimeouts(background(1), Duration.ofSeconds(1), Duration.ofDays(7));
      DaemonConnection session = harness.daemon.connect(spec, sink);
      List<Long> tasks = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        tasks.add(session.createTask(download(url)));
      }
      tasks.forEach(session::resume);

      for (long task : tasks) {
        assertThat(sink.awaitCompletion(task).error()).as("task " + task).isNull();
        assertThat(sha256(Files.readAllBytes(sink.downloaded(task)))).isEqualTo(sha256(movie));
      }
      assertThat(harness.whats()).doesNotContain("request timed out", "retry");
      assertThat(harness.requestsTo(url)).hasSize(201); // the PUT, and one GET per task
    }
  }

  @Test
  void theSessionNeverHasMoreExchangesWithTheHostThanItsLimit() throws Exception {
    try (DaemonHarness harness = DaemonHarness.start(root)) {
      RecordingSink sink = harness.sink("app");
      URI url = harness.videos.videoWithMovie(randomBytes(20_000, 72));
      harness.server.faults().throttleBytesPerSecond(40_000);
      DaemonConnection session =
          harness.daemon.connect(withConnectionsPerHost(background(1), 3), sink);
      List<Long> tasks = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        tasks.add(session.createTask(download(url)));
      }
      tasks.forEach(session::resume);
      tasks.forEach(sink::awaitCompletion);

      assertThat(mostAtOnce(harness)).isEqualTo(3);
    }
  }

  private static List<Long> timedOut(DaemonHarness harness) {
    return harness.timeline.events().stream()
        .filter(e -> e.what().equals("request timed out"))
        .map(TimelineEvent::taskId)
        .toList();
  }

  /** The most tasks between "request sent" and the end of their attempt at any one time. */
  private static int mostAtOnce(DaemonHarness harness) {
    int now = 0;
    int most = 0;
    for (TimelineEvent event : harness.timeline.events()) {
      if (event.what().equals("request sent")) {
        most = Math.max(most, ++now);
      } else if (event.what().equals("task finished")) {
        now--;
      }
    }
    return most;
  }
}
