package lab.videofarm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes {@code BENCHMARKS.md}: the machine and its load, one table row per figure of the last run,
 * then the notes that explain the figures.
 *
 * <pre>
 * BenchmarksReport RESULTS_TSV OUTPUT_MD [LOAD_AT_START NOTES_MD]
 * </pre>
 */
public final class BenchmarksReport {
  private BenchmarksReport() {}

  public static void main(String[] args) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# Benchmarks");
    lines.add("");
    lines.add("Written by `bench/run` on " + LocalDate.now() + ". Machine: " + machine() + ".");
    if (args.length > 2) {
      lines.add(
          "Load average (1, 5, 15 min) at the start: "
              + args[2]
              + "; at the end: "
              + loadAverage()
              + " (the machine is shared with other builds).");
    }
    lines.add(
        "Every figure is set against a baseline measured in the same run on the same file; a"
            + " ratio of 1.00× or more means as good as the baseline.");
    lines.add("");
    lines.add("| benchmark | figure | baseline | ratio | target |");
    lines.add("|---|---|---|---|---|");
    for (String row : Files.readAllLines(Path.of(args[0]))) {
      lines.add("| " + String.join(" | ", row.split("\t")) + " |");
    }
    if (args.length > 3 && Files.isReadable(Path.of(args[3]))) {
      lines.add("");
      lines.addAll(Files.readAllLines(Path.of(args[3])));
    }
    Files.write(Path.of(args[1]), lines, StandardCharsets.UTF_8);
  }

  private static String loadAverage() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    if (!Files.isReadable(loadavg)) {
      return "unknown";
    }
    String[] fields = Files.readString(loadavg).trim().split(" ");
    return String.join(" ", Arrays.copyOf(fields, Math.min(3, fields.length)));
  }

  private static String machine() throws IOException {
    int cores = Runtime.getRuntime().availableProcessors();
    String cpu = "unknown CPU";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      cpu =
          Files.readAllLines(cpuinfo).stream()
              .filter(line -> line.startsWith("model name"))
              .map(line -> line.substring(line.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(cpu);
    }
    return cores
        + " cores ("
        + cpu
        + "), "
        + System.getProperty("os.name")
        + ", Java "
        + System.getProperty("java.version")
        + ", "
        + ManagementFactory.getOperatingSystemMXBean().getArch()
        + ", curl "
        + curlVersion();
  }

  private static String curlVersion() {
    try {
      Process curl = new ProcessBuilder("curl", "--version").start();
      try (InputStream out = curl.getInputStream()) {
        String first = new String(out.readAllBytes(), StandardCharsets.UTF_8).split("\n")[0];
        return first.split(" ").length > 1 ? first.split(" ")[1] : first;
      }
    } catch (IOException e) {
      return "missing";
    }
  }
}
