package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.resumeDownload;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.transferd.internal.Journal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's downloads folder does not fill up: unused resume data expires as iOS cleans its
 * temporary files, and a restarted daemon removes what no task owns.
 */
class TransferDaemonDownloadsFolderTest {
  @TempDir Path root;
  final ManualClock clock = new ManualClock();
  DaemonHarness harness;
  RecordingSink sink;
  DaemonConnection session;

  @BeforeEach
  void start() throws Exception {
    harness = DaemonHarness.start(root, clock);
    sink = harness.sink("app");
    session = harness.daemon.connect(background(1), sink);
  }

  @AfterEach
  void stop() {
    harness.server.faults().reset();
    harness.close();
  }

  @Test
  void unusedResumeDataExpiresAfterThreeDaysOfDeviceTime() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(400_000, 90));
    byte[] resumeData = resumeDataOfADownloadUnderWay(url);
    assertThat(downloads()).singleElement().asString().endsWith(".resume");

    clock.advance(Duration.ofDays(2));
    assertThat(downloads()).hasSize(1);
    clock.advance(Duration.ofDays(1).plusHours(1));

    assertThat(downloads()).isEmpty();
    assertThat(harness.whats()).contains("resume data expired");
    long resumed = session.createTask(resumeDownload(url, resumeData));
    session.resume(resumed);
    assertThat(sink.awaitCompletion(resumed).error().code()).isEqualTo(-3001);
  }

  @Test
  void aRestartedDaemonRemovesOrphanFilesButKeepsResumeDataAndItsTasksPartialFiles()
      throws Exception {
    byte[] movie = randomBytes(400_000, 91);
    URI url = harness.videos.videoWithMovie(movie);
    byte[] resumeData = resumeDataOfADownloadUnderWay(url);
    long running = harness.throttledDownloadUnderWay(session, sink, url, 1);
    Path orphan = harness.stateDirectory.resolve("downloads").resolve("CFNetworkDownload_lost.tmp");
    Files.write(orphan, randomBytes(1000, 92));

    session.close();
    harness.restartDaemon();

    assertThat(orphan).doesNotExist();
    assertThat(harness.details("orphan file removed"))
        .containsExactly("CFNetworkDownload_lost.tmp: no task owns it");
    assertThat(downloads()).hasSize(2);
    harness.server.faults().throttleBytesPerSecond(0);
    RecordingSink second = harness.sink("second");
    DaemonConnection again = harness.daemon.connect(background(2), second);
    long resumed = again.createTask(resumeDownload(url, resumeData));
    again.resume(resumed);
    assertThat(second.awaitCompletion(resumed).error()).isNull();
    assertThat(sha256(second.downloaded(resumed))).isEqualTo(sha256(movie));
    assertThat(second.awaitCompletion(running).error()).isNull();
    assertThat(sha256(second.downloaded(running))).isEqualTo(sha256(movie));
  }

  @Test
  void aDamagedJournalLeavesNoPartialFilesBehind() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(400_000, 93));
    harness.throttledDownloadUnderWay(session, sink, url, 1);
    harness.daemon.close();
    Files.write(harness.stateDirectory.resolve(Journal.FILE_NAME), new byte[] {1, 2, 3});

    harness.restartDaemon();

    assertThat(harness.whats()).contains("journal unreadable", "orphan file removed");
    assertThat(downloads()).isEmpty();
  }

  /** A background download under way, cancelled for its resume data; the throttle stays on. */
  private byte[] resumeDataOfADownloadUnderWay(URI url) throws Exception {
    long task = harness.throttledDownloadUnderWay(session, sink, url, 1);
    byte[] resumeData =
        session.cancelByProducingResumeData(task).get(10, TimeUnit.SECONDS).orElseThrow();
    sink.awaitCompletion(task);
    return resumeData;
  }

  private List<String> downloads() throws IOException {
    try (Stream<Path> files = Files.list(harness.stateDirectory.resolve("downloads"))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
