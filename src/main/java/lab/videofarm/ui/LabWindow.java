package lab.videofarm.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JSplitPane;
import javax.swing.KeyStroke;
import javax.swing.LayoutFocusTraversalPolicy;
import javax.swing.SwingUtilities;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.ui.device.DeviceActions;
import lab.videofarm.ui.device.DeviceControlsPanel;
import lab.videofarm.ui.phone.PhonePanel;
import lab.videofarm.ui.scene.SceneViews;
import lab.videofarm.ui.story.StoryPlayer;
import lab.videofarm.ui.timeline.TimelineFeed;
import lab.videofarm.ui.timeline.TimelineFileActions;
import lab.videofarm.ui.timeline.TimelinePanel;

/**
 * The instructor's window: the device and network toolbars on top, the phone on the left, the
 * object graph filling the middle, and the timeline beside the daemon inspector at the bottom. It
 * is built and shown before the phone exists ({@link #start} brings the phone up behind it); until
 * then the phone says it is starting and the controls are disabled. Build and use on the Swing
 * thread.
 */
public final class LabWindow extends JFrame {
  /** The default size where the screen has room for it: 1600 × 1000. */
  public static final Dimension DEFAULT_SIZE = new Dimension(1920, 1080);

  private static final double BOTTOM_WEIGHT = 0.55;
  private static final int LEAST_INSPECTOR_WIDTH = 240;

