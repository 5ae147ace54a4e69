package lab.videofarm.ui.phone;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Component;
import java.util.List;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import lab.videofarm.os.AppState;
import lab.videofarm.os.net.NetworkConditions;
import lab.videofarm.os.net.NetworkPreset;
import lab.videofarm.os.process.AppProcess;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.uikit.ApplicationDelegate;
import lab.videofarm.ui.LabRuntime;
import lab.videofarm.ui.UserMessages;

/**
 * The phone on the left: a status bar (launch, app state, network) over the screen. While the app
 * runs in the foreground the screen is the app's own root view, asked of the launch's delegate; the
 * view belongs to that launch and is dropped when it dies. In the background or suspended the home
 * screen shows; after a kill, an empty "not running" screen.
 *
 * <p>Everything here runs on the Swing thread, which is also the app's main thread.
 */
public final class PhonePanel extends JPanel {
  static final String STARTING = "starting";
  static final String HOME = "home";
  static final String APP = "app";
  static final String NOT_RUNNING = "notRunning";
  static final String PROBLEM = "problem";
  private static final int BANNER_MILLIS = 8_000;

  private final CardLayout cards = new CardLayout();
  private final JPanel screen = new JPanel(cards);
  private final JPanel appHolder = new JPanel(new BorderLayout());
  private final JLabel launchLabel = statusLabel("phone.status.launch");
  private final JLabel stateLabel = statusLabel("phone.status.state");
  private final JLabel networkLabel = statusLabel("phone.status.network");
  private final JLabel whyNotRunning = new JLabel(" ");
  private final JLabel messageTitle = new JLabel();
  private final JTextArea messageBody = new JTextArea();
  private final JTextArea banner = new JTextArea();
  private final Timer bannerTimer = new Timer(BANNER_MILLIS, event -> banner.setVisible(false));

  private LabRuntime runtime;
  private String shown = STARTING;

  /** The launch whose view is on the phone, or 0. */
  private int attachedLaunch;

  /** Set by Home while the app is not running, so the home screen replaces the empty one. */
  private boolean homeAfterKill;

  /** The app's code said it is not written yet (a lesson's exercise): shown instead of empty. */
  private String notImplemented;

  public PhonePanel(Runnable launchApp) {
    super(new FitLayout());
    setName("phone");
    setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
    appHolder.setName("phone.app");
    screen.setName("phone.screen");
    screen.add(PhoneScreens.message("phone.starting", messageTitle, messageBody), STARTING);
    screen.add(PhoneScreens.home(launchApp), HOME);
    screen.add(appHolder, APP);
    screen.add(PhoneScreens.notRunning(whyNotRunning), NOT_RUNNING);
    JPanel display = new JPanel(new BorderLayout());
    display.add(statusBar(), BorderLayout.NORTH);
    display.add(screen, BorderLayout.CENTER);
    display.add(banner(), BorderLayout.SOUTH);
    add(new PhoneBezel(display));
    showMessage("Starting the phone…", "Starting the sample server and the simulated phone.");
  }

  private JPanel statusBar() {
    JPanel bar = new JPanel(new BorderLayout());
    bar.setName("phone.status");
    bar.setBackground(Color.BLACK);
    bar.setBorder(BorderFactory.createEmptyBorder(3, 10, 3, 10));
    bar.add(launchLabel, BorderLayout.WEST);
    bar.add(stateLabel, BorderLayout.CENTER);
    bar.add(networkLabel, BorderLayout.EAST);
    stateLabel.setHorizontalAlignment(JLabel.CENTER);
    return bar;
  }

  private JTextArea banner() {
    banner.setName("phone.banner");
    banner.setEditable(false);
    banner.setLineWrap(true);
    banner.setWrapStyleWord(true);
    banner.setBackground(new Color(0xFFF4CE));
    banner.setForeground(new Color(0x3A2F00));
    banner.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
    banner.setVisible(false);
    bannerTimer.setRepeats(false);
    return banner;
  }

  /** A note over the bottom of the screen for a few seconds, like an iOS banner. */
  public void showBanner(String text) {
    banner.setText(text);
    banner.setVisible(true);
    revalidate();
    bannerTimer.restart();
  }

  private static JLabel statusLabel(String name) {
    JLabel label = new JLabel(" ");
    label.setName(name);
    label.setForeground(Color.WHITE);
    label.putClientProperty(FlatClientProperties.STYLE, "font: bold");
    return label;
  }

  /** While the phone starts, or when it could not: says what is going on. */
  public void showMessage(String title, String body) {
    messageTitle.setText(title);
    messageBody.setText(body);
    show(STARTING);
  }

  /** The phone is up: from now on the screen follows the device. */
  public void attach(LabRuntime runtime) {
    this.runtime = runtime;
    runtime.timeline().subscribe(this::seenOnPostingThread);
    refresh();
  }

  /**
   * Runs on the thread that posted {@code event}, under the timeline's lock. A launch posts
   * "didFinishLaunching" on the main thread just before the app's code runs; the view is asked for
   * right after, before any notification the launch posts can reach the main thread, so the app's
   * screens hear all of them, also in a background launch.
   */
  private void seenOnPostingThread(TimelineEvent event) {
    if (event.layer() == Layer.DEVICE && event.what().equals("didFinishLaunching")) {
      SwingUtilities.invokeLater(this::refresh);
    }
  }

