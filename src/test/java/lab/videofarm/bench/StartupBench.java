package lab.videofarm.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Time to window: starts the lab's window in a fresh JVM {@code runs} times and reads how long
 * after the JVM's start the window was shown (the window says so on standard output), against a
 * bare JVM showing an empty frame in the same run. Needs a display ({@code xvfb-run} on a server).
 *
 * <p>Arguments: runs (default 5), then any JVM options for the window's JVM, such as {@code
 * -XX:SharedArchiveFile=target/lab.jsa}.
 */
public final class StartupBench {
  private static final Pattern SHOWN = Pattern.compile("window shown (\\d+) ms after start");
  private static final String LAB = "lab.videofarm.VideoFarmLab";

  private StartupBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<String> options = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
    Path workDir = Files.createTempDirectory("startup-bench");
    double[] lab = new double[runs];
    double[] empty = new double[runs];
    for (int i = 0; i < runs; i++) {
      // Interleaved, so a change in the machine's load touches both alike.
      empty[i] = timeToWindow(EmptyFrame.class.getName(), List.of(), workDir);
      lab[i] = timeToWindow(LAB, options, workDir);
      System.out.printf("run %d: window %.0f ms, empty frame %.0f ms%n", i + 1, lab[i], empty[i]);
    }
    String name = options.isEmpty() ? "startup" : "startup " + String.join(" ", options);
    Figures.report(
        name + " (time to window)",
        Figures.median(lab),
        Figures.median(empty),
        "ms",
        "empty JFrame",
        false,
        "< 2,000 ms");
  }

  /** This JVM's class path with absolute entries, as the child runs in another directory. */
  private static String absoluteClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * Starts {@code mainClass} in a new JVM and returns the milliseconds it reports; then stops it.
   */
  private static double timeToWindow(String mainClass, List<String> options, Path workDir)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.add("-cp");
    command.add(absoluteClassPath());
    command.add(mainClass);
    // Its own preferences and data: the bench must not change the user's window.
    command.add(1 + options.size(), "-Djava.util.prefs.userRoot=" + workDir.resolve("prefs"));
    Process process =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher shown = SHOWN.matcher(line);
        if (shown.find()) {
          return Double.parseDouble(shown.group(1));
        }
      }
      throw new IllegalStateException(mainClass + " ended without showing its window");
    } finally {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
