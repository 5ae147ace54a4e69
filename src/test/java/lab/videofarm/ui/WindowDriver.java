package lab.videofarm.ui;

import static org.awaitility.Awaitility.await;

import java.awt.Component;
import java.awt.Container;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.ui.timeline.TimelinePanel;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;

/**
 * Drives the window as an instructor would, and the app inside it as a user would: the app's
 * buttons are pressed through {@code AppCommands} in the running launch's class loader (the app's
 * classes cannot be shared with a test). Everything is observed in the window.
 */
final class WindowDriver implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(45);

  final LabWindow window;
  final FrameFixture frame;
  final LabRuntime runtime;
  final WindowPrefs prefs;
  private boolean closed;

  private WindowDriver(
      LabWindow window, FrameFixture frame, LabRuntime runtime, WindowPrefs prefs) {
    this.prefs = prefs;
    this.window = window;
    this.frame = frame;
    this.runtime = runtime;
  }

  /** The window's size in tests and screenshots. */
  static final java.awt.Dimension SIZE = new java.awt.Dimension(1600, 1000);

  /** Opens the window with prefs of its own, on a phone and a seeded server under {@code root}. */
  static WindowDriver open(org.assertj.swing.core.Robot robot, Path root) {
    WindowPrefs prefs = new WindowPrefs(new MemoryPreferences());
    LabWindow window =
        GuiActionRunner.execute(
            () -> {
              Appearance appearance = new Appearance(prefs);
              appearance.install();
              LabWindow built = new LabWindow(prefs, appearance);
              built.pack();
              // Laid out as it opens on a screen of the size it is shown at.
              built.restoreLayout(new java.awt.Rectangle(0, 0, SIZE.width, SIZE.height));
              return built;
            });
    FrameFixture frame = new FrameFixture(robot, window);
    frame.show(SIZE);
    GuiActionRunner.execute(() -> window.start(() -> LabRuntime.start(root)));
    await().atMost(TIMEOUT).until(() -> window.runtime() != null);
    return new WindowDriver(window, frame, window.runtime(), prefs);
  }

  /** Presses one of the app's buttons: a static method of {@code AppCommands}, in the launch. */
  Object command(String name, Object... args) throws Exception {
    ClassLoader loader =
        runtime
            .device()
            .classLoader(LabRuntime.APP)
            .orElseThrow(() -> new IllegalStateException("the app is not running"));
    Class<?> commands = Class.forName("lab.videofarm.app.AppCommands", true, loader);
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

  /** Adds a video with a thumbnail and a movie of {@code size} random bytes, through the app. */
  String addVideoThroughTheApp(Path root, String title, int size) throws Exception {
    BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 160; x++) {
      for (int y = 0; y < 90; y++) {
        image.setRGB(x, y, (x * 255 / 160) << 16 | (y * 255 / 90) << 8 | 0x60);
      }
    }
    Path thumbnail = root.resolve(title + ".png");
    ImageIO.write(image, "png", thumbnail.toFile());
    String videoId = (String) command("prepareVideo", title, thumbnail.toString(), "from a test");
    byte[] movie = new byte[size];
    new Random(7).nextBytes(movie);
    Path file = runtime.device().containerDirectory(LabRuntime.APP).resolve("Documents/" + title);
    Files.createDirectories(file.getParent());
    Files.write(file, movie);
    long task = (Long) command("uploadVideo", file.toString(), videoId);
    awaitRow(event -> event.taskId() == task && event.what().equals("VideoUploadFinished"));
    return videoId;
  }

  /** Waits until the window's timeline table shows a row for an event matching. */
  TimelineEvent awaitRow(Predicate<TimelineEvent> matching) {
    List<TimelineEvent> found = new ArrayList<>();
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                GuiActionRunner.execute(
                    () -> {
                      rows().stream().filter(matching).findFirst().ifPresent(found::add);
                      return !found.isEmpty();
                    }));
    return found.get(0);
  }

  /** The events the timeline table shows, one per row. Swing thread only. */
  List<TimelineEvent> rows() {
    TimelinePanel panel = window.timeline();
    List<TimelineEvent> shown = new ArrayList<>();
    for (int row = 0; row < panel.table().getRowCount(); row++) {
      shown.add(panel.eventAt(row));
    }
    return shown;
  }

  /** Waits until the phone shows screen {@code name}. */
  void awaitPhoneShows(String name) {
    await()
        .atMost(TIMEOUT)
        .until(() -> GuiActionRunner.execute(() -> window.phone().shownScreen().equals(name)));
  }

  /** Renders the whole window, menu bar included, to {@code file}. */
  void renderTo(Path file) throws IOException {
    BufferedImage image =
        GuiActionRunner.execute(
            () -> {
              Container root = window.getRootPane();
              BufferedImage rendered =
                  new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
              java.awt.Graphics2D g = rendered.createGraphics();
              root.paintAll(g);
              g.dispose();
              return rendered;
            });
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  /** The first component named {@code name} under {@code root}, or null. */
  static Component find(Container root, String name) {
    for (Component child : root.getComponents()) {
      if (name.equals(child.getName())) {
        return child;
      }
      if (child instanceof Container container) {
        Component found = find(container, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  @Override
  public void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    frame.cleanUp();
    window.awaitStopped(20, java.util.concurrent.TimeUnit.SECONDS);
  }
}
