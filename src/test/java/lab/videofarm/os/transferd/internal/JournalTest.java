package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import lab.videofarm.os.transferd.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T09:00:00Z"), ZoneOffset.UTC);
  static final Journal.PayloadCheck ANY_PAYLOAD = entries -> {};

  @TempDir Path directory;

  /** A journal of plain text entries, so each test reads as what it stores. */
  private Journal journal() throws IOException {
    return new Journal(directory, JournalDisk.real(), CLOCK, ANY_PAYLOAD);
  }

  /** The entries a fresh journal on the directory reads, as text. */
  static Map<String, String> texts(Journal journal) throws IOException {
    Map<String, String> texts = new TreeMap<>();
    journal.read().ifPresent(c -> c.entries().forEach((k, v) -> texts.put(k, text(v))));
    return texts;
  }

  static void put(Journal journal, String key, String value) throws IOException {
    journal.commit(Map.of(key, utf8(value)), Set.of());
  }

  @Test
  void aFreshJournalIsEmpty() throws Exception {
    assertThat(journal().read()).isEmpty();
  }

  @Test
  void aCommitSurvivesReopening() throws Exception {
    put(journal(), "task", "first");

    assertThat(texts(journal())).containsExactly(Map.entry("task", "first"));
  }

  @Test
  void putsAndRemovalsOfLaterCommitsSurviveReopening() throws Exception {
    Journal journal = journal();
    put(journal, "a", "one");
    put(journal, "b", "two");
    journal.commit(Map.of("a", utf8("one again")), Set.of("b"));

    assertThat(texts(journal())).containsExactly(Map.entry("a", "one again"));
  }

  @Test
  void aCommitAfterTheFirstAppendsOnlyItsChangesAndLeavesTheBaseAlone() throws Exception {
    Journal journal = journal();
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      many.put("task " + i, utf8("a description of task " + i));
    }
    journal.commit(many, Set.of());
    byte[] base = Files.readAllBytes(journal.file());

    put(journal, "task 7", "moved");

    assertThat(journal.file()).hasBinaryContent(base);
    assertThat(Files.size(journal.log()))
        .isEqualTo(JournalFormat.RECORD_HEADER + 4 + 1 + 2 + "task 7".length() + 4 + 5);
  }

  @Test
  void theLogIsCompactedIntoANewBaseOnceItWouldOutgrowTwiceTheBase() throws Exception {
    Journal journal = journal();
    String big = "x".repeat(Journal.COMPACTION_FLOOR);
    put(journal, "big", big);
    long base = Files.size(journal.file());
    long largest = 0;
    String last = "";
    for (int i = 0; i < 1000 && logSize(journal) >= largest; i++) {
      largest = logSize(journal);
      last = "%04d".formatted(i) + "y".repeat(1000);
      put(journal, "counts", last);
    }

    assertThat(largest).isGreaterThan(base).isLessThanOrEqualTo(2 * base);
    assertThat(Files.size(journal.log())).isZero();
    assertThat(texts(journal())).containsEntry("big", big).containsEntry("counts", last);
  }

  @Test
  void aWriteThatFailsHalfWayLeavesThePreviousStateIntact() throws Exception {
    put(journal(), "task", "before");
    Journal failing =
        new Journal(directory, JournalDisk.real(new FailAfter(30)), CLOCK, ANY_PAYLOAD);
    assertThat(failing.read()).isPresent();

    assertThatThrownBy(() -> put(failing, "task", "after, a much longer state than before"))
        .isInstanceOf(IOException.class);

    assertThat(texts(journal())).containsExactly(Map.entry("task", "before"));
    assertThat(directory.resolve(Journal.TEMP_NAME)).doesNotExist();
  }

  @Test
  void aWriteThatFailsOnTheFirstByteOfTheFirstCommitLeavesNoJournal() throws Exception {
    Journal failing =
        new Journal(directory, JournalDisk.real(new FailAfter(0)), CLOCK, ANY_PAYLOAD);

    assertThatThrownBy(() -> put(failing, "task", "never")).isInstanceOf(IOException.class);

    assertThat(journal().read()).isEmpty();
  }

  @Test
  void aLeftoverTempFileFromACrashIsIgnored() throws Exception {
    put(journal(), "task", "kept");
    Files.write(directory.resolve(Journal.TEMP_NAME), utf8("torn half of a snapsh"));

    assertThat(texts(journal())).containsExactly(Map.entry("task", "kept"));
  }

  @Test
  void aDamagedBaseIsRefusedRatherThanHalfRead() throws Exception {
    damage(utf8("payload that will be damaged"));

    assertThatThrownBy(() -> journal().read())
        .isInstanceOf(Journal.DamagedException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void aDamagedJournalIsMovedAsideWithItsBytesAndItsLogBeforeTheNextCommit() throws Exception {
    Journal journal = journal();
    put(journal, "task", "the state before the damage");
    put(journal, "task", "a later change, in the log");
    byte[] log = Files.readAllBytes(journal.log());
    byte[] damaged = flipLastByte(journal.file());

    Journal reopened = journal();
    Journal.DamagedException refused =
        catchThrowableOfType(reopened::read, Journal.DamagedException.class);
    put(reopened, "task", "the first state after");

    Path kept = directory.resolve("journal.dat.corrupt-20260101T090000.000Z");
    assertThat(refused.keptAt()).isEqualTo(kept);
    assertThat(refused).hasMessageContaining("kept as " + kept.getFileName());
    assertThat(kept).hasBinaryContent(damaged);
    assertThat(directory.resolve("journal.log.corrupt-20260101T090000.000Z")).hasBinaryContent(log);
    assertThat(texts(journal())).containsExactly(Map.entry("task", "the first state after"));
  }

  @Test
  void twoDamagedJournalsInOneMillisecondAreBothKept() throws Exception {
    byte[] first = damage(utf8("first"));
    assertThatThrownBy(() -> journal().read()).isInstanceOf(Journal.DamagedException.class);
    byte[] second = damage(utf8("second"));

    assertThatThrownBy(() -> journal().read()).isInstanceOf(Journal.DamagedException.class);

    assertThat(directory.resolve("journal.dat.corrupt-20260101T090000.000Z"))
        .hasBinaryContent(first);
    assertThat(directory.resolve("journal.dat.corrupt-20260101T090000.000Z-2"))
        .hasBinaryContent(second);
  }

  @Test
  void aJournalOfANewerFormatIsKeptAndReportedByVersion() throws Exception {
    put(journal(), "task", "from the future");
    byte[] bytes = Files.readAllBytes(directory.resolve(Journal.FILE_NAME));
    ByteBuffer.wrap(bytes).putInt(4, Journal.FORMAT_VERSION + 1);
    Files.write(directory.resolve(Journal.FILE_NAME), bytes);

    assertThatThrownBy(() -> journal().read())
        .isInstanceOf(Journal.DamagedException.class)
        .hasMessageContaining("journal format 3 is not supported");
    assertThat(directory.resolve("journal.dat.corrupt-20260101T090000.000Z"))
        .hasBinaryContent(bytes);
  }

  @Test
  void entriesTheirReaderRefusesAreDamageToo() throws Exception {
    put(journal(), StateEntries.STATE, "{\"version\": 2, \"sessions\": null}");

    assertThatThrownBy(() -> new Journal(directory).read())
        .isInstanceOf(Journal.DamagedException.class)
        .hasMessageContaining("nextTaskIds is missing")
        .hasMessageContaining("kept as journal.dat.corrupt-");
    assertThat(directory.resolve(Journal.FILE_NAME)).doesNotExist();
  }

  @Test
  void aJournalOfTheWholeStateFormatStillLoads() throws Exception {
    copyFormatOneJournal();

    Journal journal = new Journal(directory);
    StateCodec.Restored restored =
        StateCodec.decode(journal.read().orElseThrow().entries(), Path.of("downloads"));

    TaskRecord task = restored.sessions().get(0).tasks.get(7L);
    assertThat(task.description).isEqualTo("the movie");
    assertThat(task.state).isEqualTo(TaskState.RUNNING);
    assertThat(task.bytesReceived).isEqualTo(4096);
    assertThat(restored.sessions().get(0).queue).hasSize(1);
  }

  @Test
  void theFirstCommitAfterAWholeStateJournalRewritesItInTheCurrentFormat() throws Exception {
    copyFormatOneJournal();
    Journal journal = new Journal(directory);
    Map<String, byte[]> entries = journal.read().orElseThrow().entries();

    journal.commit(Map.of(), Set.of());

    assertThat(ByteBuffer.wrap(Files.readAllBytes(journal.file())).getInt(4))
        .isEqualTo(Journal.FORMAT_VERSION);
    assertThat(new Journal(directory).read().orElseThrow().entries())
        .containsOnlyKeys(entries.keySet());
  }

  private static long logSize(Journal journal) throws IOException {
    return Files.exists(journal.log()) ? Files.size(journal.log()) : 0;
  }

  private void copyFormatOneJournal() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("journal-format-1.dat")) {
      Files.write(directory.resolve(Journal.FILE_NAME), in.readAllBytes());
    }
  }

  /** Commits {@code payload}, flips a bit of it on disk and returns the damaged file's bytes. */
  private byte[] damage(byte[] payload) throws IOException {
    Journal journal = journal();
    journal.commit(Map.of("task", payload), Set.of());
    return flipLastByte(journal.file());
  }

  static byte[] flipLastByte(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x55;
    Files.write(file, bytes);
    return bytes;
  }

  @Test
  void commitsCountUp() throws Exception {
    Journal journal = journal();
    put(journal, "task", "one");
    put(journal, "task", "two");

    Journal reopened = journal();
    assertThat(texts(reopened)).containsExactly(Map.entry("task", "two"));
    assertThat(reopened.sequence()).isEqualTo(2);
  }

  /** Writes {@code limit} bytes, then fails like a full disk. */
  private static final class FailAfter implements Journal.FileWriter {
    private final int limit;

    FailAfter(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(FileChannel channel, ByteBuffer data) throws IOException {
      ByteBuffer part = data.duplicate();
      part.limit(Math.min(data.limit(), data.position() + limit));
      while (part.hasRemaining()) {
        channel.write(part);
      }
      throw new IOException("disk full (simulated)");
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
