package lab.videofarm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.story.VideoFarmPhone;

/**
 * Benchmarks 1 and 2: one movie through the whole stack — the app, its background session and the
 * transfer daemon — against {@code curl} moving the same file from the same server in the same run.
 *
 * <pre>
 * TransferBench download|upload SIZE_MIB RUNS
 * </pre>
 */
public final class TransferBench {
  /** What the daemon's first request of an upload from a file says (interop version 3). */
  private static final List<String> RESUMABLE_UPLOAD_HEADERS =
      List.of("-H", "Upload-Draft-Interop-Version: 3", "-H", "Upload-Incomplete: ?0");

  private TransferBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    String direction = args[0];
    long size = BigFiles.mebibytes(args[1]);
    int runs = Integer.parseInt(args[2]);
    Path root = Files.createTempDirectory("videofarm-bench-");
    try (VideoFarmPhone phone = VideoFarmPhone.start(root, size + 1)) {
      Path movie = BigFiles.random(root.resolve("movie.bin"), size, 7);
      phone.launch();
      if (direction.equals("download")) {
        download(phone, root, movie, size, runs);
      } else {
        upload(phone, root, movie, size, runs);
      }
    } finally {
      deleteRecursively(root);
    }
    System.exit(0);
  }

  private static void download(VideoFarmPhone phone, Path root, Path movie, long size, int runs)
      throws Exception {
    double[] curl = new double[runs];
    double[] curlSync = new double[runs];
    double[] stack = new double[runs];
    for (int run = 0; run < runs; run++) {
      String videoId = phone.addVideoWithMovie("bench " + run, movie);
      String url = phone.server().baseUrl().resolve("videos/" + videoId + "/movie").toString();
      Path copy = root.resolve("curl.bin");
      curl[run] = rate(size, seconds("curl", "-s", "-o", copy.toString(), url));
      Files.delete(copy);
      curlSync[run] =
          rate(size, seconds("sh", "-c", "curl -s -o '" + copy + "' '" + url + "' && sync"));
      Files.delete(copy);
      long start = System.nanoTime();
      phone.command("downloadMovieAndThumbnail", videoId);
      phone.awaitEvent(
          event ->
              event.layer() == Layer.NOTIFICATION
                  && event.what().equals("VideoDownloadFinished")
                  && event.detail().startsWith(videoId));
      stack[run] = rate(size, (System.nanoTime() - start) / 1e9);
      deleteLibrary(phone);
      System.out.printf(
          "run %d: curl %.0f MB/s, curl+sync %.0f MB/s, stack %.0f MB/s%n",
          run + 1, curl[run], curlSync[run], stack[run]);
    }
    String mib = size / (1024 * 1024) + " MiB";
    Figures.report(
        "1. download " + mib + " (app, session, daemon)",
        Figures.median(stack),
        Figures.median(curl),
        "MB/s",
        "curl -o",
        true,
        "≥ 0.90× curl -o");
    Figures.report(
        "1. download " + mib + " vs curl -o && sync",
        Figures.median(stack),
        Figures.median(curlSync),
        "MB/s",
        "curl -o && sync",
        true,
        "≥ 0.90×");
  }

  /**
   * The app's upload from a file announces a resumable upload (iOS 17 does), so the server takes
   * the draft's path for it; the second baseline sends curl's body with the same headers, so that
   * both do exactly the same work on the server. The order alternates between runs, so that neither
   * side always follows the other's disk writes.
   */
  private static void upload(VideoFarmPhone phone, Path root, Path movie, long size, int runs)
      throws Exception {
    double[] curl = new double[runs];
    double[] curlResumable = new double[runs];
    double[] stack = new double[runs];
    Path inContainer = phone.container().resolve("Documents/bench.bin");
    Files.createDirectories(inContainer.getParent());
    Files.copy(movie, inContainer);
    // One round that is not counted: the first upload of a JVM runs while the JIT compiles the
    // daemon's and the server's paths, which curl, compiled ahead of time, never waits for.
    System.out.printf(
        "warm-up (not counted): curl %.0f MB/s, stack %.0f MB/s%n",
        rate(size, curlUpload(phone, movie, RESUMABLE_UPLOAD_HEADERS)),
        rate(size, stackUpload(phone, inContainer, -1)));
    deleteLargeFiles(root.resolve("server"));
    for (int run = 0; run < runs; run++) {
      for (int turn = 0; turn < 3; turn++) {
        switch ((run + turn) % 3) {
          case 0 -> curl[run] = rate(size, curlUpload(phone, movie));
          case 1 ->
              curlResumable[run] = rate(size, curlUpload(phone, movie, RESUMABLE_UPLOAD_HEADERS));
          default -> stack[run] = rate(size, stackUpload(phone, inContainer, run));
        }
      }
      deleteLargeFiles(root.resolve("server"));
      System.out.printf(
          "run %d: curl %.0f MB/s, curl with the draft's headers %.0f MB/s, stack %.0f MB/s%n",
          run + 1, curl[run], curlResumable[run], stack[run]);
    }
    String name = "2. upload " + size / (1024 * 1024) + " MiB (app, session, daemon)";
    Figures.report(
        name,
        Figures.median(stack),
        Figures.median(curl),
        "MB/s",
        "curl -T",
        true,
        "≥ 0.95× curl -T");
    Figures.report(
        name + " vs the same resumable upload",
        Figures.median(stack),
        Figures.median(curlResumable),
        "MB/s",
        "curl -T with Upload-Draft-Interop-Version: 3",
        true,
        "≥ 0.95×");
  }

  private static double curlUpload(VideoFarmPhone phone, Path movie, List<String> headers)
      throws Exception {
    String videoId = phone.addVideo("curl");
    String url = phone.server().baseUrl().resolve("videos/" + videoId + "/movie").toString();
    List<String> command = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null"));
    command.addAll(List.of("-H", "Content-Type: video/mp4"));
    command.addAll(headers);
    command.addAll(List.of("-T", movie.toString(), url));
    return seconds(command.toArray(String[]::new));
  }

  private static double curlUpload(VideoFarmPhone phone, Path movie) throws Exception {
    return curlUpload(phone, movie, List.of());
  }

  private static double stackUpload(VideoFarmPhone phone, Path file, int run) throws Exception {
    String videoId = phone.addVideo("bench " + run);
    long start = System.nanoTime();
    phone.command("uploadVideo", file.toString(), videoId);
    phone.awaitEvent(
        event ->
            event.layer() == Layer.NOTIFICATION
                && event.what().equals("VideoUploadFinished")
                && event.detail().startsWith(videoId));
    return (System.nanoTime() - start) / 1e9;
  }

  private static double rate(long bytes, double seconds) {
    return bytes / 1e6 / seconds;
  }

  /** Runs a command to its end; returns how long it took. */
  static double seconds(String... command) throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).inheritIO().start();
    int exit = process.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IOException(List.of(command) + " exited with " + exit);
    }
    return seconds;
  }

  /** Frees the disk between runs: the app's library keeps every movie it downloads. */
  private static void deleteLibrary(VideoFarmPhone phone) throws IOException {
    deleteLargeFiles(phone.container());
  }

  /** Deletes the files of more than 1 MiB under {@code folder}: movies, not metadata. */
  private static void deleteLargeFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (Files.size(file) > 1024 * 1024) {
          Files.delete(file);
        }
      }
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