  private final WindowPrefs prefs;
  private final SceneView scene = newSceneView();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          work -> {
            Thread thread = new Thread(work, "window-worker");
            thread.setDaemon(true);
            return thread;
          });
  private final DeviceActions device;
  private final PhonePanel phone;
  private final DeviceControlsPanel controls;
  private final TimelinePanel timeline = new TimelinePanel(scene);
  private final TimelineFeed feed = new TimelineFeed(this::eventsArrived);
  private final TimelineFileActions files = new TimelineFileActions(timeline);
  private final JLabel status = new JLabel(" ");
  private final Appearance appearance;
  private final JSplitPane bottomSplit;
  private final JSplitPane centreSplit;
  private final JSplitPane mainSplit;
  private final StoryPlayer stories;
  private final EdtWatchdog watchdog = new EdtWatchdog(this::edtStalled);
  private volatile LabRuntime runtime;

  /** The views of the timeline; swapping the implementation is this one line. */
  private static SceneView newSceneView() {
    return new SceneViews();
  }

  public LabWindow(WindowPrefs prefs, Appearance appearance) {
    super("VideoFarm Lab");
    this.prefs = prefs;
    this.appearance = appearance;
    setName("window");
    // Rendering the SVG takes a while: after the window is shown, not before.
    SwingUtilities.invokeLater(
        () ->
            setIconImages(
                List.of(Icons.sized("app", 32).getImage(), Icons.sized("app", 64).getImage())));
    setDefaultCloseOperation(DISPOSE_ON_CLOSE);
    device = new DeviceActions(worker, this, this::wentHome);
    phone = new PhonePanel(this::appIconTapped);
    controls = new DeviceControlsPanel(device);
    bottomSplit =
        split("bottom", JSplitPane.HORIZONTAL_SPLIT, timeline, scene.inspector(), BOTTOM_WEIGHT);
    bottomSplit.setOneTouchExpandable(true);
    centreSplit = split("centre", JSplitPane.VERTICAL_SPLIT, scene.graph(), bottomSplit, 0.62);
    mainSplit = split("main", JSplitPane.HORIZONTAL_SPLIT, phone, centreSplit, 0);
    status.setName("status");
    status.setBorder(BorderFactory.createEmptyBorder(3, 8, 3, 8));
    add(controls, BorderLayout.NORTH);
    add(mainSplit, BorderLayout.CENTER);
    add(status, BorderLayout.SOUTH);
    stories = new StoryPlayer(timeline, this::showStatus, this);
    ViewActions view = new ViewActions(appearance, scene, this::zoomChanged);
    setJMenuBar(LabMenus.build(files, quitAction(), device, stories, view));
    addWindowListener(new RememberOnClose());
    setFocusTraversalPolicy(new TimelineFirst());
    showStatus("Starting the sample server and the phone…");
  }

  private JSplitPane split(
      String name, int orientation, Component first, Component second, double weight) {
    JSplitPane split = new JSplitPane(orientation, true, first, second);
    split.setName("split." + name);
    split.setResizeWeight(weight);
    split.setBorder(null);
    return split;
  }

  private Action quitAction() {
    Action quit =
        new AbstractAction("Quit") {
          @Override
          public void actionPerformed(ActionEvent event) {
            dispatchEvent(new WindowEvent(LabWindow.this, WindowEvent.WINDOW_CLOSING));
          }
        };
    quit.putValue(
        Action.ACCELERATOR_KEY,
        KeyStroke.getKeyStroke(
            KeyEvent.VK_Q, Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()));
    return quit;
  }

  /**
   * Sizes and places the window as last time, or to a sensible default on the screen it opens on.
   * Call after {@code pack}.
   */
  public void restoreLayout() {
    restoreLayout(GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds());
  }

  /**
   * Sizes and places the window as last time, or by default to {@link #DEFAULT_SIZE} or what of it
   * fits {@code screen} (the usable bounds of a screen), centred there. Call after {@code pack}.
   */
  public void restoreLayout(Rectangle screen) {
    setMinimumSize(new Dimension(900, 600));
    prefs
        .bounds()
        .ifPresentOrElse(
            this::setBounds,
            () -> {
              int width = Math.min(DEFAULT_SIZE.width, screen.width);
              int height = Math.min(DEFAULT_SIZE.height, screen.height);
              setBounds(
                  screen.x + (screen.width - width) / 2,
                  screen.y + (screen.height - height) / 2,
                  width,
                  height);
            });
    restoreSplit(mainSplit, "main");
    restoreSplit(centreSplit, "centre");
    if (!restoreSplit(bottomSplit, "bottom")) {
      timelineGetsATypicalRow();
    }
    showSecondaryViews(!appearance.isPresentation());
  }

  /**
   * By default the timeline is as wide as it needs to show a typical row whole, as far as that
   * leaves the inspector the width its columns need (its preferred width); the timeline never gets
   * less than {@link #BOTTOM_WEIGHT} of the width. Where the timeline would then be narrower than
   * its least useful width (a laptop's screen), the inspector starts folded away to the right, one
   * click on the divider's arrow from view, as in presentation mode. Later resizes share as the
   * split's weight says.
   */
  private void timelineGetsATypicalRow() {
    validate();
    int width = bottomSplit.getWidth() - bottomSplit.getDividerSize();
    int inspector = scene.inspector().getPreferredSize().width;
    int wanted = Math.min(timeline.preferredWidth(), width - inspector);
    wanted = Math.max(wanted, (int) (width * BOTTOM_WEIGHT));
    boolean bothFit = wanted >= timeline.leastWidth() && width - wanted >= LEAST_INSPECTOR_WIDTH;
    bottomSplit.setDividerLocation(bothFit ? wanted : width);
  }

  /**
   * Where the user left it, and true; otherwise false, and the split's resize weight shares the
   * space.
   */
  private boolean restoreSplit(JSplitPane split, String name) {
    int location = prefs.split(name);
    if (location > 0) {
      split.setDividerLocation(location);
    }
    return location > 0;
  }

  /** Starts the phone off the Swing thread; the window follows it once it is up. */
  public void start(Callable<LabRuntime> starter) {
    worker.execute(
        () -> {
          try {
            LabRuntime started = starter.call();
            SwingUtilities.invokeLater(() -> attach(started));
          } catch (Exception | LinkageError e) {
            SwingUtilities.invokeLater(() -> startFailed(e));
          }
        });
  }

  private void attach(LabRuntime started) {
    runtime = started;
    phone.attach(started);
    device.attach(started);
    feed.start(started.timeline());
    controls.showConditions(started.network().conditions());
    started
        .network()
        .addListener(
            (conditions, change) ->
                SwingUtilities.invokeLater(() -> controls.showConditions(conditions)));
    // Watched from here on: the stalls that matter are those while the story runs.
    SwingUtilities.invokeLater(watchdog::start);
    showStatus("Ready. Sample server at " + started.baseUrl() + "  ·  Launch the app with Ctrl+L");
  }

  private void startFailed(Throwable problem) {
    String why = UserMessages.describe(problem);
    phone.showMessage("The phone could not start", why);
    showStatus("Could not start: " + why);
  }

  /**
   * Presentation mode changed every size: the phone gets what it needs, and at the back of a room
   * the graph and the timeline matter more than the inspector's columns, so it steps aside.
   */
  private void zoomChanged() {
    boolean presenting = appearance.isPresentation();
    showSecondaryViews(!presenting);
    mainSplit.resetToPreferredSizes();
    centreSplit.setDividerLocation(presenting ? 0.75 : 0.62);
  }

  private void showSecondaryViews(boolean shown) {
    scene.inspector().setVisible(shown);
    controls.setCompact(!shown);
    bottomSplit.revalidate();
  }

  private void appIconTapped() {
    device.launch.actionPerformed(null);
  }

  private void wentHome() {
    phone.homePressed();
  }

  private void eventsArrived(List<TimelineEvent> batch) {
    timeline.appendLive(batch);
    phone.eventsArrived(batch);
  }

  private void edtStalled(long millis) {
    LabRuntime lab = runtime;
    if (lab != null) {
      lab.timeline()
          .post(
              Layer.DEVICE,
              TimelineEvent.NO_LAUNCH,
              "",
              TimelineEvent.NO_TASK,
              "main thread stalled",
              "the Swing thread (the app's main thread) did not respond for " + millis + " ms",
              TimelineEvent.Severity.WARNING);
    }
  }

  /** Waits until the phone and the server have stopped after the window closed. */
  public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
    return worker.awaitTermination(timeout, unit);
  }

  /**
   * An exception nobody caught, such as one thrown by the app's own button handler: told in one
   * sentence in the status line, and on the phone when it is a lesson's exercise not written yet.
   */
  public void uncaught(Thread thread, Throwable problem) {
    SwingUtilities.invokeLater(
        () -> {
          String text = UserMessages.describe(problem);
          if (UserMessages.isNotImplementedYet(problem)) {
            phone.showBanner(text);
            showStatus(text);
          } else {
            showStatus("Unexpected problem on " + thread.getName() + ": " + text);
          }
        });
  }

  public void showStatus(String text) {
    status.setText(text);
  }

  /** The phone and server, once started; null before. */
  public LabRuntime runtime() {
    return runtime;
  }

  public PhonePanel phone() {
    return phone;
  }

  public TimelinePanel timeline() {
    return timeline;
  }

  public TimelineFileActions timelineFiles() {
    return files;
  }

  public StoryPlayer stories() {
    return stories;
  }

  public DeviceActions deviceActions() {
    return device;
  }

  /**
   * The timeline table has the focus when the window opens, not the first field in the toolbar (the
   * KB/s spinner), where a digit typed for a shortcut would land; in the table the arrow keys step
   * through the events.
   */
  private final class TimelineFirst extends LayoutFocusTraversalPolicy {
    @Override
    public Component getInitialComponent(Window window) {
      return timeline.table();
    }
  }

  /** Remembers bounds and splits, then stops the watchdog, the feed, the phone and the server. */
  private final class RememberOnClose extends WindowAdapter {
    @Override
    public void windowClosed(WindowEvent event) {
      prefs.setBounds(getBounds());
      prefs.setSplit("main", mainSplit.getDividerLocation());
      prefs.setSplit("centre", centreSplit.getDividerLocation());
      prefs.setSplit("bottom", bottomSplit.getDividerLocation());
      watchdog.close();
      try {
        feed.close();
      } catch (Exception e) {
        // Nothing to tell: the window is gone.
      }
      LabRuntime lab = runtime;
      worker.execute(
          () -> {
            if (lab != null) {
              lab.close();
            }
          });
      worker.shutdown();
    }
  }
}
