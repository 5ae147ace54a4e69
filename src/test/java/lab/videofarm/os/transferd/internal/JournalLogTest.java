package lab.videofarm.os.transferd.internal;

import static lab.videofarm.os.transferd.internal.JournalTest.put;
import static lab.videofarm.os.transferd.internal.JournalTest.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log's tail after a crash: a torn or garbled last record is a commit that never returned and
 * is cut away; damage anywhere else is kept and reported.
 */
class JournalLogTest {
  @TempDir Path directory;

  private static final Map<String, String> BEFORE_THE_LAST = Map.of("a", "two", "b", "three");

  private byte[] base;
  private byte[] log;
  private int lastRecord;
  private int middleRecord;

  private Journal journal() throws IOException {
    return new Journal(directory, JournalDisk.real(), JournalTest.CLOCK, JournalTest.ANY_PAYLOAD);
  }

  /** A base holding a=one, then records a=two, b=three and a=four in the log. */
  @BeforeEach
  void threeRecords() throws Exception {
    Journal journal = journal();
    put(journal, "a", "one");
    put(journal, "a", "two");
    middleRecord = (int) Files.size(journal.log());
    put(journal, "b", "three");
    lastRecord = (int) Files.size(journal.log());
    put(journal, "a", "four");
    base = Files.readAllBytes(journal.file());
    log = Files.readAllBytes(journal.log());
  }

  @Test
  void aLastRecordCutShortAtAnyByteIsDroppedAndCutAway() throws Exception {
    for (int cut = lastRecord; cut < log.length; cut++) {
      Files.write(directory.resolve(Journal.LOG_NAME), Arrays.copyOf(log, cut));

      Journal.Contents contents = journal().read().orElseThrow();

      assertThat(contents.tornBytes()).as("cut at %d", cut).isEqualTo(cut - lastRecord);
      assertThat(textsOf(contents)).as("cut at %d", cut).isEqualTo(BEFORE_THE_LAST);
      assertThat(Files.size(directory.resolve(Journal.LOG_NAME))).isEqualTo(lastRecord);
    }
  }

  @Test
  void aLastRecordWithAnyByteGarbledIsDroppedAndCutAway() throws Exception {
    for (int at = lastRecord; at < log.length; at++) {
      byte[] garbled = log.clone();
      garbled[at] ^= 0x5A;
      Files.write(directory.resolve(Journal.LOG_NAME), garbled);

      Journal.Contents contents = journal().read().orElseThrow();

      assertThat(textsOf(contents)).as("garbled at %d", at).isEqualTo(BEFORE_THE_LAST);
      assertThat(Files.size(directory.resolve(Journal.LOG_NAME))).isEqualTo(lastRecord);
    }
  }

  @Test
  void aCommitAfterADroppedTailFollowsTheLastGoodRecord() throws Exception {
    Files.write(directory.resolve(Journal.LOG_NAME), Arrays.copyOf(log, log.length - 3));
    Journal journal = journal();
    journal.read();

    put(journal, "c", "five");

    assertThat(texts(journal()))
        .containsOnly(Map.entry("a", "two"), Map.entry("b", "three"), Map.entry("c", "five"));
  }

  @Test
  void aDamagedRecordWithAGoodOneAfterItIsDamageAndBothFilesAreKept() throws Exception {
    byte[] damaged = log.clone();
    damaged[lastRecord - 1] ^= 0x5A;
    Files.write(directory.resolve(Journal.LOG_NAME), damaged);

    assertThatThrownBy(() -> journal().read())
        .isInstanceOf(Journal.DamagedException.class)
        .hasMessageContaining("damaged record at offset " + middleRecord)
        .hasMessageContaining("a good one after it, at offset " + lastRecord);
    assertThat(directory.resolve("journal.dat.corrupt-20260101T090000.000Z"))
        .hasBinaryContent(base);
    assertThat(directory.resolve("journal.log.corrupt-20260101T090000.000Z"))
        .hasBinaryContent(damaged);
    assertThat(journal().read()).isEmpty();
  }

  @Test
  void aMissingRecordInTheMiddleIsASequenceGap() throws Exception {
    byte[] gap = new byte[log.length - (lastRecord - middleRecord)];
    System.arraycopy(log, 0, gap, 0, middleRecord);
    System.arraycopy(log, lastRecord, gap, middleRecord, log.length - lastRecord);
    Files.write(directory.resolve(Journal.LOG_NAME), gap);

    assertThatThrownBy(() -> journal().read())
        .isInstanceOf(Journal.DamagedException.class)
        .hasMessageContaining("record 4 at offset " + middleRecord + " does not follow 2");
  }

  @Test
  void aLogWithoutItsBaseIsDamage() throws Exception {
    Files.delete(directory.resolve(Journal.FILE_NAME));

    assertThatThrownBy(() -> journal().read())
        .isInstanceOf(Journal.DamagedException.class)
        .hasMessageContaining("journal.dat is missing");
    assertThat(directory.resolve("journal.log.corrupt-20260101T090000.000Z")).hasBinaryContent(log);
  }

  @Test
  void aRecordOfTheWrongShapeIsDamage() throws Exception {
    byte[] wrong = JournalFormat.record(5, new byte[] {0, 0, 0, 1, 9, 0, 1, 'x'}).array();
    byte[] longer = Arrays.copyOf(log, log.length + wrong.length);
    System.arraycopy(wrong, 0, longer, log.length, wrong.length);
    Files.write(directory.resolve(Journal.LOG_NAME), longer);

    assertThatThrownBy(() -> journal().read())
        .isInstanceOf(Journal.DamagedException.class)
        .hasMessageContaining("journal record 5: unknown change kind 9");
  }

  private static Map<String, String> textsOf(Journal.Contents contents) {
    Map<String, String> texts = new java.util.TreeMap<>();
    contents.entries().forEach((k, v) -> texts.put(k, JournalTest.text(v)));
    return texts;
  }
}
