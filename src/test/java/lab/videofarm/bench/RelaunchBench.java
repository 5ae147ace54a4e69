package lab.videofarm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.videofarm.os.transferd.DaemonConnection;
import lab.videofarm.os.transferd.TransferDaemon;

/**
 * Benchmark 5: from a relaunch to every task relinked, that is the new launch connected to its
 * background session and holding the list of all its tasks (what {@code getAllTasks} answers), with
 * N throttled downloads in flight. Two relaunches: the app's (it died; the daemon ran on), and the
 * phone's (the daemon died too and starts again from its journal). Medians of {@code RUNS}.
 *
 * <pre>
 * RelaunchBench RUNS N...
 * </pre>
 *
 * The baseline is the same relaunch with no tasks, in the same run.
 */
public final class RelaunchBench {
  private static final long THROTTLE = 20_000;

  private RelaunchBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int runs = Integer.parseInt(args[0]);
    double[] baseline = measure(0, runs);
    for (int i = 1; i < args.length; i++) {
      int count = Integer.parseInt(args[i]);
      double[] figures = measure(count, runs);
      System.out.printf(
          "N=%d: app relaunch %.1f ms, daemon restart and relaunch %.1f ms%n",
          count, figures[0], figures[1]);
      Figures.report(
          "5. relaunch to " + count + " tasks relinked (daemon running)",
          figures[0],
          baseline[0],
          "ms",
          "no tasks",
          false,
          "< 250 ms at N=1000");
      Figures.report(
          "5. relaunch to " + count + " tasks relinked (daemon restarted from its journal)",
          figures[1],
          baseline[1],
          "ms",
          "no tasks",
          false,
          "< 250 ms at N=1000");
    }
    System.exit(0);
  }

  /** Median milliseconds of the app's relaunch, then of the daemon's restart and relaunch. */
  private static double[] measure(int count, int runs) throws Exception {
    Path root = Files.createTempDirectory("videofarm-bench-");
    try (ScaleRig rig = new ScaleRig(root, THROTTLE)) {
      rig.downloads(1, count, true);
      int launch = 1;
      double[] app = new double[runs];
      double[] daemon = new double[runs];
      for (int run = 0; run < runs; run++) {
        rig.session.close();
        long start = System.nanoTime();
        relink(rig, ++launch, count);
        app[run] = (System.nanoTime() - start) / 1e6;
      }
      for (int run = 0; run < runs; run++) {
        rig.session.close();
        rig.daemon.close();
        long start = System.nanoTime();
        rig.daemon = new TransferDaemon(rig.state, rig.network, rig.clock, rig.timeline);
        relink(rig, ++launch, count);
        daemon[run] = (System.nanoTime() - start) / 1e6;
      }
      return new double[] {Figures.median(app), Figures.median(daemon)};
    }
  }

  private static void relink(ScaleRig rig, int launch, int count) throws Exception {
    DaemonConnection session = rig.daemon.connect(ScaleRig.background(launch), rig.countingSink());
    rig.session = session;
    int relinked = session.allTasks().size();
    if (relinked != count) {
      throw new IllegalStateException("relinked " + relinked + " of " + count + " tasks");
    }
  }
}
