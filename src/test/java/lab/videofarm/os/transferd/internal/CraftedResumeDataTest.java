package lab.videofarm.os.transferd.internal;

import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lab.videofarm.os.clock.SystemClock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.transferd.DaemonConnection;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.SessionSpecs;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TransferDaemon;
import lab.videofarm.server.RecordedRequest;
import lab.videofarm.server.SampleServer;
import lab.videofarm.testing.SampleVideos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resume data written by hand, as a daemon killed at the wrong moment leaves it: the partial file
 * on disk disagrees with what the server has. Lives beside {@link ResumeData} so that the format
 * can stay internal.
 */
class CraftedResumeDataTest {
  @TempDir Path root;

  private final List<TaskEvent> events = new CopyOnWriteArrayList<>();
  private Path stateDirectory;
  private SystemClock clock;
  private SampleServer server;
  private SampleVideos videos;
  private TransferDaemon daemon;
  private DaemonConnection session;
  private Path downloaded;

  @BeforeEach
  void start() throws Exception {
    stateDirectory = root.resolve("daemon");
    clock = new SystemClock();
    Timeline timeline = new Timeline(clock);
    server = SampleServer.builder().dataDirectory(root.resolve("server")).seed(false).build();
    videos = new SampleVideos(server.start());
    daemon = new TransferDaemon(stateDirectory, new NetworkConditioner(timeline), clock, timeline);
    session = daemon.connect(SessionSpecs.background(), this::deliver);
  }

  @AfterEach
  void stop() {
    daemon.close();
    videos.close();
    server.close();
    clock.close();
  }

  @Test
  void aResumeBeyondTheEndFailsCleanlyInsteadOfWritingTheErrorBody() throws Exception {
    byte[] movie = randomBytes(100_000, 18);
    URI url = videos.videoWithMovie(movie);
    String name = "CFNetworkDownload_crafted.tmp";
    Files.write(downloads().resolve(name), randomBytes(movie.length + 10, 19));
    RequestInfo request = new RequestInfo("GET", url, List.of());
    byte[] resumeData =
        new ResumeData(
                url, movie.length + 10, movie.length, videos.etag(url), name, request, request)
            .encode();

    TaskEvent.DidComplete done = run(url, resumeData);

    assertThat(done.error().code()).isEqualTo(-1011);
    assertThat(done.error().resumeData()).isNull();
    assertThat(milestones()).containsExactly("DidComplete");
    assertThat(lastStatusOf(url)).isEqualTo(416);
    try (var left = Files.list(downloads())) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aResumeWhoseBytesAreAllOnDiskFinishesOnTheServers416() throws Exception {
    // What a daemon killed after the last byte reached the disk, but before the task completed,
    // finds on restart: the whole file, and a server that answers "bytes */N" to a Range from N.
    byte[] movie = randomBytes(100_000, 20);
    URI url = videos.videoWithMovie(movie);
    String name = "CFNetworkDownload_whole.tmp";
    Files.write(downloads().resolve(name), movie);
    RequestInfo request = new RequestInfo("GET", url, List.of());
    byte[] resumeData =
        new ResumeData(url, movie.length, movie.length, videos.etag(url), name, request, request)
            .encode();

    TaskEvent.DidComplete done = run(url, resumeData);

    assertThat(done.error()).isNull();
    assertThat(sha256(downloaded)).isEqualTo(sha256(movie));
    assertThat(milestones())
        .containsExactly("DidResumeAtOffset", "DidFinishDownloading", "DidComplete");
    assertThat(lastStatusOf(url)).isEqualTo(416);
  }

  private void deliver(TaskEvent event) throws IOException {
    if (event instanceof TaskEvent.DidFinishDownloading finished) {
      Path target = root.resolve("kept-" + finished.taskIdentifier());
      Files.move(finished.location(), target);
      downloaded = target;
    }
    events.add(event);
  }

  private TaskEvent.DidComplete run(URI url, byte[] resumeData) {
    long task =
        session.createTask(
            new TaskSpec(
                TaskKind.DOWNLOAD,
                new RequestInfo("GET", url, List.of()),
                null,
                resumeData,
                null,
                null));
    session.resume(task);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> events.stream().anyMatch(e -> e instanceof TaskEvent.DidComplete));
    return events.stream()
        .filter(TaskEvent.DidComplete.class::isInstance)
        .map(TaskEvent.DidComplete.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private List<String> milestones() {
    return events.stream()
        .filter(e -> !(e instanceof TaskEvent.DidReceiveData))
        .filter(e -> !(e instanceof TaskEvent.DidWriteData))
        .map(e -> e.getClass().getSimpleName())
        .toList();
  }

  private Path downloads() throws IOException {
    return Files.createDirectories(stateDirectory.resolve("downloads"));
  }

  private int lastStatusOf(URI url) {
    List<RecordedRequest> requests =
        server.requests().stream().filter(r -> r.path().equals(url.getRawPath())).toList();
    return requests.get(requests.size() - 1).status();
  }
}
