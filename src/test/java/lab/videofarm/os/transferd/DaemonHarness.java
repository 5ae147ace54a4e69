package lab.videofarm.os.transferd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.clock.SystemClock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.server.RecordedRequest;
import lab.videofarm.server.SampleServer;

/**
 * A real sample server, a daemon on a temp state directory, and the helpers the daemon tests share:
 * making videos with movies over HTTP, session specs, checksums.
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
  private final HttpClient http = HttpClient.newHttpClient();
  TransferDaemon daemon;

  private DaemonHarness(Path root, Clock clock) throws IOException {
    this.root = root;
    this.stateDirectory = root.resolve("daemon");
    this.clock = clock;
    this.timeline = new Timeline(clock);
    this.network = new NetworkConditioner(timeline);
    this.server = SampleServer.builder().dataDirectory(root.resolve("server")).seed(false).build();
    this.base = server.start();
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
        spec.additionalHeaders());
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

  /** Creates a video whose movie is {@code movie}; returns the movie's URL. */
  URI videoWithMovie(byte[] movie) throws Exception {
    String id = createVideo("clip " + System.nanoTime());
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(movieUrl(id))
                .header("Content-Type", "video/mp4")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(movie))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    return movieUrl(id);
  }

  /** Replaces a movie with new bytes, as another client would. */
  void replaceMovie(URI movieUrl, byte[] movie) throws Exception {
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(movieUrl)
                .header("Content-Type", "video/mp4")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(movie))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
  }

  /** A multipart body for {@code POST /videos}. */
  record Form(String contentType, byte[] body) {}

  static Form videoForm(String title) throws IOException {
    String boundary = "----vf" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "title", null, null, title.getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "description", null, null, "test".getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "thumbnail", "thumb.png", "image/png", png());
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Form("multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  /** The movie's current strong ETag. */
  String etag(URI movieUrl) throws Exception {
    HttpResponse<Void> reply =
        http.send(
            HttpRequest.newBuilder(movieUrl).header("Range", "bytes=0-0").build(),
            HttpResponse.BodyHandlers.discarding());
    return reply.headers().firstValue("ETag").orElseThrow();
  }

  /** Creates a video without a movie; returns its id. */
  String createVideo(String title) throws Exception {
    Form form = videoForm(title);
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(base.resolve("videos"))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(303);
    return new ObjectMapper().readTree(reply.body()).get("id").asText();
  }

  URI movieUrl(String id) {
    return base.resolve("videos/" + id + "/movie");
  }

  /** The bytes the server now holds as that movie. */
  byte[] fetch(URI url) throws Exception {
    HttpResponse<byte[]> reply =
        http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(reply.statusCode()).isEqualTo(200);
    return reply.body();
  }

  /** The server's recorded exchanges for one path, in arrival order. */
  List<RecordedRequest> requestsTo(URI url) {
    return server.requests().stream().filter(r -> r.path().equals(url.getRawPath())).toList();
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void part(
      ByteArrayOutputStream out,
      String boundary,
      String name,
      String fileName,
      String type,
      byte[] content)
      throws IOException {
    StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
    head.append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (fileName != null) {
      head.append("; filename=\"").append(fileName).append('"');
    }
    head.append("\r\n");
    if (type != null) {
      head.append("Content-Type: ").append(type).append("\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    out.write(content);
    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(16, 9, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Override
  public void close() {
    daemon.close();
    server.close();
    if (clock instanceof SystemClock system) {
      system.close();
    }
  }
}
