package lab.videofarm.os.device.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.device.AppBundle;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.TransferService;
import lab.videofarm.os.uikit.ApplicationDelegate;
import lab.videofarm.os.uikit.LaunchOptions;
import lab.videofarm.os.uikit.LaunchOptions.Reason;

/**
 * Every change of an app's state: launch, home, foreground, the grace period before suspension,
 * background work keeping an app awake, kill and crash.
 *
 * <p>The {@link AppTable}'s lock guards all of it. A transition changes state under the lock and
 * posts the change on the timeline at once; what must run outside the lock (telling the daemon,
 * calling app code) is collected in an {@code after} list that the caller runs once the lock is
 * released. Methods noted "guarded" must be called with that lock held.
 */
public final class Lifecycle {
  private final AppTable table;
  private final TransferService daemon;
  private final DeviceLog log;
  private final Clock clock;
  private final DelegateCalls calls;
  private final StateReports reports;
  private final Duration suspendGrace;
  private final BiConsumer<String, Duration> fetchIntervalChanged;

  /** Guarded by the table's lock. The app on screen, or null for the home screen. */
  private InstalledApp foreground;

  /**
   * @param fetchIntervalChanged told when a running app sets its minimum background fetch interval
   */
  public Lifecycle(
      AppTable table,
      TransferService daemon,
      DeviceLog log,
      Clock clock,
      Duration suspendGrace,
      Duration willTerminateWait,
      BiConsumer<String, Duration> fetchIntervalChanged) {
    this.table = table;
    this.daemon = daemon;
    this.log = log;
    this.clock = clock;
    this.calls = new DelegateCalls(log, willTerminateWait);
    this.reports = new StateReports(daemon);
    this.suspendGrace = suspendGrace;
    this.fetchIntervalChanged = fetchIntervalChanged;
  }

  DelegateCalls calls() {
    return calls;
  }

  /** The bundle id of the app on screen, if any. */
  public Optional<String> foregroundApp() {
    synchronized (table.lock()) {
      return Optional.ofNullable(foreground).map(InstalledApp::bundleId);
    }
  }

  // ---- what the user does ----

  /** A tap on the icon: launch the app, or bring it back to the foreground. */
  public void launch(String bundleId) {
    List<Runnable> after = new ArrayList<>();
    synchronized (table.lock()) {
      table.requireOpen();
      InstalledApp app = table.app(bundleId);
      if (foreground != null && foreground != app) {
        sendHome(foreground, after);
      }
      switch (app.state) {
        case NOT_RUNNING -> {
          app.forceQuit = false;
          foreground = app;
          start(app, AppState.FOREGROUND, new LaunchOptions(false, Reason.USER, null), after);
        }
        case BACKGROUND, SUSPENDED -> toForeground(app, after);
        case FOREGROUND -> {}
      }
    }
    after.forEach(Runnable::run);
  }

  /** The home screen: the foreground app enters the background. */
  public void goHome() {
    List<Runnable> after = new ArrayList<>();
    synchronized (table.lock()) {
      if (foreground != null) {
        sendHome(foreground, after);
      }
    }
    after.forEach(Runnable::run);
  }

  /** Marks the app force-quit, before it is killed: a task finishing meanwhile cannot wake it. */
  public void markForceQuit(String bundleId) {
    synchronized (table.lock()) {
      table.app(bundleId).forceQuit = true;
    }
  }

  /** Ends the app; a running (not suspended) app hears {@code willTerminate} first. */
  public void end(String bundleId, String why) {
    LaunchedProcess process;
    AppState state;
    synchronized (table.lock()) {
      InstalledApp app = table.app(bundleId);
      process = app.process;
      state = app.state;
    }
    if (process == null) {
      return;
    }
    if (state == AppState.FOREGROUND || state == AppState.BACKGROUND) {
      calls.andWait(process, "willTerminate", ApplicationDelegate::willTerminate);
    }
    kill(bundleId, process, why);
  }

  /** Refuses new launches and kills every running app. */
  public void shutDown() {
    for (InstalledApp app : table.close()) {
      LaunchedProcess process;
      synchronized (table.lock()) {
        process = app.process;
      }
      if (process != null) {
        kill(app.bundleId(), process, "device shut down");
      }
    }
  }

  // ---- transitions ----

  /** Guarded. Starts a new launch in {@code state}; the delegate is created on its main thread. */
  void start(InstalledApp app, AppState state, LaunchOptions options, List<Runnable> after) {
    String bundleId = app.bundleId();
    int launch = table.nextLaunchNumber();
    LaunchedProcess process = newProcess(app, launch);
    app.process = process;
    app.launchNumber = launch;
    log.info(
        launch,
        options.sessionIdentifier(),
        "launch",
        bundleId
            + (options.inBackground() ? " in the background" : "")
            + " ("
            + options.reason()
            + ")");
    changeState(app, state, "launched", after);
    String delegateClass = app.bundle.delegateClassName();
    after.add(
        () ->
            process
                .mainExecutor()
                .execute(() -> finishLaunching(bundleId, process, delegateClass, options)));
  }

  private LaunchedProcess newProcess(InstalledApp app, int launch) {
    String bundleId = app.bundleId();
    AppBundle bundle = app.bundle;
    return LaunchedProcess.builder(bundleId, launch)
        .transferService(daemon)
        .timeline(log.timeline())
        .clock(clock)
        .containerDirectory(app.container)
        .appPackages(bundle.childFirstPackages())
        .classpath(bundle.classpath())
        .info(bundle.info())
        .onFetchIntervalChange(interval -> fetchIntervalChanged.accept(bundleId, interval))
        .onCrash(crash -> crashed(bundleId, launch, crash))
        .build();
  }