  /** New timeline events: the ones that change the phone are looked at, then the phone redrawn. */
  public void eventsArrived(List<TimelineEvent> batch) {
    boolean changed = false;
    for (TimelineEvent event : batch) {
      if (event.layer() == Layer.DEVICE || event.layer() == Layer.NETWORK) {
        changed = true;
        remember(event);
      }
    }
    if (changed && runtime != null) {
      refresh();
    }
  }

  private void remember(TimelineEvent event) {
    if (event.what().equals("appState") && event.detail().contains("-> NOT_RUNNING")) {
      int open = event.detail().lastIndexOf('(');
      String why =
          open < 0 ? "" : event.detail().substring(open + 1, event.detail().length() - 1).trim();
      whyNotRunning.setText("launch #" + event.launch() + " ended: " + why);
      homeAfterKill = false;
    } else if (event.what().equals("crash")
        && event.detail().startsWith(UserMessages.NOT_IMPLEMENTED_YET_NAME)) {
      notImplemented =
          event.detail().substring(UserMessages.NOT_IMPLEMENTED_YET_NAME.length()).trim();
      if (notImplemented.startsWith(":")) {
        notImplemented = notImplemented.substring(1).trim();
      }
    } else if (event.what().equals("launch")) {
      notImplemented = null;
    }
  }

  /** The user pressed Home. */
  public void homePressed() {
    homeAfterKill = true;
    refresh();
  }

  /** Brings the phone in line with the device: the screen, the launch's view, the status bar. */
  public void refresh() {
    if (runtime == null) {
      return;
    }
    AppState state = runtime.device().state(LabRuntime.APP);
    int launch = runtime.device().launchNumber(LabRuntime.APP);
    Optional<AppProcess> process = runtime.device().process(LabRuntime.APP);
    if (process.isEmpty() || process.get().launchNumber() != attachedLaunch) {
      detachView();
    }
    process.ifPresent(this::attachView);
    launchLabel.setToolTipText(launch == 0 ? "never launched" : "launch number " + launch);
    launchLabel.setText(launch == 0 ? "—" : "#" + launch);
    stateLabel.setText(stateText(state));
    networkLabel.setText(networkText(runtime.network().conditions()));
    show(screenFor(state, launch));
  }

  private String screenFor(AppState state, int launch) {
    if (notImplemented != null && state != AppState.BACKGROUND && state != AppState.SUSPENDED) {
      messageTitle.setText("Not implemented yet");
      messageBody.setText(notImplemented);
      return STARTING;
    }
    return switch (state) {
      case FOREGROUND -> appHolder.getComponentCount() > 0 ? APP : HOME;
      case BACKGROUND, SUSPENDED -> HOME;
      case NOT_RUNNING -> launch == 0 || homeAfterKill ? HOME : NOT_RUNNING;
    };
  }

  /** Short enough for a phone's status bar: "LTE", "offline", "200 KB/s". */
  private static String networkText(NetworkConditions conditions) {
    if (!conditions.online()) {
      return "offline";
    }
    if (conditions.preset() != null) {
      return conditions.preset() == NetworkPreset.WIFI ? "Wi-Fi" : conditions.preset().toString();
    }
    if (conditions.isUnlimited()) {
      return conditions.latency().isZero() ? "online" : conditions.latency().toMillis() + " ms";
    }
    return conditions.bytesPerSecond() / 1000 + " KB/s";
  }

  private static String stateText(AppState state) {
    return switch (state) {
      case NOT_RUNNING -> "not running";
      case FOREGROUND -> "foreground";
      case BACKGROUND -> "background";
      case SUSPENDED -> "suspended";
    };
  }

  /** Asks the launch for its root view once it has finished launching. */
  private void attachView(AppProcess process) {
    if (attachedLaunch == process.launchNumber() || !process.isAlive()) {
      return;
    }
    ApplicationDelegate delegate = process.delegate();
    if (delegate == null) {
      return;
    }
    attachedLaunch = process.launchNumber();
    try {
      Component view = delegate.rootView();
      if (view != null) {
        appHolder.add(view, BorderLayout.CENTER);
        appHolder.revalidate();
      }
    } catch (RuntimeException e) {
      String text = UserMessages.describe(e);
      if (UserMessages.isNotImplementedYet(e)) {
        notImplemented = text;
      } else {
        appHolder.add(new JLabel("The app's screen failed: " + text), BorderLayout.NORTH);
      }
    }
  }

  /** The launch is over: its view goes with it, so nothing here keeps the launch alive. */
  private void detachView() {
    if (attachedLaunch == 0) {
      return;
    }
    attachedLaunch = 0;
    appHolder.removeAll();
    appHolder.revalidate();
    appHolder.repaint();
  }

  private void show(String card) {
    if (!card.equals(shown)) {
      shown = card;
      cards.show(screen, card);
    }
  }

  /** The name of the screen shown: "starting", "home", "app" or "notRunning". */
  public String shownScreen() {
    return shown;
  }
}
