package lab.videofarm.os.device.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.uikit.FetchResult;
import lab.videofarm.os.uikit.LaunchOptions;
import lab.videofarm.os.uikit.LaunchOptions.Reason;

/**
 * Work the system gives an app in the background: session events from the transfer daemon and
 * background fetches, on demand or on the app's fetch schedule. Each launches the app in the
 * background (or wakes it), keeps it awake until the app calls the handler it was given, and holds
 * the app to {@code timeLimit}.
 */
public final class BackgroundWork {

  /** iOS's words when {@code handleEventsForBackgroundURLSession}'s handler is never called. */
  public static final String COMPLETION_HANDLER_NEVER_CALLED =
      "Warning: Application delegate received call to handleEventsForBackgroundURLSession but the"
          + " completion handler was never called.";

  private final AppTable table;
  private final Lifecycle lifecycle;
  private final DeviceLog log;
  private final Clock clock;
  private final Duration timeLimit;

  public BackgroundWork(
      AppTable table, Lifecycle lifecycle, DeviceLog log, Clock clock, Duration timeLimit) {
    this.table = table;
    this.lifecycle = lifecycle;
    this.log = log;
    this.clock = clock;
    this.timeLimit = timeLimit;
  }

  /**
   * The daemon has events for a session: launch the app in the background (or wake it), then call
   * {@code handleEventsForBackgroundURLSession} on its main thread.
   *
   * <p>A suspended app is woken as iOS does it: the delegate receives the call (and keeps the
   * handler) before the daemon hears that the app runs again, because that is when the daemon
   * starts delivering the session's queued events, the last of which leads the app to call the
   * handler.
   */
  public void relaunchForEvents(String bundleId, String sessionIdentifier) {
    List<Runnable> after = new ArrayList<>();
    synchronized (table.lock()) {
      InstalledApp app = eventsMayRun(bundleId, sessionIdentifier);
      if (app == null) {
        return;
      }
      switch (app.state) {
        case NOT_RUNNING ->
            lifecycle.start(
                app,
                AppState.BACKGROUND,
                new LaunchOptions(true, Reason.URL_SESSION_EVENTS, sessionIdentifier),
                after);
        case SUSPENDED ->
            lifecycle.recordState(app, AppState.BACKGROUND, "woken for session events");
        case BACKGROUND, FOREGROUND -> {}
      }
      LaunchedProcess process = app.process;
      lifecycle.beginBackgroundWork(app);
      OnceBeforeDeadline<Void> handler = eventsHandler(bundleId, process, sessionIdentifier);
      after.add(
          () ->
              lifecycle
                  .calls()
                  .laterThen(
                      process,
                      sessionIdentifier,
                      "handleEventsForBackgroundURLSession",
                      delegate ->
                          delegate.handleEventsForBackgroundURLSession(
                              sessionIdentifier, () -> handler.accept(null)),
                      lifecycle::sendReports));
    }
    after.forEach(Runnable::run);
  }

  /**
   * Guarded. The app to relaunch for events, or null (posting why) when the device is shut down,
   * the app is not installed yet (relaunched at install), was force-quit by the user, or is on
   * screen.
   */
  private InstalledApp eventsMayRun(String bundleId, String sessionIdentifier) {
    if (table.isClosed()) {
      return null;
    }
    InstalledApp app = table.find(bundleId);
    if (app == null) {
      log.info(
          0,
          sessionIdentifier,
          "relaunch for events",
          bundleId + " is not installed yet: relaunched when it is");
      table.relaunchOnInstall(bundleId, sessionIdentifier);
      return null;
    }
    String refused = null;
    if (app.forceQuit && app.state != AppState.FOREGROUND) {
      refused =
          "refused: the user force-quit " + bundleId + "; its events wait for the next launch";
    } else if (app.state == AppState.FOREGROUND) {
      refused = "not needed: " + bundleId + " is in the foreground";
    }
    if (refused != null) {
      log.info(app.launchNumber, sessionIdentifier, "relaunch for events", refused);
      return null;
    }
    return app;
  }

  private OnceBeforeDeadline<Void> eventsHandler(
      String bundleId, LaunchedProcess process, String identifier) {
    return OnceBeforeDeadline.start(
        process.clock(),
        timeLimit,
        new SessionEventsOutcomes(bundleId, process.launchNumber(), identifier));
  }

  /** What becomes of the handler given to {@code handleEventsForBackgroundURLSession}. */
  private final class SessionEventsOutcomes implements OnceBeforeDeadline.Outcomes<Void> {
    private final String bundleId;
    private final int launch;
    private final String identifier;

    SessionEventsOutcomes(String bundleId, int launch, String identifier) {
      this.bundleId = bundleId;
      this.launch = launch;
      this.identifier = identifier;
    }

    @Override
    public void called(Void nothing) {
      log.info(launch, identifier, "completionHandler", "called");
      if (!DelegateCalls.onMainThread()) {
        String thread = Thread.currentThread().getName();
        warn("completionHandler", "called off the main thread (" + thread + ")");
      }
      lifecycle.endBackgroundWork(bundleId, launch);
    }