  /** On the launch's main thread: creates the delegate and calls {@code didFinishLaunching}. */
  private void finishLaunching(
      String bundleId, LaunchedProcess process, String delegateClass, LaunchOptions options) {
    ApplicationDelegate delegate;
    try {
      delegate = process.createDelegate(delegateClass);
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      crashed(bundleId, process.launchNumber(), e);
      return;
    }
    log.info(process.launchNumber(), "", "didFinishLaunching", options.toString());
    delegate.didFinishLaunching(process.application(), options);
  }

  /** Guarded. */
  private void sendHome(InstalledApp app, List<Runnable> after) {
    if (foreground == app) {
      foreground = null;
    }
    if (app.state != AppState.FOREGROUND) {
      return;
    }
    changeState(app, AppState.BACKGROUND, "sent home", after);
    LaunchedProcess process = app.process;
    after.add(
        () ->
            calls.later(
                process, "", "didEnterBackground", ApplicationDelegate::didEnterBackground));
    scheduleSuspension(app);
  }

  /** Guarded. */
  private void toForeground(InstalledApp app, List<Runnable> after) {
    cancelGrace(app);
    foreground = app;
    changeState(app, AppState.FOREGROUND, "opened by the user", after);
    LaunchedProcess process = app.process;
    after.add(
        () ->
            calls.later(
                process, "", "willEnterForeground", ApplicationDelegate::willEnterForeground));
  }

  /** Guarded. */
  private void scheduleSuspension(InstalledApp app) {
    cancelGrace(app);
    String bundleId = app.bundleId();
    int launch = app.launchNumber;
    app.graceTimer = clock.schedule(suspendGrace, () -> suspendIfIdle(bundleId, launch));
  }

  /** Guarded. */
  private void cancelGrace(InstalledApp app) {
    if (app.graceTimer != null) {
      app.graceTimer.cancel();
      app.graceTimer = null;
    }
  }

  private void suspendIfIdle(String bundleId, int launch) {
    List<Runnable> after = new ArrayList<>();
    synchronized (table.lock()) {
      InstalledApp app = table.app(bundleId);
      app.graceTimer = null;
      if (app.runs(launch) && app.state == AppState.BACKGROUND && app.backgroundWork == 0) {
        changeState(app, AppState.SUSPENDED, "grace period over", after);
      }
    }
    after.forEach(Runnable::run);
  }

  /** Guarded. The app stays awake until {@link #endBackgroundWork}. */
  void beginBackgroundWork(InstalledApp app) {
    cancelGrace(app);
    app.backgroundWork++;
  }

  /** The app finished (or ran out of time for) one piece of background work. */
  void endBackgroundWork(String bundleId, int launch) {
    List<Runnable> after = new ArrayList<>();
    synchronized (table.lock()) {
      InstalledApp app = table.app(bundleId);
      if (!app.runs(launch)) {
        return;
      }
      app.backgroundWork = Math.max(0, app.backgroundWork - 1);
      if (app.backgroundWork == 0 && app.state == AppState.BACKGROUND) {
        changeState(app, AppState.SUSPENDED, "background work done", after);
      }
    }
    after.forEach(Runnable::run);
  }

  /**
   * Guarded. Changes the state and tells the daemon once the lock is released, before app code runs
   * in the new state.
   */
  void changeState(InstalledApp app, AppState to, String why, List<Runnable> after) {
    if (recordState(app, to, why)) {
      after.add(reports::send);
    }
  }

  /**
   * Guarded. Changes the state and posts it on the timeline at once, so it precedes anything the
   * app does in its new state. The daemon hears of it at the next {@link #sendReports}, always in
   * the order the changes happened. Returns false if the app already was in {@code to}.
   */
  boolean recordState(InstalledApp app, AppState to, String why) {
    AppState from = app.state;
    if (from == to) {
      return false;
    }
    app.state = to;
    if (app.process != null) {
      app.process.setState(to);
    }
    log.info(
        app.launchNumber,
        "",
        "app state",
        app.bundleId() + " " + from + " -> " + to + " (" + why + ")");
    reports.add(app.bundleId(), to);
    return true;
  }

  /** Tells the daemon every state change not told yet. Call with the lock not held. */
  void sendReports() {
    reports.send();
  }

  /** Ends {@code process} if it is still the app's launch. */
  void kill(String bundleId, LaunchedProcess process, String why) {
    synchronized (table.lock()) {
      InstalledApp app = table.app(bundleId);
      if (app.process != process) {
        return;
      }
      cancelGrace(app);
      if (foreground == app) {
        foreground = null;
      }
      app.backgroundWork = 0;
      // Detached first: the dying launch must not be told of the change (a suspended one would
      // wake).
      app.process = null;
      recordState(app, AppState.NOT_RUNNING, why);
    }
    process.kill();
    reports.send();
  }

  private void crashed(String bundleId, int launch, Throwable crash) {
    LaunchedProcess process;
    synchronized (table.lock()) {
      InstalledApp app = table.app(bundleId);
      if (!app.runs(launch)) {
        return;
      }
      process = app.process;
      log.post(launch, "", "crash", String.valueOf(crash), Severity.ERROR);
    }
    kill(bundleId, process, "crashed");
  }
}
