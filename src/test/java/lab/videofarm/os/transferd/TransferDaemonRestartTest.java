package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.download;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import lab.videofarm.server.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new daemon on the same state directory picks up what the old one left (the journal). */
class TransferDaemonRestartTest {
  static final int MOVIE = 1024 * 1024;

  @TempDir Path root;
  DaemonHarness harness;
  final List<String> relaunches = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    harness = DaemonHarness.start(root);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aDaemonClosedBeforeItsFirstFlushStepStillLetsTheNextOneContinueWithRange() throws Exception {
    byte[] movie = randomBytes(MOVIE, 51);
    URI url = harness.videos.videoWithMovie(movie);
    RecordingSink firstLaunch = harness.sink("launch1");
    DaemonConnection session = harness.daemon.connect(background(1), firstLaunch);
    long task = harness.throttledDownloadUnderWay(session, firstLaunch, url, 1);

    TransferDaemon restarted = harness.restartDaemon();
    harness.server.faults().throttleBytesPerSecond(0);
    RecordingSink secondLaunch = harness.sink("launch2");
    restarted.connect(background(2), secondLaunch);

    assertThat(secondLaunch.awaitCompletion(task).error()).isNull();
    assertThat(sha256(secondLaunch.downloaded(task))).isEqualTo(sha256(movie));
    assertThat(lastGet(url).header("Range")).isPresent();
  }

  @Test
  void aRestartedDaemonFinishesARunningDownloadWithRangeAndRelaunchesTheApp() throws Exception {
    byte[] movie = randomBytes(MOVIE, 50);
    URI url = harness.videos.videoWithMovie(movie);
    RecordingSink firstLaunch = harness.sink("launch1");
    DaemonConnection session = harness.daemon.connect(background(1), firstLaunch);
    long task = harness.throttledDownloadUnderWay(session, firstLaunch, url, 100_000);

    TransferDaemon restarted = harness.restartDaemon();
    harness.server.faults().throttleBytesPerSecond(0);
    restarted.setRelauncher((bundle, identifier) -> relaunches.add(identifier));

    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(() -> restarted.allTasks().stream().allMatch(t -> t.state() == TaskState.COMPLETED));
    await().atMost(Duration.ofSeconds(5)).until(() -> !relaunches.isEmpty());
    RecordingSink secondLaunch = harness.sink("launch2");
    restarted.connect(background(2), secondLaunch);
    assertThat(secondLaunch.awaitCompletion(task).error()).isNull();
    assertThat(sha256(secondLaunch.downloaded(task))).isEqualTo(sha256(movie));
    assertThat(secondLaunch.milestones(task))
        .containsExactly("DidResumeAtOffset", "DidFinishDownloading", "DidComplete");
    secondLaunch.awaitFirst(TaskEvent.DidFinishEventsForBackgroundSession.class);
    assertThat(lastGet(url).header("Range")).isPresent();
    assertThat(lastGet(url).status()).isEqualTo(206);
  }

  @Test
  void taskIdentifiersStayUniqueAcrossRestarts() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 51));
    DaemonConnection session = harness.daemon.connect(background(1), harness.sink("one"));
    long first = session.createTask(download(url));
    session.close();

    TransferDaemon restarted = harness.restartDaemon();
    DaemonConnection again = restarted.connect(background(2), harness.sink("two"));
    long second = again.createTask(download(url));

    assertThat(second).isGreaterThan(first);
    assertThat(again.allTasks())
        .extracting(TaskSnapshot::taskIdentifier)
        .containsExactly(first, second);
  }

  @Test
  void queuedEventsSurviveARestart() throws Exception {
    byte[] movie = randomBytes(200_000, 52);
    URI url = harness.videos.videoWithMovie(movie);
    DaemonConnection session = harness.daemon.connect(background(1), harness.sink("one"));
    long task = session.createTask(download(url));
    session.close();
    DaemonConnection reattached = harness.daemon.connect(background(1), harness.sink("one-b"));
    reattached.resume(task);
    reattached.close();
    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(() -> harness.daemon.allTasks().get(0).state() == TaskState.COMPLETED);

    TransferDaemon restarted = harness.restartDaemon();
    RecordingSink next = harness.sink("two");
    restarted.connect(background(2), next);

    assertThat(next.awaitCompletion(task).error()).isNull();
    assertThat(sha256(next.downloaded(task))).isEqualTo(sha256(movie));
  }

  @Test
  void aDaemonWhoseJvmWasKilledMidDownloadIsFinishedByTheNextOneByteExact() throws Exception {
    byte[] movie = randomBytes(MOVIE, 53);
    URI url = harness.videos.videoWithMovie(movie);
    harness.daemon.close();
    harness.server.faults().throttleBytesPerSecond(300_000);
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DaemonProcess.class.getName(),
                harness.stateDirectory.toString(),
                url.toString())
            .redirectErrorStream(true)
            .start();
    AtomicLong written = new AtomicLong();
    AtomicLong taskId = new AtomicLong(-1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  if (line.startsWith("WRITTEN ")) {
                    written.set(Long.parseLong(line.substring(8).trim()));
                  } else if (line.startsWith("TASK ")) {
                    taskId.set(Long.parseLong(line.substring(5).trim()));
                  }
                }
              } catch (Exception ignored) {
                // the child was killed
              }
            });
    reader.setDaemon(true);
    reader.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> written.get() >= 200_000);
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    harness.server.faults().throttleBytesPerSecond(0);

    harness.daemon =
        new TransferDaemon(
            harness.stateDirectory, harness.network, harness.clock, harness.timeline);
    RecordingSink next = harness.sink("after-kill");
    harness.daemon.connect(background(2), next);

    long task = taskId.get();
    assertThat(next.awaitCompletion(task).error()).isNull();
    assertThat(sha256(next.downloaded(task))).isEqualTo(sha256(movie));
    RecordedRequest resumed = lastGet(url);
    assertThat(resumed.header("Range"))
        .hasValueSatisfying(range -> assertThat(range).isNotEqualTo("bytes=0-"));
    assertThat(resumed.status()).isEqualTo(206);
  }

  private RecordedRequest lastGet(URI url) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> gets(url).stream().anyMatch(r -> r.status() == 206 && !r.connectionDropped()));
    List<RecordedRequest> gets = gets(url);
    return gets.get(gets.size() - 1);
  }

  private List<RecordedRequest> gets(URI url) {
    return harness.requestsTo(url).stream().filter(r -> r.method().equals("GET")).toList();
  }
}
