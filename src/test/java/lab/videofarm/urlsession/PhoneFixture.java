package lab.videofarm.urlsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import lab.videofarm.os.OperatingSystem;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.device.AppBundle;
import lab.videofarm.os.device.Device;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.server.RecordedRequest;
import lab.videofarm.server.SampleServer;
import lab.videofarm.testapp.TestAppDelegate;

/**
 * A phone (the real daemon and device) with the test app installed, and the real sample server.
 * Tests drive the app through its command methods and read what it did from the timeline.
 */
final class PhoneFixture implements AutoCloseable {
  static final String APP = TestAppDelegate.BUNDLE_ID;
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  final SampleServer server;
  final URI base;
  final OperatingSystem os;
  final Device device;
  private final HttpClient http = HttpClient.newHttpClient();

  PhoneFixture(Path root, Clock clock) throws IOException {
    server = SampleServer.builder().dataDirectory(root.resolve("server")).seed(false).build();
    base = server.start();
    os =
        clock == null
            ? OperatingSystem.start(root.resolve("phone"))
            : OperatingSystem.start(root.resolve("phone"), clock);
    device = os.device();
    device.install(AppBundle.of(APP, TestAppDelegate.class.getName(), "lab.videofarm.testapp."));
  }

  void behave(String... lines) throws IOException {
    Files.write(device.containerDirectory(APP).resolve("behaviour.properties"), List.of(lines));
  }

  /** Launches by a tap and waits until the app finished launching. */
  void launch() {
    int before = events(Layer.APP, "didFinishLaunching").size();
    device.launch(APP);
    await().atMost(TIMEOUT).until(() -> events(Layer.APP, "didFinishLaunching").size() > before);
  }

  /** Runs one of the test app's static commands inside the running launch, as its own code. */
  Object app(String command, Object... args) throws Exception {
    ClassLoader loader = device.classLoader(APP).orElseThrow();
    Class<?> type = Class.forName(TestAppDelegate.class.getName(), true, loader);
    for (Method method : type.getMethods()) {
      if (method.getName().equals(command) && method.getParameterCount() == args.length) {
        try {
          return method.invoke(null, args);
        } catch (InvocationTargetException e) {
          throw (Exception) e.getCause();
        }
      }
    }
    throw new IllegalArgumentException("no command " + command);
  }

  List<TimelineEvent> events(Layer layer, String what) {
    return os.timeline().events().stream()
        .filter(event -> event.layer() == layer && event.what().equals(what))
        .toList();
  }

  /** The app's report of {@code what} for one task in one launch. */
  List<TimelineEvent> appTaskEvents(String what, int launch, long task) {
    return events(Layer.APP, what).stream()
        .filter(event -> event.launch() == launch && event.taskId() == task)
        .toList();
  }

  TimelineEvent awaitEvent(Layer layer, String what, Predicate<TimelineEvent> matching) {
    await().atMost(TIMEOUT).until(() -> events(layer, what).stream().anyMatch(matching));
    return events(layer, what).stream().filter(matching).findFirst().orElseThrow();
  }

  /** Creates a video whose movie is {@code movie}; returns the movie's URL. */
  URI videoWithMovie(byte[] movie) throws Exception {
    URI url = movieUrl(createVideo("clip " + System.nanoTime()));
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(url)
                .header("Content-Type", "video/mp4")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(movie))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    return url;
  }

  /** Creates a video without a movie; returns its id. */
  String createVideo(String title) throws Exception {
    String boundary = "----vf" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "title", null, null, title.getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "description", null, null, "test".getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "thumbnail", "thumb.png", "image/png", png());
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(base.resolve("videos"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(303);
    return new ObjectMapper().readTree(reply.body()).get("id").asText();
  }

  URI movieUrl(String id) {
    return base.resolve("videos/" + id + "/movie");
  }

  byte[] fetch(URI url) throws Exception {
    HttpResponse<byte[]> reply =
        http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(reply.statusCode()).isEqualTo(200);
    return reply.body();
  }

  List<RecordedRequest> requestsTo(URI url) {
    return server.requests().stream().filter(r -> r.path().equals(url.getRawPath())).toList();
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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
    os.close();
    server.close();
  }
}
