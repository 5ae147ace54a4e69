package lab.videofarm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a benchmark reports: one line per figure on standard output, and the same line appended to
 * {@code target/bench/results.tsv}, from which {@code bench/run} writes {@code BENCHMARKS.md}.
 *
 * <p>Every figure is set against a baseline measured in the same run on the same machine, so the
 * ratio means something even where the absolute figure depends on the machine.
 */
final class Figures {
  static final Path RESULTS = Path.of("target", "bench", "results.tsv");

  private Figures() {}

  /**
   * Reports {@code value} against {@code baseline}; {@code higherIsBetter} decides which way the
   * ratio reads, so that a ratio of 1.0 or more always means "as good as the baseline".
   */
  static void report(
      String name,
      double value,
      double baseline,
      String unit,
      String baselineName,
      boolean higherIsBetter,
      String target)
      throws IOException {
    double ratio = higherIsBetter ? value / baseline : baseline / value;
    String line =
        String.join(
            "\t",
            name,
            format(value) + " " + unit,
            baselineName + " " + format(baseline) + " " + unit,
            String.format(Locale.ROOT, "%.2f×", ratio),
            target);
    System.out.println("FIGURE\t" + line);
    Files.createDirectories(RESULTS.getParent());
    Files.writeString(RESULTS, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Reports a figure whose baseline is a target rather than a measurement (bytes, ms). */
  static void reportAgainstLimit(
      String name, double value, String unit, double limit, String target) throws IOException {
    String line =
        String.join(
            "\t",
            name,
            format(value) + " " + unit,
            "limit " + format(limit) + " " + unit,
            String.format(Locale.ROOT, "%.2f of limit", value / limit),
            target);
    System.out.println("FIGURE\t" + line);
    Files.createDirectories(RESULTS.getParent());
    Files.writeString(RESULTS, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  static double median(double[] samples) {
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static String format(double value) {
    return Math.abs(value) >= 100 || value == Math.rint(value)
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
