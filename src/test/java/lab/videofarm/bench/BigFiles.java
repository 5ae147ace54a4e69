package lab.videofarm.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Large files written in small pieces, so that a benchmark's own heap stays flat. */
final class BigFiles {
  private static final int CHUNK = 1024 * 1024;

  private BigFiles() {}

  /** Writes {@code size} pseudo-random bytes (incompressible, reproducible from {@code seed}). */
  static Path random(Path file, long size, long seed) throws IOException {
    Files.createDirectories(file.getParent());
    SplittableRandom random = new SplittableRandom(seed);
    byte[] chunk = new byte[CHUNK];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += CHUNK) {
        for (int i = 0; i < CHUNK; i += 8) {
          long bits = random.nextLong();
          for (int b = 0; b < 8; b++) {
            chunk[i + b] = (byte) (bits >>> (8 * b));
          }
        }
        out.write(chunk, 0, (int) Math.min(CHUNK, size - written));
      }
    }
    return file;
  }

  static long mebibytes(String text) {
    return Long.parseLong(text) * 1024 * 1024;
  }
}
