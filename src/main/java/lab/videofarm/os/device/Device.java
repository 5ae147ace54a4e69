package lab.videofarm.os.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.device.internal.AppTable;
import lab.videofarm.os.device.internal.BackgroundWork;
import lab.videofarm.os.device.internal.DeviceLog;
import lab.videofarm.os.device.internal.LaunchedProcess;
import lab.videofarm.os.device.internal.Lifecycle;
import lab.videofarm.os.process.AppProcess;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.transferd.TransferService;

/**
 * The phone: installed apps, their lifecycle, and the system's side of background work.
 *
 * <p>States follow iOS: {@code NOT_RUNNING -> FOREGROUND} on a tap; {@code FOREGROUND -> BACKGROUND
 * -> SUSPENDED} when the user goes home (after {@link #SUSPEND_GRACE}); {@code SUSPENDED ->
 * BACKGROUND} when the system wakes the app for session events or a fetch; {@code -> NOT_RUNNING}
 * on a kill. Every change is posted on the timeline and reported to the transfer daemon before any
 * app code runs in the new state, except one: a suspended app woken for session events first
 * receives {@code handleEventsForBackgroundURLSession}, then the daemon hears that it runs and
 * delivers the events.
 *
 * <p>Each launch runs in its own class loader ({@link AppBundle#childFirstPackages()}), so a kill
 * really ends the app: its statics, threads and objects go away, and the next launch starts from
 * its archives and from what the daemon hands back.
 *
 * <p>Threading: operations may be called from any thread, the main (event dispatch) thread
 * included. They change state at once and post the app's delegate calls to its main thread; only
 * {@link #terminate} and {@link #forceQuit} wait (briefly) for {@code willTerminate}. No lock is
 * held while app code or the daemon runs.
 *
 * <p>This class is the front; the work is done in {@code internal}: {@code AppTable} (the installed
 * apps and their lock), {@code Lifecycle} (states and transitions), {@code BackgroundWork} (session
 * events, fetch and its schedule), {@code LaunchedProcess} (one launch).
 */
public final class Device implements TransferService.BackgroundRelauncher, AutoCloseable {

  /** How long an app keeps running after the user sends it home, before it is suspended. */
  public static final Duration SUSPEND_GRACE = Duration.ofSeconds(5);

  /** How long an app may run in the background for session events or a fetch. */
  public static final Duration BACKGROUND_TIME_LIMIT = Duration.ofSeconds(30);

  /** iOS's words when {@code handleEventsForBackgroundURLSession}'s handler is never called. */
  public static final String COMPLETION_HANDLER_NEVER_CALLED =
      BackgroundWork.COMPLETION_HANDLER_NEVER_CALLED;

  /** How long {@link #terminate} and {@link #forceQuit} wait for {@code willTerminate}. */
  private static final Duration WILL_TERMINATE_WAIT = Duration.ofSeconds(5);

  private final TransferService transferService;
  private final Path dataDirectory;
  private final AppTable apps;
  private final Lifecycle lifecycle;
  private final BackgroundWork background;

  /** Registers itself as the daemon's relauncher. */
  public Device(
      TransferService transferService, Timeline timeline, Clock clock, Path dataDirectory) {
    this.transferService = transferService;
    this.dataDirectory = dataDirectory;
    DeviceLog log = new DeviceLog(timeline);
    this.apps = new AppTable(log);
    this.lifecycle =
        new Lifecycle(
            apps,
            transferService,
            log,
            clock,
            SUSPEND_GRACE,
            WILL_TERMINATE_WAIT,
            this::fetchIntervalChanged);
    this.background = new BackgroundWork(apps, lifecycle, log, clock, BACKGROUND_TIME_LIMIT);
    transferService.setRelauncher(this);
  }

  /** Installs (or updates) an app. Its container survives updates. */
  public void install(AppBundle bundle) {
    Path container = dataDirectory.resolve("containers").resolve(bundle.bundleId());
    try {
      Files.createDirectories(container);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    apps.install(bundle, container)
        .forEach(identifier -> relaunchForEvents(bundle.bundleId(), identifier));
  }

  public List<String> installedApps() {
    return apps.installedApps();
  }

  public AppState state(String bundleId) {
    return apps.state(bundleId);
  }

  /** The app's current launch, or its last one once it stopped; 0 if it never ran. */
  public int launchNumber(String bundleId) {
    return apps.launchNumber(bundleId);
  }

  /** The app's private folder, kept across launches. */
  public Path containerDirectory(String bundleId) {
    return apps.containerDirectory(bundleId);
  }

  /** The bundle id of the app on screen, if any. */
  public Optional<String> foregroundApp() {
    return lifecycle.foregroundApp();
  }

  /** The running process of the app, for the inspector; do not keep it past a kill. */
  public Optional<AppProcess> process(String bundleId) {
    return apps.process(bundleId).map(AppProcess.class::cast);
  }

  /** The running launch's class loader; hold it weakly (tests prove it dies with the launch). */
  public Optional<ClassLoader> classLoader(String bundleId) {
    return apps.process(bundleId).map(LaunchedProcess::classLoader);
  }

  /** The user taps the app's icon: launch it, or bring it back to the foreground. */
  public void launch(String bundleId) {
    lifecycle.launch(bundleId);
  }

  /** Brings a running app back on screen ({@code willEnterForeground}); launches it otherwise. */
  public void bringToForeground(String bundleId) {
    launch(bundleId);
  }

  /** The user goes to the home screen: the foreground app enters the background. */
  public void goHome() {
    lifecycle.goHome();
  }

  /**
   * The system ends the app (memory pressure). {@code willTerminate} runs only if the app is not
   * suspended. Its background transfers carry on, and the daemon may relaunch it for them.
   */
  public void terminate(String bundleId) {
    lifecycle.end(bundleId, "terminated by the system");
  }

  /**
   * The user swipes the app away in the app switcher: it ends, and the daemon cancels its
   * background transfers (reason: user force-quit) and will not relaunch it for them. Works also on
   * an app that is no longer running, as the switcher keeps those too.
   */
  public void forceQuit(String bundleId) {
    lifecycle.markForceQuit(bundleId);
    lifecycle.end(bundleId, "force-quit by the user");
    transferService.userForceQuit(bundleId);
  }

  /**
   * The daemon has events for a session: launch the app in the background (or wake it), then call
   * {@code handleEventsForBackgroundURLSession} on its main thread. If the app never calls the
   * completion handler within {@link #BACKGROUND_TIME_LIMIT}, that is reported with iOS's warning
   * and the app is suspended.
   */
  @Override
  public void relaunchForEvents(String bundleId, String sessionIdentifier) {
    background.relaunchForEvents(bundleId, sessionIdentifier);
  }

  /**
   * Xcode's "Simulate Background Fetch": launch the app in the background (or wake it) and call
   * {@code performFetch}. An app that does not call the handler within {@link
   * #BACKGROUND_TIME_LIMIT} is terminated.
   */
  public void simulateBackgroundFetch(String bundleId) {
    background.performFetch(bundleId, "simulated");
  }

  /** Ends every running app and stops the fetch schedules. */
  @Override
  public void close() {
    background.stopFetchSchedules();
    lifecycle.shutDown();
  }

  private void fetchIntervalChanged(String bundleId, Duration interval) {
    background.setFetchInterval(bundleId, interval);
  }
}
