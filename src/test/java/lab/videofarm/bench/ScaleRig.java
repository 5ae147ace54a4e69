package lab.videofarm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import lab.videofarm.os.clock.SystemClock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.transferd.DaemonConnection;
import lab.videofarm.os.transferd.DaemonEventSink;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TransferDaemon;
import lab.videofarm.testing.SampleVideos;

/**
 * What benchmarks 5 to 7 share: the sample server in a child JVM (so this process's CPU time is the
 * phone's: the daemon and an app that only counts), a throttled movie, and a transfer daemon on a
 * state directory of its own with one background session of N downloads.
 */
final class ScaleRig implements AutoCloseable {
  static final String BUNDLE = "lab.videofarm.bench";
  static final String IDENTIFIER = "lab.videofarm.bench.background";

  final Path root;
  final Path state;
  final URI movie;
  final SystemClock clock = new SystemClock();
  final Timeline timeline = new Timeline(clock);
  final NetworkConditioner network = new NetworkConditioner(timeline);
  final AtomicLong progressEvents = new AtomicLong();
  final Map<Long, Boolean> progressing = new ConcurrentHashMap<>();
  TransferDaemon daemon;
  DaemonConnection session;
  private final Process server;
  private final URI base;

  ScaleRig(Path root, long throttleBytesPerSecond) throws Exception {
    this.root = root;
    this.state = root.resolve("daemon");
    server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "lab.videofarm.server.SampleServerMain",
                "--port",
                "0",
                "--no-seed",
                "--data",
                root.resolve("server").toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    base = baseUrl(server);
    try (SampleVideos videos = new SampleVideos(base)) {
      movie = videos.videoWithMovie(new byte[64 * 1024 * 1024 / 16]);
    }
    faults("{\"throttleBytesPerSecond\": " + throttleBytesPerSecond + "}");
    daemon = new TransferDaemon(state, network, clock, timeline);
  }

  private static URI baseUrl(Process server) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("VideoFarm sample server at ")) {
        return URI.create(line.substring("VideoFarm sample server at ".length()).trim());
      }
    }
    throw new IOException("the sample server did not start");
  }

  private void faults(String json) throws Exception {
    HttpResponse<String> reply =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve("admin/faults"))
                    .PUT(HttpRequest.BodyPublishers.ofString(json))
                    .header("Content-Type", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (reply.statusCode() / 100 != 2) {
      throw new IOException("faults refused: " + reply.statusCode() + " " + reply.body());
    }
  }

  /** Apple's 6 unless {@code -Dbench.connectionsPerHost} says otherwise. */
  private static final int CONNECTIONS_PER_HOST =
      Integer.getInteger(
          "bench.connectionsPerHost", SessionSpec.DEFAULT_MAXIMUM_CONNECTIONS_PER_HOST);

  static SessionSpec background(int launch) {
    return new SessionSpec(
        BUNDLE,
        launch,
        IDENTIFIER,
        Duration.ofSeconds(60),
        Duration.ofDays(7),
        true,
        true,
        false,
        List.of(),
        CONNECTIONS_PER_HOST);
  }

  /** An app that counts progress and otherwise does nothing. */
  DaemonEventSink countingSink() {
    return event -> {
      if (event instanceof TaskEvent.DidWriteData written) {
        progressEvents.incrementAndGet();
        progressing.put(written.taskIdentifier(), true);
      }
    };
  }

  /** Connects launch {@code launch} and makes {@code count} downloads, resumed if {@code run}. */
  List<Long> downloads(int launch, int count, boolean run) throws Exception {
    session = daemon.connect(background(launch), countingSink());
    List<Long> tasks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long task =
          session.createTask(
              new TaskSpec(
                  TaskKind.DOWNLOAD,
                  new RequestInfo("GET", movie, List.of()),
                  null,
                  null,
                  null,
                  null));
      if (run) {
        session.resume(task);
      }
      tasks.add(task);
    }
    return tasks;
  }

  /** What the journal's files say at one moment: see {@link #journalBytesBetween}. */
  record JournalFiles(long baseSequence, long baseSize, long lastSequence, long logSize) {}

  /**
   * The journal's base (its header's sequence number, offset 8, and its size) and its log (the
   * sequence number of its last record, offset 8 of each, and its size).
   */
  JournalFiles journalFiles() throws IOException {
    Path base = state.resolve("journal.dat");
    Path log = state.resolve("journal.log");
    if (!Files.exists(base)) {
      return new JournalFiles(0, 0, 0, 0);
    }
    byte[] header = Files.readAllBytes(base);
    long baseSequence = ByteBuffer.wrap(header).getLong(8);
    byte[] records = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
    long last = baseSequence;
    ByteBuffer in = ByteBuffer.wrap(records);
    for (int at = 0; at + 16 <= records.length; at += 16 + in.getInt(at)) {
      last = Math.max(last, in.getLong(at + 8));
    }
    return new JournalFiles(baseSequence, header.length, last, records.length);
  }

  /**
   * The bytes the journal wrote between two looks: what its log grew by, or, when a compaction came
   * in between, the new base and log plus the old log grown to twice the old base (where the
   * compaction would have started it; an estimate, the files no longer say).
   */
  static long journalBytesBetween(JournalFiles before, JournalFiles after) {
    if (before.baseSequence() == after.baseSequence()) {
      return after.logSize() - before.logSize();
    }
    long oldLogRest = Math.max(0, 2 * before.baseSize() - before.logSize());
    return oldLogRest + after.baseSize() + after.logSize();
  }

  @Override
  public void close() throws Exception {
    if (session != null) {
      session.close();
    }
    daemon.close();
    clock.close();
    server.destroy();
    server.waitFor();
    TransferBench.deleteRecursively(root);
  }
}
