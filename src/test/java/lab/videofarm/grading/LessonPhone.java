package lab.videofarm.grading;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.videofarm.app.AppCommands;
import lab.videofarm.app.VFMAPIClient;
import lab.videofarm.os.OperatingSystem;
import lab.videofarm.os.device.Device;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.server.SampleServer;
import lab.videofarm.story.VideoFarmPhone;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The phone a grader drives: the real sample server, the simulated OS, and the VideoFarm app built
 * from the student's code. Waits are short, and end early when the app reports "not implemented
 * yet" or crashes, so that grading an unfinished lesson stays fast and says why.
 */
final class LessonPhone implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration SETTLE = Duration.ofSeconds(2);

  private static final Pattern LESSON = Pattern.compile("Lesson (\\d+):");

  private final Lesson lesson;
  private final SampleServer server;
  private final OperatingSystem os;
  private final HttpClient http = HttpClient.newHttpClient();

  private LessonPhone(Path root, Lesson lesson, UnaryOperator<URI> appServer) throws Exception {
    this.lesson = lesson;
    server = SampleServer.builder().dataDirectory(root.resolve("server")).seed(false).build();
    URI base = server.start();
    os = OperatingSystem.start(root.resolve("phone"));
    os.device().install(VideoFarmPhone.bundle(appServer.apply(base)));
  }

  /** A phone whose app talks to the sample server, for the graders of {@code lesson}. */
  static LessonPhone start(Path root, Lesson lesson) throws Exception {
    return new LessonPhone(root, lesson, base -> base);
  }

  /** A phone whose app is configured with {@code appServer(base)} as its server's URL. */
  static LessonPhone startWithAppServer(Path root, Lesson lesson, UnaryOperator<URI> appServer)
      throws Exception {
    return new LessonPhone(root, lesson, appServer);
  }

  SampleServer server() {
    return server;
  }

  List<TimelineEvent> events() {
    return os.timeline().events();
  }

  /** The phone itself, for what the system and the user do to the app (kill, force quit, fetch). */
  Device device() {
    return os.device();
  }

  /** The app's container: its archives, {@code Library/Videos}, {@code Documents}. */
  Path container() {
    return os.device().containerDirectory(VideoFarmPhone.APP);
  }

  // ---- the user ----

  /**
   * Taps the icon; returns once the app has made its API client (the end of its launch), or has
   * stopped trying.
   */
  void launchApp() throws Exception {
    int launch = os.device().launchNumber(VideoFarmPhone.APP) + 1;
    os.device().launch(VideoFarmPhone.APP);
    await(
        event(Layer.DEVICE, "didFinishLaunching").and(e -> e.launch() == launch),
        "launch " + launch + " of the app to start");
    try {
      Awaitility.await()
          // A killed launch's threads may still throw; that is the old launch dying, not this one.
          .dontCatchUncaughtExceptions()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> hasClient() || events().stream().anyMatch(this::stops));
    } catch (ConditionTimeoutException e) {
      throw lesson.failure("the app to finish launching", lastWords());
    }
  }

  /** Whether the running launch has its {@code VFMAPIClient.sharedInstance()} yet. */
  private boolean hasClient() throws Exception {
    Optional<ClassLoader> loader = os.device().classLoader(VideoFarmPhone.APP);
    if (loader.isEmpty()) {
      return false;
    }
    try {
      Class.forName(VFMAPIClient.class.getName(), true, loader.get())
          .getMethod("sharedInstance")
          .invoke(null);
      return true;
    } catch (InvocationTargetException notYet) {
      return false;
    }
  }

  /** Terminates the app once its launch has settled (see {@link #settle}). */
  void terminateApp() throws Exception {
    settle();
    os.device().terminate(VideoFarmPhone.APP);
  }

  /**
   * Waits briefly for the launch's reconciliation, the last thing a launch does, so that a kill or
   * the end of a grader does not cut it short (its thread would die noisily in the killed launch's
   * closed class loader).
   */
  void settle() throws Exception {
    int launch = os.device().launchNumber(VideoFarmPhone.APP);
    CompletableFuture<TimelineEvent> settled = new CompletableFuture<>();
    Predicate<TimelineEvent> reconciled =
        event(Layer.APP, "reconciled")
            .or(e -> (e.what() + e.detail()).contains("not implemented yet"))
            .and(e -> e.launch() == launch);
    try (AutoCloseable subscription =
        os.timeline().subscribe(e -> complete(settled, reconciled, e))) {
      events().forEach(e -> complete(settled, reconciled, e));
      settled.get(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // A launch that never reconciles has nothing to cut short.
    }
  }

  /**
   * Presses one of the app's buttons ({@link AppCommands}) in the running launch, and waits for its
   * result; a {@link Failed} carries what the app answered when it failed instead.
   */
  Object command(String name, Object... args) throws Exception {
    ClassLoader loader =
        os.device()
            .classLoader(VideoFarmPhone.APP)
            .orElseThrow(() -> new IllegalStateException("the app is not running"));
    Method command = find(Class.forName(AppCommands.class.getName(), true, loader), name, args);
    CompletableFuture<Object> result =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return command.invoke(null, args);
              } catch (InvocationTargetException e) {
                return new Failed(e.getCause());
              } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
              }
            });
    try (Stop stop = new Stop()) {
      CompletableFuture.anyOf(result, stop.reason).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (stop.reason.isDone()) {
        return new Failed(new IllegalStateException(stop.reason.get()));
      }
      return result.get();
    } catch (TimeoutException e) {
      return new Failed(new TimeoutException("no answer within " + WAIT.toSeconds() + " s"));
    }
  }

  /** What a command ended with when it did not return normally. */
  record Failed(Throwable cause) {
    String describe() {
      return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
  }

  private static Method find(Class<?> commands, String name, Object[] args) {
    for (Method method : commands.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == args.length) {
        return method;
      }
    }
    throw new IllegalArgumentException("the app has no command " + name);
  }

  // ---- the timeline ----

  /** The first event matching, or empty when it did not come (or the app stopped first). */
  Optional<TimelineEvent> awaitOptional(Predicate<TimelineEvent> matching) throws Exception {
    CompletableFuture<TimelineEvent> found = new CompletableFuture<>();
    try (Stop stop = new Stop();
        AutoCloseable subscription = os.timeline().subscribe(e -> complete(found, matching, e))) {
      events().forEach(e -> complete(found, matching, e));
      CompletableFuture.anyOf(found, stop.reason).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      return found.isDone() ? Optional.of(found.get()) : Optional.empty();
    } catch (TimeoutException e) {
      return Optional.empty();
    }
  }

  /** The first event matching; a lesson failure that says what was awaited if it never came. */
  TimelineEvent await(Predicate<TimelineEvent> matching, String what) throws Exception {
    return awaitOptional(matching).orElseThrow(() -> lesson.failure(what, lastWords()));
  }

  private static void complete(
      CompletableFuture<TimelineEvent> found, Predicate<TimelineEvent> matching, TimelineEvent e) {
    if (matching.test(e)) {
      found.complete(e);
    }
  }

  /** What the app last said that matters: why it stopped, or its last event. */
  String lastWords() {
    List<TimelineEvent> all = events();
    return all.stream()
        .filter(this::stops)
        .findFirst()
        .map(e -> "the app reported: " + e.detail())
        .orElse(
            "nothing came within "
                + WAIT.toSeconds()
                + " s; the last event was "
                + (all.isEmpty() ? "none" : all.get(all.size() - 1)));
  }

  /**
   * In the app's current launch: a crash, or "not implemented yet" from this lesson or one before
   * it (which this lesson builds on). Waiting longer would not help. Later lessons' stubs do not
   * count: the app goes on without them.
   */
  boolean stops(TimelineEvent e) {
    return stops(e, os.device().launchNumber(VideoFarmPhone.APP));
  }

  /** As {@link #stops(TimelineEvent)}, in a launch known without asking the device. */
  private boolean stops(TimelineEvent e, int currentLaunch) {
    if (e.launch() != currentLaunch) {
      return false;
    }
    if (e.layer() == Layer.DEVICE && e.what().equals("crash")) {
      return true;
    }
    String said = e.what() + " " + e.detail();
    if (!said.toLowerCase(Locale.ROOT).contains("not implemented yet")) {
      return false;
    }
    Matcher which = LESSON.matcher(said);
    return !which.find() || Integer.parseInt(which.group(1)) <= lesson.number();
  }

  static Predicate<TimelineEvent> event(Layer layer, String what) {
    return VideoFarmPhone.event(layer, what);
  }

  /** Completes with the first stopping event's detail while open. */
  private final class Stop implements AutoCloseable {
    final CompletableFuture<String> reason = new CompletableFuture<>();

    /**
     * The newest launch the timeline has shown. Listeners run under the timeline's lock, so they
     * must not ask the device, whose lock is held by threads that post: they track it from the
     * events instead.
     */
    private final AtomicInteger newestLaunch = new AtomicInteger();

    private final AutoCloseable subscription =
        os.timeline()
            .subscribe(
                e -> {
                  if (stops(e, newestLaunch.accumulateAndGet(e.launch(), Math::max))) {
                    reason.complete(e.what() + ": " + e.detail());
                  }
                });

    Stop() {
      events().stream()
          .filter(LessonPhone.this::stops)
          .findFirst()
          .ifPresent(e -> reason.complete(e.what() + ": " + e.detail()));
    }

    @Override
    public void close() throws Exception {
      subscription.close();
    }
  }

  // ---- the server, as another device would use it ----

  /** Creates a video without a movie, as another phone would; returns its id. */
  String addVideo(String title) throws Exception {
    HttpEntity form =
        MultipartEntityBuilder.create()
            .addTextBody("title", title)
            .addTextBody("description", "added from another device")
            .addBinaryBody("thumbnail", VideoFarmPhone.png(), ContentType.IMAGE_PNG, "t.png")
            .build();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    form.writeTo(body);
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(server.baseUrl().resolve("videos"))
                .header("Content-Type", form.getContentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = reply.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** Creates a video whose movie is {@code movie}, as another phone would; returns its id. */
  String addVideoWithMovie(String title, byte[] movie) throws Exception {
    String id = addVideo(title);
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(server.baseUrl().resolve("videos/" + id + "/movie"))
                .header("Content-Type", "video/mp4")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(movie))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (put.statusCode() != 201) {
      throw new IllegalStateException(
          "the server did not take the movie: HTTP " + put.statusCode());
    }
    return id;
  }

  /**
   * What the server serves at {@code path} (such as {@code videos/7/movie}), or empty if not 200.
   */
  Optional<byte[]> serverFile(String path) throws Exception {
    HttpResponse<byte[]> reply =
        http.send(
            HttpRequest.newBuilder(server.baseUrl().resolve(path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return reply.statusCode() == 200 ? Optional.of(reply.body()) : Optional.empty();
  }

  @Override
  public void close() throws Exception {
    settle();
    os.close();
    server.close();
  }
}
