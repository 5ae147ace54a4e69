package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadWriterTest {
  private static final int CHUNK = 256 * 1024;

  @TempDir Path root;

  @Test
  void durableLengthsFollowTheWritesInStepsAndNeverLagMoreThanTwoSteps() throws Exception {
    Path file = root.resolve("movie.tmp");
    List<Long> durable = new CopyOnWriteArrayList<>();
    long total = 2 * DownloadWriter.STEP + DownloadWriter.STEP / 2;
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    long largestLag = 0;
    try (DownloadWriter writer = new DownloadWriter(file, 0, durable::add)) {
      for (long at = 0; at < total; at += CHUNK) {
        writer.write(chunk.clear());
        long known = durable.isEmpty() ? 0 : durable.get(durable.size() - 1);
        largestLag = Math.max(largestLag, writer.written() - known);
      }
      writer.finish();
    }

    assertThat(durable).isSorted().hasSizeGreaterThan(1).last().isEqualTo(total);
    assertThat(largestLag).isLessThanOrEqualTo(2 * DownloadWriter.STEP + CHUNK);
    assertThat(Files.size(file)).isEqualTo(total);
  }

  @Test
  void continuingAtAnOffsetCutsOffWhatLayBeyondIt() throws Exception {
    Path file = root.resolve("movie.tmp");
    Files.write(file, new byte[1000]);
    List<Long> durable = new CopyOnWriteArrayList<>();

    try (DownloadWriter writer = new DownloadWriter(file, 600, durable::add)) {
      writer.write(ByteBuffer.wrap(new byte[100]));
      writer.finish();
    }

    assertThat(durable).containsExactly(700L);
    assertThat(Files.size(file)).isEqualTo(700);
  }
}
