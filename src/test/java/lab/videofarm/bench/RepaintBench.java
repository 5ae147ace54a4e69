package lab.videofarm.bench;

import java.awt.Component;
import java.awt.Container;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;
import lab.videofarm.testing.SampleVideos;
import lab.videofarm.ui.Appearance;
import lab.videofarm.ui.LabRuntime;
import lab.videofarm.ui.LabWindow;
import lab.videofarm.ui.MemoryPreferences;
import lab.videofarm.ui.PaintCounter;
import lab.videofarm.ui.WindowPrefs;

/**
 * Benchmark 7b: how often the real window paints while N throttled downloads run through the app
 * (each movie with its thumbnail, started with the app's own command), and how busy the Swing
 * thread is. Counted per view that shows progress (the timeline, the phone with the app's transfers
 * on screen, the object graph, the daemon inspector) and for the window as a whole, over a window
 * of seconds, first with the app idle (the baseline), then with N = 10, 100, 1000 in flight (each N
 * adds to the downloads already running). Needs a display ({@code xvfb-run} on a server).
 *
 * <pre>
 * RepaintBench WINDOW_SECONDS N...
 * </pre>
 */
public final class RepaintBench {
  /** Slow enough that a movie stays in flight for the whole run. */
  private static final long THROTTLE = 16_000;

  private static final int MOVIE_BYTES = 2 * 1024 * 1024;
  private static final int FRAMES_PER_SECOND = 30;
  private static final String[] VIEWS = {"timeline", "phone", "objectGraph", "daemonInspector"};

  /** Paints per second by name ("window" and each view), and the Swing thread's busy share. */
  private record Window(
      Map<String, Double> paintsPerSecond, double busyPercent, double cpuPercent) {
    double window() {
      return paintsPerSecond.get("window");
    }
  }

  private final PaintCounter paints = new PaintCounter();
  private final Path root;
  private final List<String> videoIds = new ArrayList<>();
  private LabWindow window;
  private BusyEventQueue queue;

  private RepaintBench(Path root) {
    this.root = root;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    double seconds = Double.parseDouble(args[0]);
    Path root = Files.createTempDirectory("videofarm-repaint-");
    RepaintBench bench = new RepaintBench(root);
    bench.open();
    bench.makeVideos(Integer.parseInt(args[args.length - 1]));
    bench.throttle();
    Window idle = bench.measure(seconds);
    print("idle", idle);
    Window first = null;
    int firstCount = 0;
    int running = 0;
    for (int i = 1; i < args.length; i++) {
      int count = Integer.parseInt(args[i]);
      bench.startDownloads(count - running);
      running = count;
      Window figures = bench.measure(seconds);
      print("N=" + running, figures);
      report(running, figures, idle, first, firstCount);
      if (first == null) {
        first = figures;
        firstCount = running;
      }
    }
    TransferBench.deleteRecursively(root);
    System.exit(0);
  }

  /**
   * Opens the window as {@code VideoFarmLab} does, with counters installed, and launches the app.
   */
  private void open() throws Exception {
    // Preferences of its own: the bench must not change the user's window.
    WindowPrefs prefs = new WindowPrefs(new MemoryPreferences());
    SwingUtilities.invokeAndWait(
        () -> {
          queue = BusyEventQueue.install();
          RepaintManager.setCurrentManager(paints);
          Appearance appearance = new Appearance(prefs);
          appearance.install();
          window = new LabWindow(prefs, appearance);
          window.pack();
          window.restoreLayout();
          window.setVisible(true);
          window.start(() -> LabRuntime.start(root.resolve("data")));
        });
    await("the phone to start", () -> window.runtime() != null);
    onSwingDo(() -> window.deviceActions().launch.actionPerformed(null));
    await("the app on screen", () -> onSwing(() -> window.phone().shownScreen().equals("app")));
    await("the app's screens", () -> onSwing(() -> showTransfersTab() != null));
    onSwingDo(
        () -> {
          for (String name : VIEWS) {
            paints.watch(name, (JComponent) find(window, name));
          }
          paints.watchScrolls(
              "timeline", ancestorScrollPane(window.timeline().table()).getViewport());
        });
  }

  private void throttle() {
    window.runtime().server().faults().throttleBytesPerSecond(THROTTLE);
  }

  /** Puts the app's Transfers tab on screen, where its progress bars are; null until it exists. */
  private JTabbedPane showTransfersTab() {
    Component app = find(window, "phone.app");
    JTabbedPane tabs = app == null ? null : first((Container) app, JTabbedPane.class);
    if (tabs != null) {
      tabs.setSelectedIndex(tabs.indexOfTab("Transfers"));
    }
    return tabs;
  }

  /**
   * Makes {@code count} videos with movies on the server, before the throttle (which slows uploads
   * too), for the app to download later.
   */
  private void makeVideos(int count) throws Exception {
    long start = System.nanoTime();
    byte[] movie = new byte[MOVIE_BYTES];
    try (SampleVideos videos = new SampleVideos(window.runtime().baseUrl())) {
      for (int i = 0; i < count; i++) {
        String path = videos.videoWithMovie(movie).getPath();
        videoIds.add(path.substring("/videos/".length(), path.length() - "/movie".length()));
      }
    }
    command("fetchVideos");
    System.out.printf("made %d videos in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
  }

  /**
   * Has the app download {@code count} more videos (each its movie and thumbnail), as a user
   * pressing Download would.
   */
  private void startDownloads(int count) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      command("downloadMovieAndThumbnail", videoIds.remove(0));
    }
    System.out.printf("started %d downloads in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
  }

