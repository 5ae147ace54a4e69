package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.transferd.DaemonConnection;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.SessionSpecs;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon started on a damaged journal says so, starts empty, and its first commit leaves the
 * damaged bytes where a person can find them.
 */
class DaemonCoreDamagedJournalTest {
  @TempDir Path directory;
  final ManualClock clock = new ManualClock();
  final Timeline timeline = new Timeline(clock);
  final NetworkConditioner network = new NetworkConditioner(timeline);

  final SessionSpec spec = SessionSpecs.background();

  @Test
  void aTornJournalIsReportedAndKeptThroughTheFirstCommit() throws Exception {
    Path file = directory.resolve(Journal.FILE_NAME);
    Files.write(file, "VFTJ and then nothing".getBytes(StandardCharsets.US_ASCII));

    startAndCreateATask();

    assertThat(report()).contains("kept as journal.dat.corrupt-");
    assertThat(quarantined())
        .singleElement()
        .satisfies(f -> assertThat(f).hasContent("VFTJ and then nothing"));
    assertThat(new Journal(directory).read()).isPresent();
  }

  @Test
  void aJournalWithAGoodChecksumButTheWrongShapeIsReportedNotRestoredWithDefaults()
      throws Exception {
    Map<String, byte[]> wrongShape =
        Map.of(
            "state",
            utf8("{\"version\": 2, \"nextTaskIds\": [], \"relaunchCounts\": {}}"),
            "s1",
            utf8("{\"alias\": 1, \"spec\": \"all of them\"}"));
    new Journal(directory, JournalDisk.real(), Clock.systemUTC(), entries -> {})
        .commit(wrongShape, Set.of());

    startAndCreateATask();

    assertThat(report()).contains("spec is not an object");
    assertThat(timeline.events())
        .extracting(TimelineEvent::what)
        .doesNotContain("journal restored");
    assertThat(quarantined()).hasSize(1);
  }

  @Test
  void aLogDamagedBeforeItsLastRecordIsReportedAndKeptWithItsBase() throws Exception {
    startAndCreateATask();
    startAndCreateATask();
    Path log = directory.resolve(Journal.LOG_NAME);
    byte[] damaged = Files.readAllBytes(log);
    damaged[JournalFormat.RECORD_HEADER] ^= 0x5A;
    Files.write(log, damaged);
    int seen = timeline.events().size();

    DaemonCore daemon = new DaemonCore(directory, network, clock, timeline, new Journal(directory));

    assertThat(daemon.allTasks()).isEmpty();
    daemon.close();
    assertThat(report(seen)).contains("a damaged record at offset 0 with a good one after it");
    assertThat(quarantined()).hasSize(1);
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anySatisfy(name -> assertThat(name).startsWith(Journal.LOG_QUARANTINE_PREFIX));
    }
  }

  private String report(int after) {
    return timeline.events().subList(after, timeline.events().size()).stream()
        .filter(e -> e.what().equals("journal unreadable"))
        .filter(e -> e.severity() == TimelineEvent.Severity.ERROR)
        .map(TimelineEvent::detail)
        .findFirst()
        .orElseThrow();
  }

  private void startAndCreateATask() throws Exception {
    DaemonCore daemon = new DaemonCore(directory, network, clock, timeline, new Journal(directory));
    try {
      DaemonConnection session = daemon.connect(spec, event -> {});
      session.createTask(
          new TaskSpec(
              TaskKind.DOWNLOAD,
              new RequestInfo("GET", URI.create("http://127.0.0.1:9/videos/x/movie"), List.of()),
              null,
              null,
              "after the damage",
              null));
    } finally {
      daemon.close();
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String report() {
    return timeline.events().stream()
        .filter(e -> e.what().equals("journal unreadable"))
        .map(TimelineEvent::detail)
        .findFirst()
        .orElseThrow();
  }

  private List<Path> quarantined() throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(Journal.QUARANTINE_PREFIX))
          .toList();
    }
  }
}