    @Override
    public void calledAgain(int count, Void nothing) {
      warn(
          "completionHandler",
          "called "
              + count
              + " times: the completion handler of handleEventsForBackgroundURLSession"
              + " must be called exactly once");
    }

    @Override
    public void expired() {
      warn("completion handler never called", COMPLETION_HANDLER_NEVER_CALLED);
      lifecycle.endBackgroundWork(bundleId, launch);
    }

    private void warn(String what, String detail) {
      log.post(launch, identifier, what, detail, Severity.WARNING);
    }
  }

  /**
   * A background fetch ({@code why}: "simulated" or "scheduled"): launch the app in the background
   * (or wake it) and call {@code performFetch}. An app that does not call the handler within the
   * time limit is terminated.
   */
  public void performFetch(String bundleId, String why) {
    List<Runnable> after = new ArrayList<>();
    synchronized (table.lock()) {
      table.requireOpen();
      InstalledApp app = table.app(bundleId);
      switch (app.state) {
        case NOT_RUNNING ->
            lifecycle.start(
                app,
                AppState.BACKGROUND,
                new LaunchOptions(true, Reason.BACKGROUND_FETCH, null),
                after);
        case SUSPENDED ->
            lifecycle.changeState(app, AppState.BACKGROUND, "woken for background fetch", after);
        case FOREGROUND, BACKGROUND -> {}
      }
      LaunchedProcess process = app.process;
      lifecycle.beginBackgroundWork(app);
      OnceBeforeDeadline<FetchResult> handler = fetchHandler(bundleId, process);
      log.info(process.launchNumber(), "", "background fetch", why);
      after.add(
          () ->
              lifecycle
                  .calls()
                  .later(process, "", "performFetch", delegate -> delegate.performFetch(handler)));
    }
    after.forEach(Runnable::run);
  }

  private OnceBeforeDeadline<FetchResult> fetchHandler(String bundleId, LaunchedProcess process) {
    return OnceBeforeDeadline.start(
        process.clock(), timeLimit, new FetchOutcomes(bundleId, process));
  }

  /** What becomes of the handler given to {@code performFetch}. */
  private final class FetchOutcomes implements OnceBeforeDeadline.Outcomes<FetchResult> {
    private final String bundleId;
    private final LaunchedProcess process;
    private final int launch;

    FetchOutcomes(String bundleId, LaunchedProcess process) {
      this.bundleId = bundleId;
      this.process = process;
      this.launch = process.launchNumber();
    }

    @Override
    public void called(FetchResult result) {
      log.info(launch, "", "fetch completed", String.valueOf(result));
      lifecycle.endBackgroundWork(bundleId, launch);
    }

    @Override
    public void calledAgain(int count, FetchResult result) {
      log.post(
          launch,
          "",
          "fetch completed",
          "called " + count + " times with " + result,
          Severity.WARNING);
    }

    @Override
    public void expired() {
      log.post(
          launch,
          "",
          "fetch expired",
          "the app did not call performFetch's completion handler within "
              + timeLimit.toSeconds()
              + " s: terminated",
          Severity.ERROR);
      lifecycle.kill(bundleId, process, "background fetch time limit exceeded");
    }
  }

  // ---- the fetch schedule ----

  /** A running app set its minimum background fetch interval (null: never). */
  public void setFetchInterval(String bundleId, Duration interval) {
    synchronized (table.lock()) {
      InstalledApp app = table.app(bundleId);
      cancelFetchTimer(app);
      app.fetchInterval = interval;
      log.info(
          app.launchNumber,
          "",
          "setMinimumBackgroundFetchInterval",
          interval == null ? "never" : interval.toString());
      scheduleFetch(app);
    }
  }

  /** Stops every app's fetch schedule, for good. */
  public void stopFetchSchedules() {
    synchronized (table.lock()) {
      for (InstalledApp app : table.all()) {
        cancelFetchTimer(app);
        app.fetchInterval = null;
      }
    }
  }

  /** Guarded. */
  private void scheduleFetch(InstalledApp app) {
    if (app.fetchInterval != null) {
      String bundleId = app.bundleId();
      app.fetchTimer = clock.schedule(app.fetchInterval, () -> fetchDue(bundleId));
    }
  }

  /** Guarded. */
  private static void cancelFetchTimer(InstalledApp app) {
    if (app.fetchTimer != null) {
      app.fetchTimer.cancel();
      app.fetchTimer = null;
    }
  }

  private void fetchDue(String bundleId) {
    synchronized (table.lock()) {
      InstalledApp app = table.app(bundleId);
      app.fetchTimer = null;
      if (app.fetchInterval == null) {
        return;
      }
      scheduleFetch(app);
      if (app.forceQuit) {
        log.info(app.launchNumber, "", "background fetch", "skipped: the user force-quit the app");
        return;
      }
      if (app.state == AppState.FOREGROUND) {
        return;
      }
    }
    performFetch(bundleId, "scheduled");
  }
}