  /** Presses one of the app's buttons: {@code AppCommands} in the running launch's loader. */
  private Object command(String name, Object... args) throws Exception {
    ClassLoader loader =
        window
            .runtime()
            .device()
            .classLoader(LabRuntime.APP)
            .orElseThrow(() -> new IllegalStateException("the app is not running"));
    Class<?> commands = Class.forName("lab.videofarm.app.AppCommands", true, loader);
    for (Method method : commands.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == args.length) {
        return method.invoke(null, args);
      }
    }
    throw new IllegalArgumentException("no command " + name);
  }

  /** Paints and the Swing thread's busy time over {@code seconds}, after a warm-up. */
  private Window measure(double seconds) throws Exception {
    Thread.sleep(3000); // warm-up: the new tasks' first events reach the views
    Map<String, Long> paintsBefore = paints.paints();
    long busyBefore = queue.busyNanos();
    long cpuBefore = queue.cpuNanos();
    long start = System.nanoTime();
    Thread.sleep((long) (seconds * 1000));
    double wall = (System.nanoTime() - start) / 1e9;
    long busy = queue.busyNanos() - busyBefore;
    long cpu = queue.cpuNanos() - cpuBefore;
    Map<String, Double> perSecond = new LinkedHashMap<>();
    paints
        .paints()
        .forEach((name, after) -> perSecond.put(name, (after - paintsBefore.get(name)) / wall));
    return new Window(perSecond, 100.0 * busy / 1e9 / wall, 100.0 * cpu / 1e9 / wall);
  }

  private static void print(String what, Window figures) {
    StringBuilder line = new StringBuilder(what + ":");
    figures
        .paintsPerSecond()
        .forEach((name, rate) -> line.append(String.format(Locale.ROOT, " %s %.1f/s", name, rate)));
    line.append(
        String.format(
            Locale.ROOT,
            ", Swing thread busy %.1f%% (CPU %.1f%%)",
            figures.busyPercent(),
            figures.cpuPercent()));
    System.out.println(line);
  }

  /**
   * One window's rows. A repaint rate set against the idle window's would read as a ratio far below
   * 1 however well it is coalesced, so these rows show the idle figure as their baseline and set
   * the figure against its limit; the per-task rate is set against the first N's.
   */
  private static void report(int count, Window figures, Window idle, Window first, int firstCount)
      throws Exception {
    String what = count + " throttled downloads in flight";
    row(
        "7b. window repaints per second, " + what,
        rate(figures.window()),
        "app idle " + rate(idle.window()),
        ofLimit(figures.window(), FRAMES_PER_SECOND, "/s"),
        "≤ " + FRAMES_PER_SECOND + "/s whatever N");
    String busiest = busiest(figures);
    row(
        "7b. paints per second by view, " + what,
        byView(figures),
        "app idle " + byView(idle),
        busiest + " " + ofLimit(figures.paintsPerSecond().get(busiest), FRAMES_PER_SECOND, "/s"),
        "≤ " + FRAMES_PER_SECOND + "/s per view");
    if (first != null) {
      Figures.report(
          "7b. window repaints per second per task, " + what,
          figures.window() / count,
          first.window() / firstCount,
          "/s",
          "N=" + firstCount,
          false,
          "falls as N grows");
    }
    row(
        "7b. Swing thread busy (wall time dispatching), " + what,
        percent(figures.busyPercent()),
        "app idle " + percent(idle.busyPercent()),
        ofLimit(figures.busyPercent(), 50, "%"),
        "< 50% at N=1000");
    row(
        "7b. Swing thread CPU, " + what,
        percent(figures.cpuPercent()) + " of a core",
        "app idle " + percent(idle.cpuPercent()),
        ofLimit(figures.cpuPercent(), 50, "%"),
        "< 50% at N=1000");
  }

  private static void row(String name, String figure, String baseline, String ratio, String target)
      throws Exception {
    String line = String.join("\t", name, figure, baseline, ratio, target);
    System.out.println("FIGURE\t" + line);
    Files.createDirectories(Figures.RESULTS.getParent());
    Files.writeString(
        Figures.RESULTS, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.1f /s", perSecond);
  }

  private static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f %%", value);
  }

  private static String ofLimit(double value, double limit, String unit) {
    return String.format(Locale.ROOT, "%.2f of limit %.0f%s", value / limit, limit, unit);
  }

  /** "timeline 25.9 · phone 4.4 · objectGraph 25.9 · daemonInspector 25.9 /s". */
  private static String byView(Window figures) {
    List<String> parts = new ArrayList<>();
    for (String name : VIEWS) {
      parts.add(String.format(Locale.ROOT, "%s %.1f", name, figures.paintsPerSecond().get(name)));
    }
    return String.join(" · ", parts) + " /s";
  }

  private static String busiest(Window figures) {
    String busiest = VIEWS[0];
    for (String name : VIEWS) {
      if (figures.paintsPerSecond().get(name) > figures.paintsPerSecond().get(busiest)) {
        busiest = name;
      }
    }
    return busiest;
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void await(String what, Check check) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  private interface SwingCall<T> {
    T call() throws Exception;
  }

  private static <T> T onSwing(SwingCall<T> call) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result.set(call.call());
          } catch (Exception e) {
            failure.set(e);
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }

  private static void onSwingDo(Runnable run) throws Exception {
    SwingUtilities.invokeAndWait(run);
  }

  private static JScrollPane ancestorScrollPane(Component component) {
    return (JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class, component);
  }

  private static Component find(Container root, String name) {
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

  private static <T> T first(Container root, Class<T> type) {
    for (Component child : root.getComponents()) {
      if (type.isInstance(child)) {
        return type.cast(child);
      }
      if (child instanceof Container container) {
        T found = first(container, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
