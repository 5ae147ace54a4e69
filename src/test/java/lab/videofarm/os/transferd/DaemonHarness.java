package lab.videofarm.os.transferd;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.clock.SystemClock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.server.RecordedRequest;
import lab.videofarm.server.SampleServer;
import lab.videofarm.testing.SampleVideos;

/**
 * A real sample server, a daemon on a temp state directory, and the helpers the daemon tests share:
 * session and task specs, and videos with movies made over HTTP ({@link SampleVideos}).
 */
final class DaemonHarness implements AutoCloseable {
  static final String BUNDLE = "lab.videofarm.app";
  static final String IDENTIFIER = "lab.videofarm.background";

  final Path root;
  final Path stateDirectory;
  final SampleServer server;
  final URI base;
  final Clock clock;
  final Timeline timeline;
  final NetworkConditioner network;

  /** Another client of the server, for making videos and reading movies back. */
  final SampleVideos videos;

  TransferDaemon daemon;

  private DaemonHarness(Path root, Clock clock) throws IOException {
    this.root = root;
    this.stateDirectory = root.resolve("daemon");
    this.clock = clock;
    this.timeline = new Timeline(clock);
    this.network = new NetworkConditioner(timeline);
    this.server = SampleServer.builder().dataDirectory(root.resolve("server")).seed(false).build();
    this.base = server.start();
    this.videos = new SampleVideos(base);
    this.daemon = new TransferDaemon(stateDirectory, network, clock, timeline);
  }

  static DaemonHarness start(Path root) throws IOException {
    return new DaemonHarness(root, new SystemClock());
  }

  static DaemonHarness start(Path root, Clock clock) throws IOException {
    return new DaemonHarness(root, clock);
  }

  /** Closes the daemon and starts a new one on the same state directory. */
  TransferDaemon restartDaemon() {
    daemon.close();
    daemon = new TransferDaemon(stateDirectory, network, clock, timeline);
    return daemon;
  }

  RecordingSink sink(String name) {
    return new RecordingSink(root.resolve("app-" + name));
  }

  static SessionSpec background(int launch) {
    return background(IDENTIFIER, launch);
  }

  static SessionSpec background(String identifier, int launch) {
    return new SessionSpec(
        BUNDLE,
        launch,
        identifier,
        Duration.ofSeconds(60),
        Duration.ofDays(7),
        true,
        true,
        false,
        List.of());
  }

  static SessionSpec defaultSession(int launch, boolean waitsForConnectivity) {
    return new SessionSpec(
        BUNDLE,
        launch,
        null,
        Duration.ofSeconds(60),
        Duration.ofDays(7),
        waitsForConnectivity,
        false,
        false,
        List.of());
  }

  static SessionSpec withTimeouts(SessionSpec spec, Duration request, Duration resource) {
    return new SessionSpec(
        spec.bundleId(),
        spec.launch(),
        spec.identifier(),
        request,
        resource,
        spec.waitsForConnectivity(),
        spec.sessionSendsLaunchEvents(),
        spec.discretionary(),
        spec.additionalHeaders(),
        spec.httpMaximumConnectionsPerHost());
  }

  static SessionSpec withConnectionsPerHost(SessionSpec spec, int maximum) {
    return new SessionSpec(
        spec.bundleId(),
        spec.launch(),
        spec.identifier(),
        spec.timeoutIntervalForRequest(),
        spec.timeoutIntervalForResource(),
        spec.waitsForConnectivity(),
        spec.sessionSendsLaunchEvents(),
        spec.discretionary(),
        spec.additionalHeaders(),
        maximum);
  }

  static TaskSpec download(URI url) {
    return new TaskSpec(
        TaskKind.DOWNLOAD, new RequestInfo("GET", url, List.of()), null, null, null, null);
  }

  static TaskSpec resumeDownload(URI url, byte[] resumeData) {
    return new TaskSpec(
        TaskKind.DOWNLOAD, new RequestInfo("GET", url, List.of()), null, resumeData, null, null);
  }

  static TaskSpec uploadFile(URI url, Path file) {
    return new TaskSpec(
        TaskKind.UPLOAD,
        new RequestInfo("PUT", url, List.of(new HttpHeader("Content-Type", "video/mp4"))),
        new UploadBody.FromFile(file),
        null,
        null,
        null);
  }

  static TaskSpec data(URI url) {
    return new TaskSpec(
        TaskKind.DATA, new RequestInfo("GET", url, List.of()), null, null, null, null);
  }

  /**
   * Starts a download of {@code url} with the server throttled (so that it stays in flight) and
   * returns once {@code bytes} of it are written; the throttle stays on.
   */
  long throttledDownloadUnderWay(
      DaemonConnection session, RecordingSink sink, URI url, long bytes) {
    server.faults().throttleBytesPerSecond(200_000);
    long task = session.createTask(download(url));
    session.resume(task);
    sink.awaitBytesWritten(task, bytes);
    return task;
  }

  /** What happened, in order: each timeline event's {@code what}. */
  List<String> whats() {
    return timeline.events().stream().map(TimelineEvent::what).toList();
  }

  /** The details of every timeline event that says {@code what}, in order. */
  List<String> details(String what) {
    return timeline.events().stream()
        .filter(e -> e.what().equals(what))
        .map(TimelineEvent::detail)
        .toList();
  }

  /** The server's recorded exchanges for one path, in arrival order. */
  List<RecordedRequest> requestsTo(URI url) {
    return server.requests().stream().filter(r -> r.path().equals(url.getRawPath())).toList();
  }

  @Override
  public void close() {
    daemon.close();
    videos.close();
    server.close();
    if (clock instanceof SystemClock system) {
      system.close();
    }
  }
}
