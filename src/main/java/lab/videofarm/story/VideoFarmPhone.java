package lab.videofarm.story;

import com.google.common.eventbus.EventBus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import lab.videofarm.app.AppCommands;
import lab.videofarm.app.AppDelegate;
import lab.videofarm.app.VFMAPIClient;
import lab.videofarm.os.OperatingSystem;
import lab.videofarm.os.device.AppBundle;
import lab.videofarm.os.device.Device;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.server.SampleServer;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * A phone with the VideoFarm app installed, and a sample server for it, all under one directory:
 * what the stories run on, and what the app's end-to-end tests drive.
 *
 * <p>The app is driven from outside, as a user would: {@link #command} presses one of {@link
 * AppCommands}' buttons inside the running launch. The app is observed from outside too: on the
 * timeline, in its container, and on the server.
 */
public final class VideoFarmPhone implements AutoCloseable {
  public static final String APP = "lab.videofarm.VideoFarm";
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final SampleServer server;
  private final URI base;
  private final OperatingSystem os;
  private final HttpClient http = HttpClient.newHttpClient();

  private VideoFarmPhone(
      Path root,
      long maxUploadBytes,
      UnaryOperator<AppBundle> installed,
      UnaryOperator<SampleServer.Builder> configured)
      throws IOException {
    server =
        configured
            .apply(
                SampleServer.builder()
                    .dataDirectory(root.resolve("server"))
                    .seed(false)
                    .maxUploadBytes(maxUploadBytes))
            .build();
    base = server.start();
    os = OperatingSystem.start(root.resolve("phone"));
    os.device().install(installed.apply(bundle(base)));
  }

  /**
   * The VideoFarm app as installed on the phone, talking to {@code server}.
   *
   * <p>The app embeds its own copy of Guava's event bus, as an app embeds a framework: a framework
   * shared by every launch would keep each launch's subscriber classes in its static caches (Guava
   * issue 1837, "will not fix"), and a killed launch would never be collected.
   */
  public static AppBundle bundle(URI server) {
    AppBundle app = AppBundle.of(APP, AppDelegate.class.getName(), "lab.videofarm.app.");
    List<URL> classpath = new ArrayList<>(app.classpath());
    classpath.add(EventBus.class.getProtectionDomain().getCodeSource().getLocation());
    return new AppBundle(
        APP,
        AppDelegate.class.getName(),
        List.of("lab.videofarm.app.", "com.google.common.eventbus."),
        classpath,
        Map.of(VFMAPIClient.SERVER_URL_KEY, server.toString()));
  }

  /** Starts the server and the phone, and installs the app. */
  public static VideoFarmPhone start(Path root) throws IOException {
    return start(root, UnaryOperator.identity());
  }

  /**
   * Starts the server and the phone, and installs the app as {@code installed} changes its bundle:
   * for example with other classes first on its class path, as a student's build would have.
   */
  public static VideoFarmPhone start(Path root, UnaryOperator<AppBundle> installed)
      throws IOException {
    return new VideoFarmPhone(
        root, SampleServer.DEFAULT_MAX_UPLOAD_BYTES, installed, UnaryOperator.identity());
  }

  /** Starts the server, accepting movies of up to {@code maxUploadBytes}, and the phone. */
  public static VideoFarmPhone start(Path root, long maxUploadBytes) throws IOException {
    return start(root, maxUploadBytes, UnaryOperator.identity());
  }

  /**
   * Starts the server, accepting movies of up to {@code maxUploadBytes} and further configured by
   * {@code server} (for example its send buffer), and the phone.
   */
  public static VideoFarmPhone start(
      Path root, long maxUploadBytes, UnaryOperator<SampleServer.Builder> server)
      throws IOException {
    return new VideoFarmPhone(root, maxUploadBytes, UnaryOperator.identity(), server);
  }

  public SampleServer server() {
    return server;
  }

  public OperatingSystem os() {
    return os;
  }

