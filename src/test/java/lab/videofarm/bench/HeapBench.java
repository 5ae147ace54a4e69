package lab.videofarm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.story.VideoFarmPhone;

/**
 * Benchmark 4: heap retained after a download of 256 MiB against one of 1 GiB, each in a JVM of its
 * own limited to 64 MiB of heap. Streaming keeps the two equal; a body held in memory would not fit
 * at all.
 *
 * <pre>
 * HeapBench            runs both children and reports
 * HeapBench child MIB  one download, prints "RETAINED bytes"
 * </pre>
 */
public final class HeapBench {
  private HeapBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("child")) {
      child(BigFiles.mebibytes(args[1]));
      return;
    }
    long small = retainedAfter(256);
    long large = retainedAfter(1024);
    Figures.report(
        "4. heap retained after 1 GiB vs after 256 MiB (-Xmx64m)",
        large / 1e6,
        small / 1e6,
        "MB",
        "after 256 MiB",
        false,
        "flat: ≥ 0.90×");
  }

  private static long retainedAfter(int mebibytes) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx64m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    HeapBench.class.getName(),
                    "child",
                    Integer.toString(mebibytes)))
            .redirectErrorStream(true)
            .start();
    long retained = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        System.out.println("  [" + mebibytes + " MiB] " + line);
        if (line.startsWith("RETAINED ")) {
          retained = Long.parseLong(line.substring("RETAINED ".length()));
        }
      }
    }
    if (child.waitFor() != 0 || retained < 0) {
      throw new IOException("the " + mebibytes + " MiB download did not finish under -Xmx64m");
    }
    return retained;
  }

  private static void child(long size) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Path root = Files.createTempDirectory("videofarm-bench-");
    try (VideoFarmPhone phone = VideoFarmPhone.start(root, size + 1)) {
      Path movie = BigFiles.random(root.resolve("movie.bin"), size, 5);
      String videoId = phone.addVideoWithMovie("heap", movie);
      phone.launch();
      phone.command("downloadMovieAndThumbnail", videoId);
      phone.awaitEvent(
          event ->
              event.layer() == Layer.NOTIFICATION
                  && event.what().equals("VideoDownloadFinished")
                  && event.detail().startsWith(videoId));
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.println("RETAINED " + used);
    } finally {
      TransferBench.deleteRecursively(root);
    }
    System.exit(0);
  }
}
