package lab.videofarm.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import lab.videofarm.os.clock.SystemClock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.transferd.DaemonConnection;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TransferDaemon;
import lab.videofarm.server.RecordedRequest;
import lab.videofarm.story.VideoFarmPhone;

/**
 * Benchmark 3, JVM kill -9: a child JVM runs the transfer daemon downloading at full speed; the
 * parent kills it with SIGKILL half-way, starts a daemon on the same state directory, and counts
 * (on the server) the bytes sent twice. The next daemon continues from the length the journal
 * holds, which is never more than the bytes known durable: at most one checkpoint window.
 *
 * <pre>
 * KillBench SIZE_MIB             runs the child, kills it, restarts, reports
 * KillBench child STATE URL      the daemon: prints TASK id and WRITTEN n until killed
 * </pre>
 */
public final class KillBench {
  private static final String BUNDLE = "lab.videofarm.bench";
  private static final String IDENTIFIER = "bench.kill";

  /**
   * What a kill may cost: the journal counts only bytes known durable, which trail the bytes
   * written by at most two flush steps; the server also counts what sat in socket buffers.
   */
  private static final double WINDOW = 2 * 16 * 1024 * 1024 + 4 * 1024 * 1024;

  private KillBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    if (args[0].equals("child")) {
      child(Path.of(args[1]), URI.create(args[2]));
      return;
    }
    long size = BigFiles.mebibytes(args[0]);
    for (ServerSendBuffer buffer : ServerSendBuffer.values()) {
      Figures.reportAgainstLimit(
          "3. bytes sent twice, JVM kill -9 at 50% of "
              + args[0]
              + " MiB, full speed, "
              + buffer.label(),
          fetchedTwice(size, buffer),
          "bytes",
          WINDOW,
          "≤ one checkpoint window: 2 × 16 MiB flush steps + 4 MiB of socket buffers");
    }
    System.exit(0);
  }

  private static long fetchedTwice(long size, ServerSendBuffer buffer) throws Exception {
    Path root = Files.createTempDirectory("videofarm-bench-");
    try (VideoFarmPhone phone = VideoFarmPhone.start(root, size + 1, buffer::configure)) {
      Path movie = BigFiles.random(root.resolve("movie.bin"), size, 13);
      String videoId = phone.addVideoWithMovie("kill", movie);
      URI url = phone.server().baseUrl().resolve("videos/" + videoId + "/movie");
      Path state = root.resolve("daemon");
      long task = killHalfWay(state, url, size);
      finishAfterRestart(state, task);
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

  /** Runs the child until it has written half the file, then kills it; returns its task id. */
  private static long killHalfWay(Path state, URI url, long size) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    KillBench.class.getName(),
                    "child",
                    state.toString(),
                    url.toString()))
            .redirectErrorStream(true)
            .start();
    long task = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("TASK ")) {
          task = Long.parseLong(line.substring(5).trim());
        } else if (line.startsWith("WRITTEN ")
            && Long.parseLong(line.substring(8).trim()) >= size / 2) {
          break;
        }
      }
    } finally {
      // Process.destroyForcibly is SIGKILL on Linux: no shutdown hook, no final journal write.
      child.destroyForcibly();
      child.waitFor();
    }
    if (task < 0) {
      throw new IllegalStateException("the child daemon never started its download");
    }
    return task;
  }

  private static void finishAfterRestart(Path state, long task) throws Exception {
    SystemClock clock = new SystemClock();
    Timeline timeline = new Timeline(clock);
    CountDownLatch done = new CountDownLatch(1);
    AtomicReference<TaskEvent.DidComplete> completion = new AtomicReference<>();
    try (TransferDaemon daemon =
        new TransferDaemon(state, new NetworkConditioner(timeline), clock, timeline)) {
      DaemonConnection session =
          daemon.connect(
              session(2),
              event -> {
                if (event instanceof TaskEvent.DidComplete complete
                    && complete.taskIdentifier() == task) {
                  completion.set(complete);
                  done.countDown();
                }
              });
      if (!done.await(10, TimeUnit.MINUTES) || completion.get().error() != null) {
        throw new IllegalStateException("the restarted daemon did not finish: " + completion);
      }
      session.close();
    }
  }

  private static void child(Path state, URI url) throws Exception {
    SystemClock clock = new SystemClock();
    Timeline timeline = new Timeline(clock);
    TransferDaemon daemon =
        new TransferDaemon(state, new NetworkConditioner(timeline), clock, timeline);
    DaemonConnection session =
        daemon.connect(
            session(1),
            event -> {
              if (event instanceof TaskEvent.DidWriteData data) {
                System.out.println("WRITTEN " + data.totalBytesWritten());
                System.out.flush();
              }
            });
    long task =
        session.createTask(
            new TaskSpec(
                TaskKind.DOWNLOAD, new RequestInfo("GET", url, List.of()), null, null, null, null));
    System.out.println("TASK " + task);
    System.out.flush();
    session.resume(task);
    Thread.currentThread().join();
  }

  private static SessionSpec session(int launch) {
    return new SessionSpec(
        BUNDLE,
        launch,
        IDENTIFIER,
        Duration.ofSeconds(60),
        Duration.ofDays(7),
        true,
        true,
        false,
        List.of());
  }
}
