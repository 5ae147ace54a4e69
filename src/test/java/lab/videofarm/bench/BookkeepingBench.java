package lab.videofarm.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmarks 6 and 7: what the phone pays to keep the books while N downloads crawl along (the
 * server throttled), in one background session with Apple's 6 connections per host. Measured over a
 * window after a warm-up: this process's CPU time (the daemon, and an app that only counts; the
 * server runs in a child JVM), the journal's commits and the bytes it wrote (from its files: the
 * commit numbers of its base and log records, and how much its log grew), and the progress
 * callbacks the app got per transferring task.
 *
 * <pre>
 * BookkeepingBench bookkeeping|progress WINDOW_SECONDS N...
 * </pre>
 *
 * The first N is measured against no tasks at all; every later N against the first, so a ratio near
 * 1.00× says the cost does not grow with the number of tasks.
 */
public final class BookkeepingBench {
  /** Slow enough that a 4 MiB movie stays in flight for minutes. */
  private static final long THROTTLE = 20_000;

  private record Window(
      double cpuPercent, double commitsPerSecond, double journalBytesPerSecond, double callbacks) {}

  private BookkeepingBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    String mode = args[0];
    double window = Double.parseDouble(args[1]);
    Window idle = measure(0, window);
    report(mode, 0, idle, null, null);
    Window baseline = null;
    String baselineName = null;
    for (int i = 2; i < args.length; i++) {
      int count = Integer.parseInt(args[i]);
      Window figures = measure(count, window);
      System.out.printf(
          "N=%d: cpu %.2f%% of a core, %.2f commits/s, %.0f journal B/s, %.2f callbacks/s/task%n",
          count,
          figures.cpuPercent(),
          figures.commitsPerSecond(),
          figures.journalBytesPerSecond(),
          figures.callbacks());
      report(mode, count, figures, baseline, baselineName);
      if (i == 2) {
        baseline = figures;
        baselineName = "N=" + count;
      }
    }
    System.exit(0);
  }

  private static void report(
      String mode, int count, Window figures, Window baseline, String baselineName)
      throws Exception {
    String what = count == 0 ? "no tasks" : count + " throttled downloads in flight";
    if (mode.equals("progress")) {
      if (count == 0) {
        return;
      }
      Figures.reportAgainstLimit(
          "7. progress callbacks per second per transferring task, " + what,
          figures.callbacks(),
          "/s",
          1000.0 / 100,
          "≤ 10/s (one per 100 ms)");
      return;
    }
    String cpu = "6. bookkeeping CPU, " + what;
    String journal = "6. journal bytes written per second, " + what;
    String target = "< 10% of a core at N=1000";
    String bounded = "bounded, not N × time";
    if (baseline == null) {
      // The first figures stand against the limits; the rows without tasks are the baseline.
      Figures.reportAgainstLimit(cpu, figures.cpuPercent(), "% of a core", 10, target);
      Figures.reportAgainstLimit(
          journal, figures.journalBytesPerSecond(), "B/s", 256 * 1024, bounded);
      return;
    }
    Figures.report(
        cpu,
        figures.cpuPercent(),
        baseline.cpuPercent(),
        "% of a core",
        baselineName,
        false,
        target);
    Figures.report(
        journal,
        figures.journalBytesPerSecond(),
        baseline.journalBytesPerSecond(),
        "B/s",
        baselineName,
        false,
        bounded);
  }

  private static Window measure(int count, double seconds) throws Exception {
    Path root = Files.createTempDirectory("videofarm-bench-");
    try (ScaleRig rig = new ScaleRig(root, THROTTLE)) {
      List<Long> tasks = rig.downloads(1, count, true);
      Thread.sleep(3000); // warm-up: the first connections open, the first events go out
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      ScaleRig.JournalFiles journalBefore = rig.journalFiles();
      long eventsBefore = rig.progressEvents.get();
      rig.progressing.clear();
      long cpuBefore = os.getProcessCpuTime();
      long start = System.nanoTime();
      Thread.sleep((long) (seconds * 1000));
      long cpu = os.getProcessCpuTime() - cpuBefore;
      double wall = (System.nanoTime() - start) / 1e9;
      long events = rig.progressEvents.get() - eventsBefore;
      ScaleRig.JournalFiles journalAfter = rig.journalFiles();
      long commits = journalAfter.lastSequence() - journalBefore.lastSequence();
      int transferring = Math.max(1, rig.progressing.size());
      System.out.printf(
          "N=%d (%d tasks): %d of them reported progress in the window%n",
          count, tasks.size(), rig.progressing.size());
      return new Window(
          100.0 * cpu / 1e9 / wall,
          commits / wall,
          ScaleRig.journalBytesBetween(journalBefore, journalAfter) / wall,
          events / wall / transferring);
    }
  }
}
