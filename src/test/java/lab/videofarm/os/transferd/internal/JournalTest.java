package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path directory;

  @Test
  void aFreshJournalIsEmpty() throws Exception {
    assertThat(new Journal(directory).read()).isEmpty();
  }

  @Test
  void aCommitSurvivesReopening() throws Exception {
    new Journal(directory).commit(utf8("first"));

    assertThat(new Journal(directory).read())
        .hasValueSatisfying(p -> assertThat(text(p)).isEqualTo("first"));
  }

  @Test
  void aWriteThatFailsHalfWayLeavesThePreviousSnapshotIntact() throws Exception {
    new Journal(directory).commit(utf8("before"));
    Journal failing = new Journal(directory, new FailAfter(30));

    assertThatThrownBy(() -> failing.commit(utf8("after, a much longer snapshot than before")))
        .isInstanceOf(IOException.class);

    assertThat(new Journal(directory).read())
        .hasValueSatisfying(p -> assertThat(text(p)).isEqualTo("before"));
    assertThat(directory.resolve(Journal.TEMP_NAME)).doesNotExist();
  }

  @Test
  void aWriteThatFailsOnTheFirstByteOfTheFirstCommitLeavesNoJournal() throws Exception {
    Journal failing = new Journal(directory, new FailAfter(0));

    assertThatThrownBy(() -> failing.commit(utf8("never"))).isInstanceOf(IOException.class);

    assertThat(new Journal(directory).read()).isEmpty();
  }

  @Test
  void aLeftoverTempFileFromACrashIsIgnored() throws Exception {
    new Journal(directory).commit(utf8("kept"));
    Files.write(directory.resolve(Journal.TEMP_NAME), utf8("torn half of a snapsh"));

    assertThat(new Journal(directory).read())
        .hasValueSatisfying(p -> assertThat(text(p)).isEqualTo("kept"));
  }

  @Test
  void aDamagedJournalIsRefusedRatherThanHalfRead() throws Exception {
    Journal journal = new Journal(directory);
    journal.commit(utf8("payload that will be damaged"));
    byte[] bytes = Files.readAllBytes(journal.file());
    bytes[bytes.length - 1] ^= 0x55;
    Files.write(journal.file(), bytes);

    assertThatThrownBy(() -> new Journal(directory).read())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void commitsCountUp() throws Exception {
    Journal journal = new Journal(directory);
    journal.commit(utf8("one"));
    journal.commit(utf8("two"));

    Journal reopened = new Journal(directory);
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
