package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T09:00:00Z"), ZoneOffset.UTC);
  static final Journal.PayloadCheck ANY_PAYLOAD = payload -> {};

  @TempDir Path directory;

  /** A journal of plain text payloads, so each test reads as what it stores. */
  private Journal journal() throws IOException {
    return new Journal(directory, JournalDisk.real(), CLOCK, ANY_PAYLOAD);
  }

  @Test
  void aFreshJournalIsEmpty() throws Exception {
    assertThat(journal().read()).isEmpty();
  }

  @Test
  void aCommitSurvivesReopening() throws Exception {
    journal().commit(utf8("first"));

    assertThat(journal().read()).hasValueSatisfying(p -> assertThat(text(p)).isEqualTo("first"));
  }

  @Test
  void aWriteThatFailsHalfWayLeavesThePreviousSnapshotIntact() throws Exception {
    journal().commit(utf8("before"));
    Journal failing =
        new Journal(directory, JournalDisk.real(new FailAfter(30)), CLOCK, ANY_PAYLOAD);

    assertThatThrownBy(() -> failing.commit(utf8("after, a much longer snapshot than before")))
        .isInstanceOf(IOException.class);

    assertThat(journal().read()).hasValueSatisfying(p -> assertThat(text(p)).isEqualTo("before"));
    assertThat(directory.resolve(Journal.TEMP_NAME)).doesNotExist();
  }

  @Test
  void aWriteThatFailsOnTheFirstByteOfTheFirstCommitLeavesNoJournal() throws Exception {
    Journal failing =
        new Journal(directory, JournalDisk.real(new FailAfter(0)), CLOCK, ANY_PAYLOAD);

    assertThatThrownBy(() -> failing.commit(utf8("never"))).isInstanceOf(IOException.class);

    assertThat(journal().read()).isEmpty();
  }

  @Test
  void aLeftoverTempFileFromACrashIsIgnored() throws Exception {
    journal().commit(utf8("kept"));
    Files.write(directory.resolve(Journal.TEMP_NAME), utf8("torn half of a snapsh"));

    assertThat(journal().read()).hasValueSatisfying(p -> assertThat(text(p)).isEqualTo("kept"));
  }

  @Test
  void aDamagedJournalIsRefusedRatherThanHalfRead() throws Exception {
    Journal journal = journal();
    journal.commit(utf8("payload that will be damaged"));
    byte[] bytes = Files.readAllBytes(journal.file());
    bytes[bytes.length - 1] ^= 0x55;
    Files.write(journal.file(), bytes);

    assertThatThrownBy(() -> journal().read())
        .isInstanceOf(Journal.DamagedException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void aDamagedJournalIsMovedAsideWithItsBytesBeforeTheNextCommit() throws Exception {
    byte[] damaged = damage(utf8("the state before the damage"));

    Journal reopened = journal();
    Journal.DamagedException refused =
        catchThrowableOfType(reopened::read, Journal.DamagedException.class);
    reopened.commit(utf8("the first state after"));

    Path kept = directory.resolve("journal.dat.corrupt-20260101T090000.000Z");
    assertThat(refused.keptAt()).isEqualTo(kept);
    assertThat(refused).hasMessageContaining("kept as " + kept.getFileName());
    assertThat(kept).hasBinaryContent(damaged);
    assertThat(journal().read())
        .hasValueSatisfying(p -> assertThat(text(p)).isEqualTo("the first state after"));
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
    journal().commit(utf8("from the future"));
    byte[] bytes = Files.readAllBytes(directory.resolve(Journal.FILE_NAME));
    ByteBuffer.wrap(bytes).putInt(4, Journal.FORMAT_VERSION + 1);
    Files.write(directory.resolve(Journal.FILE_NAME), bytes);

    assertThatThrownBy(() -> journal().read())
        .isInstanceOf(Journal.DamagedException.class)
        .hasMessageContaining("journal format 2 is not supported");
    assertThat(directory.resolve("journal.dat.corrupt-20260101T090000.000Z"))
        .hasBinaryContent(bytes);
  }

  @Test
  void aPayloadItsReaderRefusesIsDamageToo() throws Exception {
    journal().commit(utf8("{\"version\": 1, \"sessions\": null}"));

    assertThatThrownBy(() -> new Journal(directory).read())
        .isInstanceOf(Journal.DamagedException.class)
        .hasMessageContaining("nextTaskIds is missing")
        .hasMessageContaining("kept as journal.dat.corrupt-");
    assertThat(directory.resolve(Journal.FILE_NAME)).doesNotExist();
  }

  /** Commits {@code payload}, flips a bit of it on disk and returns the damaged file's bytes. */
  private byte[] damage(byte[] payload) throws IOException {
    journal().commit(payload);
    Path file = directory.resolve(Journal.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x55;
    Files.write(file, bytes);
    return bytes;
  }

  @Test
  void commitsCountUp() throws Exception {
    Journal journal = journal();
    journal.commit(utf8("one"));
    journal.commit(utf8("two"));

    Journal reopened = journal();
    assertThat(reopened.read()).hasValueSatisfying(p -> assertThat(text(p)).isEqualTo("two"));
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

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