  public Device device() {
    return os.device();
  }

  public Path container() {
    return device().containerDirectory(APP);
  }

  // ---- the user ----

  /** Taps the icon and waits until the app has created its background session. */
  public void launch() throws Exception {
    int launches = os.device().launchNumber(APP);
    device().launch(APP);
    awaitEvent(
        event ->
            event.layer() == Layer.APP
                && event.what().equals("reconciled")
                && event.launch() > launches);
  }

  /** Presses a button of the running launch: a static method of {@link AppCommands}. */
  public Object command(String name, Object... args) throws Exception {
    ClassLoader loader =
        device().classLoader(APP).orElseThrow(() -> new IllegalStateException("not running"));
    Class<?> commands = Class.forName(AppCommands.class.getName(), true, loader);
    for (Method method : commands.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == args.length) {
        try {
          return method.invoke(null, args);
        } catch (InvocationTargetException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    }
    throw new IllegalArgumentException("no command " + name);
  }

  // ---- the timeline ----

  public List<TimelineEvent> events() {
    return os.timeline().events();
  }

  /** The first event matching, waiting for it up to {@link #TIMEOUT} without polling. */
  public TimelineEvent awaitEvent(Predicate<TimelineEvent> matching) throws Exception {
    CompletableFuture<TimelineEvent> found = new CompletableFuture<>();
    try (AutoCloseable subscription =
        os.timeline()
            .subscribe(
                event -> {
                  if (matching.test(event)) {
                    found.complete(event);
                  }
                })) {
      events().stream().filter(matching).findFirst().ifPresent(found::complete);
      return found.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      List<TimelineEvent> all = events();
      throw new IllegalStateException(
          "timed out after "
              + TIMEOUT.toSeconds()
              + " s waiting for a timeline event; the last one was "
              + (all.isEmpty() ? "none" : all.get(all.size() - 1)),
          e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  public static Predicate<TimelineEvent> event(Layer layer, String what) {
    return event -> event.layer() == layer && event.what().equals(what);
  }

  // ---- the server, as another device would use it ----

  /** Creates a video whose movie is {@code movie}; returns its id. */
  public String addVideoWithMovie(String title, Path movie) throws Exception {
    String id = addVideo(title);
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(base.resolve("videos/" + id + "/movie"))
                .header("Content-Type", "video/mp4")
                .PUT(HttpRequest.BodyPublishers.ofFile(movie))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    check(put, 201);
    return id;
  }

  /** Creates a video without a movie; returns its id. */
  public String addVideo(String title) throws Exception {
    HttpEntity form =
        MultipartEntityBuilder.create()
            .addTextBody("title", title)
            .addTextBody("description", "added from another device")
            .addBinaryBody("thumbnail", png(), ContentType.IMAGE_PNG, "thumbnail.png")
            .build();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    form.writeTo(body);
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(base.resolve("videos"))
                .header("Content-Type", form.getContentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    check(reply, 303);
    String location = reply.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** The SHA-256 of a video's movie as the server serves it. */
  public String serverMovieSha256(String videoId) throws Exception {
    HttpResponse<InputStream> reply =
        http.send(
            HttpRequest.newBuilder(base.resolve("videos/" + videoId + "/movie")).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = reply.body()) {
      if (reply.statusCode() != 200) {
        throw new IOException("GET movie: HTTP " + reply.statusCode());
      }
      return sha256(in);
    }
  }

  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return sha256(in);
    }
  }

  private static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
        digesting.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file of {@code size} random bytes, for a movie. */
  public static Path randomFile(Path file, int size, long seed) throws IOException {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  /** A small PNG, for a thumbnail. */
  public static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(16, 9, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static void check(HttpResponse<String> reply, int expected) throws IOException {
    if (reply.statusCode() != expected) {
      throw new IOException("HTTP " + reply.statusCode() + ": " + reply.body());
    }
  }

  @Override
  public void close() {
    os.close();
    server.close();
  }
}
