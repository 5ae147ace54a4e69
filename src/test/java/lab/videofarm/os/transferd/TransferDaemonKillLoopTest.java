package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lab.videofarm.server.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM kill -9 loop: a daemon in a child JVM moves several downloads and uploads; the test kills
 * it at seeded random points, starts it again on the same state directory each time, and at the end
 * checks that every transfer completed byte-exact, the journal always loaded, and each kill cost a
 * download at most one checkpoint window fetched twice (bytes counted by the server).
 *
 * <p>{@code -Dfaults.kills=N} sets the number of kills (3 here, 20 in the {@code faults} profile),
 * {@code -Dfaults.seed=S} replays a run; the seed is printed.
 */
@Tag("faults")
class TransferDaemonKillLoopTest {
  static final int MOVIE = 1_200_000;
  static final int DOWNLOADS = 3;
  static final int UPLOADS = 2;

  /** What a killed download may fetch twice: the bytes between two checkpoints of its progress. */
  static final long CHECKPOINT_WINDOW = 256 * 1024;

  @TempDir Path root;
  DaemonHarness harness;
  final List<String> childOutput = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    harness = DaemonHarness.start(root);
    harness.daemon.close();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void everyTransferSurvivesRepeatedKillsByteExactWithAtMostOneWindowFetchedTwicePerKill()
      throws Exception {
    int kills = Integer.getInteger("faults.kills", 3);
    long seed = Long.getLong("faults.seed", System.nanoTime());
    System.out.println("kill -9 loop: " + kills + " kills, -Dfaults.seed=" + seed);
    Random random = new Random(seed);
    Map<URI, byte[]> downloads = new LinkedHashMap<>();
    Map<URI, byte[]> uploads = new LinkedHashMap<>();
    List<String> args = new ArrayList<>(List.of(harness.stateDirectory.toString()));
    for (int i = 0; i < DOWNLOADS; i++) {
      URI url = harness.videos.videoWithMovie(randomBytes(MOVIE, 700 + i));
      downloads.put(url, randomBytes(MOVIE, 700 + i));
      args.addAll(List.of("download", url.toString()));
    }
    for (int i = 0; i < UPLOADS; i++) {
      URI url = harness.videos.movieUrl(harness.videos.createVideo("upload " + i));
      Path file = root.resolve("upload-" + i + ".mp4");
      Files.write(file, randomBytes(MOVIE, 800 + i));
      uploads.put(url, randomBytes(MOVIE, 800 + i));
      args.addAll(List.of("upload", url.toString(), file.toString()));
    }
    // Slow enough that the transfers span the kills, so most kills land mid-transfer.
    harness.server.faults().throttleBytesPerSecond(Math.max(50_000, MOVIE * 2L / kills));

    for (int kill = 0; kill < kills; kill++) {
      killAtRandomPoint(args, kill == 0, 100 + random.nextInt(900));
    }
    harness.server.faults().throttleBytesPerSecond(0);

    assertThat(quarantinedJournals()).as("journals moved aside").isEmpty();
    harness.daemon =
        new TransferDaemon(
            harness.stateDirectory, harness.network, harness.clock, harness.timeline);
    RecordingSink app = harness.sink("after-kills");
    harness.daemon.connect(background(2), app);
    List<TaskSnapshot> tasks = harness.daemon.allTasks();
    assertThat(tasks).hasSize(DOWNLOADS + UPLOADS);
    for (TaskSnapshot task : tasks) {
      URI url = task.originalRequest().url();
      assertThat(app.awaitCompletion(task.taskIdentifier()).error()).as(url.toString()).isNull();
      if (task.kind() == TaskKind.DOWNLOAD) {
        assertThat(sha256(app.downloaded(task.taskIdentifier())))
            .as(url.toString())
            .isEqualTo(sha256(downloads.get(url)));
        assertThat(bytesSentTwice(url))
            .as(url.toString())
            .isLessThanOrEqualTo(kills * CHECKPOINT_WINDOW);
      } else {
        assertThat(sha256(harness.videos.fetch(url))).isEqualTo(sha256(uploads.get(url)));
      }
    }
  }

  private void killAtRandomPoint(List<String> args, boolean first, int delayMillis)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KillLoopProcess.class.getName()));
    command.addAll(args);
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> readLines(child, lines));
    reader.setDaemon(true);
    reader.start();
    try {
      String ready = first ? "CREATED" : "READY";
      await().atMost(Duration.ofSeconds(60)).until(() -> lines.contains(ready) || !child.isAlive());
      assertThat(child.isAlive()).as("the daemon started: %s", lines).isTrue();
      // The kill point itself: a random moment of the daemon's life, not a synchronisation.
      TimeUnit.MILLISECONDS.sleep(delayMillis);
      assertThat(child.isAlive()).as("the daemon is still running: %s", lines).isTrue();
    } finally {
      child.destroyForcibly();
      child.waitFor();
      reader.join(5_000);
      childOutput.addAll(lines);
    }
  }

  private static void readLines(Process child, List<String> lines) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
      }
    } catch (Exception killed) {
      // The child was killed mid-line.
    }
  }

  /** Body bytes the server sent for {@code url} beyond one copy of the movie. */
  private long bytesSentTwice(URI url) {
    long sent =
        harness.requestsTo(url).stream()
            .filter(r -> r.method().equals("GET"))
            .mapToLong(RecordedRequest::bodyBytesSent)
            .sum();
    return sent - MOVIE;
  }

  private List<Path> quarantinedJournals() throws Exception {
    try (Stream<Path> files = Files.list(harness.stateDirectory)) {
      return files.filter(f -> f.getFileName().toString().contains(".corrupt-")).toList();
    }
  }
}
