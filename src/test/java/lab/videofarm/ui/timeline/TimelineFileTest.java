package lab.videofarm.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineFileTest {
  @TempDir Path dir;

  private final List<TimelineEvent> events =
      List.of(
          new TimelineEvent(
              1,
              Instant.parse("2026-12-01T10:15:30.123Z"),
              Layer.DEVICE,
              0,
              "",
              -1,
              "install",
              "x",
              Severity.INFO),
          new TimelineEvent(
              2,
              Instant.parse("2026-12-01T10:15:31Z"),
              Layer.SESSION,
              2,
              "lab.videofarm.app.bg",
              3,
              "sessionRelinked",
              "reconnected to tasks [1]",
              Severity.WARNING));

  @Test
  void aSavedTimelineLoadsBackEqual() throws IOException {
    Path file = dir.resolve("timeline.jsonl");

    TimelineFile.save(file, events);

    assertThat(Files.readAllLines(file)).hasSize(2);
    assertThat(TimelineFile.load(file)).isEqualTo(events);
  }

  @Test
  void savingOverAnOldFileReplacesItAndLeavesNoTempFileBehind() throws IOException {
    Path file = dir.resolve("timeline.jsonl");
    TimelineFile.save(file, events);

    TimelineFile.save(file, events.subList(0, 1));

    assertThat(TimelineFile.load(file)).isEqualTo(events.subList(0, 1));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aFileThatIsNotATimelineIsRefusedNamingTheLine() throws IOException {
    Path file = dir.resolve("notes.jsonl");
    TimelineFile.save(file, events);
    Files.writeString(file, "{\"what\": 3}\n", java.nio.file.StandardOpenOption.APPEND);

    assertThatThrownBy(() -> TimelineFile.load(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(
            "notes.jsonl is not a saved timeline: line 3 is not a timeline event");
  }
}
