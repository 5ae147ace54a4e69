package lab.videofarm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.server.RecordedRequest;
import lab.videofarm.story.VideoFarmPhone;

/**
 * Benchmark 3: bytes the server sent twice when a download at full speed is interrupted half-way
 * and resumed, counted by the server. A pause and a force quit each produce resume data; what was
 * fetched before the interruption but not kept is fetched again. One row against a server whose
 * send buffer is the kernel's, one against a server with a bounded one ({@link ServerSendBuffer}).
 *
 * <pre>
 * RefetchBench pause|force-quit SIZE_MIB [RUNS]
 * </pre>
 *
 * The figure is the median of the runs. The server counts a write once it has completed, so a write
 * of its 32 KiB pieces that was cut half-way is not counted: a run may read up to 32 KiB low (even
 * below zero).
 */
public final class RefetchBench {
  private static final Pattern WRITTEN = Pattern.compile("(\\d+)/(\\d+)");
  private static final double LIMIT = 256 * 1024;

  private RefetchBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    String interruption = args[0];
    long size = BigFiles.mebibytes(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    for (ServerSendBuffer buffer : ServerSendBuffer.values()) {
      double[] samples = new double[runs];
      for (int run = 0; run < runs; run++) {
        samples[run] = fetchedTwice(interruption, size, buffer);
        System.out.printf(
            "run %d, %s, %s: %,.0f bytes sent twice%n",
            run + 1, interruption, buffer.label(), samples[run]);
      }
      double twice = Figures.median(samples);
      Figures.reportAgainstLimit(
          "3. bytes sent twice, "
              + interruption
              + " at 50% of "
              + args[1]
              + " MiB, full speed, "
              + buffer.label()
              + ", median of "
              + runs,
          twice,
          "bytes",
          LIMIT,
          "≤ 256 KiB");
    }
    System.exit(0);
  }

  /**
   * Downloads, interrupts half-way, resumes to the end; returns the bytes the server sent twice.
   */
  private static long fetchedTwice(String interruption, long size, ServerSendBuffer buffer)
      throws Exception {
    Path root = Files.createTempDirectory("videofarm-bench-");
    try (VideoFarmPhone phone = VideoFarmPhone.start(root, size + 1, buffer::configure)) {
      Path movie = BigFiles.random(root.resolve("movie.bin"), size, 11);
      String videoId = phone.addVideoWithMovie("refetch", movie);
      phone.launch();
      phone.command("downloadMovieAndThumbnail", videoId);
      phone.awaitEvent(event -> halfWritten(event, size));
      interrupt(phone, interruption, videoId);
      phone.command("resumeDownloads", videoId);
      phone.awaitEvent(
          event ->
              event.layer() == Layer.NOTIFICATION
                  && event.what().equals("VideoDownloadFinished")
                  && event.detail().startsWith(videoId));
      long sent =
          phone.server().requests().stream()
              .filter(request -> request.method().equals("GET"))
              .filter(request -> request.path().endsWith("/videos/" + videoId + "/movie"))
              .mapToLong(RecordedRequest::bodyBytesSent)
              .sum();
      return sent - size;
    } finally {
      TransferBench.deleteRecursively(root);
    }
  }

  private static void interrupt(VideoFarmPhone phone, String how, String videoId) throws Exception {
    switch (how) {
      case "pause" -> {
        phone.command("pauseDownloads", videoId);
        phone.awaitEvent(VideoFarmPhone.event(Layer.NOTIFICATION, "VideoDownloadPaused"));
      }
      case "force-quit" -> {
        phone.device().forceQuit(VideoFarmPhone.APP);
        phone.awaitEvent(VideoFarmPhone.event(Layer.DAEMON, "force quit"));
        phone.launch();
        phone.awaitEvent(VideoFarmPhone.event(Layer.NOTIFICATION, "VideoDownloadFailed"));
      }
      default -> throw new IllegalArgumentException("pause or force-quit, not " + how);
    }
  }

  private static boolean halfWritten(TimelineEvent event, long size) {
    if (event.layer() != Layer.DELEGATE || !event.what().equals("didWriteData")) {
      return false;
    }
    Matcher written = WRITTEN.matcher(event.detail());
    return written.find() && Long.parseLong(written.group(1)) >= size / 2;
  }
}
