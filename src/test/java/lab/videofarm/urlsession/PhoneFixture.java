package lab.videofarm.urlsession;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import lab.videofarm.os.OperatingSystem;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.device.AppBundle;
import lab.videofarm.os.device.Device;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.server.RecordedRequest;
import lab.videofarm.server.SampleServer;
import lab.videofarm.testapp.TestAppDelegate;
import lab.videofarm.testing.SampleVideos;

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

  /** Another client of the server, for making videos and reading movies back. */
  final SampleVideos videos;

  PhoneFixture(Path root, Clock clock) throws IOException {
    server = SampleServer.builder().dataDirectory(root.resolve("server")).seed(false).build();
    base = server.start();
    videos = new SampleVideos(base);
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

  List<RecordedRequest> requestsTo(URI url) {
    return server.requests().stream().filter(r -> r.path().equals(url.getRawPath())).toList();
  }

  @Override
  public void close() {
    os.close();
    videos.close();
    server.close();
  }
}
