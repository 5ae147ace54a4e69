package lab.videofarm.ui.graph;

import java.util.Locale;

/** Byte counts as people read them. */
public final class Bytes {
  private Bytes() {}

  /** {@code 412 KB}, {@code 1.0 MB}. */
  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return (bytes / 1024) + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** {@code 412 KB / 1.0 MB}, or {@code 412 KB} while the size is unknown. */
  public static String progress(long bytes, long expected) {
    return expected < 0 ? format(bytes) : format(bytes) + " / " + format(expected);
  }
}
