package lab.videofarm.os.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.device.internal.LaunchedProcess;
import lab.videofarm.os.process.AppProcess;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.TransferService;
import lab.videofarm.os.uikit.ApplicationDelegate;
import lab.videofarm.os.uikit.FetchResult;
import lab.videofarm.os.uikit.LaunchOptions;
import lab.videofarm.os.uikit.LaunchOptions.Reason;

/**
 * The phone: installed apps, their lifecycle, and the system's side of background work.
 *
 * <p>States follow iOS: {@code NOT_RUNNING -> FOREGROUND} on a tap; {@code FOREGROUND -> BACKGROUND
 * -> SUSPENDED} when the user goes home (after {@link #SUSPEND_GRACE}); {@code SUSPENDED ->
 * BACKGROUND} when the system wakes the app for session events or a fetch; {@code -> NOT_RUNNING}
 * on a kill. Every change is posted on the timeline and reported to the transfer daemon before any
 * app code runs in the new state.
 *
 * <p>Each launch runs in its own class loader ({@link AppBundle#childFirstPackages()}), so a kill
 * really ends the app: its statics, threads and objects go away, and the next launch starts from
 * its archives and from what the daemon hands back.
 *
 * <p>Threading: operations may be called from any thread, the Swing thread included. They change
 * state at once and post the app's delegate calls to its main thread; only {@link #terminate} and
 * {@link #forceQuit} wait (briefly) for {@code willTerminate}. No lock is held while app code or
 * the daemon runs.
 */
public final class Device implements TransferService.BackgroundRelauncher, AutoCloseable {

  /** How long an app keeps running after the user sends it home, before it is suspended. */
  public static final Duration SUSPEND_GRACE = Duration.ofSeconds(5);

  /** How long an app may run in the background for session events or a fetch. */
  public static final Duration BACKGROUND_TIME_LIMIT = Duration.ofSeconds(30);

  /** iOS's words when {@code handleEventsForBackgroundURLSession}'s handler is never called. */
  public static final String COMPLETION_HANDLER_NEVER_CALLED =
      "Warning: Application delegate received call to handleEventsForBackgroundURLSession but the"
          + " completion handler was never called.";

  private static final long WILL_TERMINATE_WAIT_MILLIS = 5_000;

  private final TransferService transferService;
  private final Timeline timeline;
  private final Clock clock;
  private final Path dataDirectory;

  private final Object lock = new Object();

  /** Guarded by {@link #lock}. */
  private final Map<String, InstalledApp> apps = new LinkedHashMap<>();

  /** Guarded by {@link #lock}. */
  private int launchCounter;

  /** Guarded by {@link #lock}. The app on screen, or null for the home screen. */
  private InstalledApp foreground;

  /**
   * Guarded by {@link #lock}. Relaunches asked for before the app was installed on this device
   * object (a daemon restored from its journal speaks first), by bundle id: session identifiers.
   */
  private final Map<String, Set<String>> earlyRelaunches = new LinkedHashMap<>();

  /** Guarded by {@link #lock}. */
  private boolean closed;

  /**
   * Guarded by {@link #lock}. State changes not yet told to the daemon, in the order they happened.
   * They are queued under the lock, so the queue's order is the order of the changes.
   */
  private final Deque<StateReport> unreported = new ArrayDeque<>();

  /**
   * Held (without {@link #lock}) while telling the daemon, so that one thread's report can never
   * overtake another's: a change made later always reaches the daemon later.
   */
  private final Object reportLock = new Object();

  /** Registers itself as the daemon's relauncher. */
  public Device(
      TransferService transferService, Timeline timeline, Clock clock, Path dataDirectory) {
    this.transferService = transferService;
    this.timeline = timeline;
    this.clock = clock;
    this.dataDirectory = dataDirectory;
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
    Set<String> waiting;
    synchronized (lock) {
      InstalledApp existing = apps.get(bundle.bundleId());
      if (existing != null) {
        existing.bundle = bundle;
      } else {
        apps.put(bundle.bundleId(), new InstalledApp(bundle, container));
      }
      post(0, "", "install", bundle.bundleId(), Severity.INFO);
      waiting = earlyRelaunches.remove(bundle.bundleId());
    }
    if (waiting != null) {
      waiting.forEach(identifier -> relaunchForEvents(bundle.bundleId(), identifier));
    }
  }

  public List<String> installedApps() {
    synchronized (lock) {
      return List.copyOf(apps.keySet());
    }
  }

  public AppState state(String bundleId) {
    synchronized (lock) {
      return app(bundleId).state;
    }
  }

  /** The app's current launch, or its last one once it stopped; 0 if it never ran. */
  public int launchNumber(String bundleId) {
    synchronized (lock) {
      return app(bundleId).launchNumber;
    }
  }

  /** The app's private folder, kept across launches. */
  public Path containerDirectory(String bundleId) {
    synchronized (lock) {
      return app(bundleId).container;
    }
  }

  /** The bundle id of the app on screen, if any. */
  public Optional<String> foregroundApp() {
    synchronized (lock) {
      return Optional.ofNullable(foreground).map(app -> app.bundle.bundleId());
    }
  }

  /** The running process of the app, for the inspector; do not keep it past a kill. */
  public Optional<AppProcess> process(String bundleId) {
    synchronized (lock) {
      return Optional.ofNullable(app(bundleId).process);
    }
  }

  /** The running launch's class loader; hold it weakly (tests prove it dies with the launch). */
  public Optional<ClassLoader> classLoader(String bundleId) {
    synchronized (lock) {
      LaunchedProcess process = app(bundleId).process;
      return Optional.ofNullable(process == null ? null : process.classLoader());
    }
  }

  /** The user taps the app's icon: launch it, or bring it back to the foreground. */
  public void launch(String bundleId) {
    List<Runnable> after = new ArrayList<>();
    synchronized (lock) {
      requireOpen();
      InstalledApp app = app(bundleId);
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

  /** Brings a running app back on screen ({@code willEnterForeground}); launches it otherwise. */
  public void bringToForeground(String bundleId) {
    launch(bundleId);
  }

  /** The user goes to the home screen: the foreground app enters the background. */
  public void goHome() {
    List<Runnable> after = new ArrayList<>();
    synchronized (lock) {
      if (foreground != null) {
        sendHome(foreground, after);
      }
    }
    after.forEach(Runnable::run);
  }

  /**
   * The system ends the app (memory pressure). {@code willTerminate} runs only if the app is not
   * suspended. Its background transfers carry on, and the daemon may relaunch it for them.
   */
  public void terminate(String bundleId) {
    end(bundleId, "terminated by the system");
  }

  /**
   * The user swipes the app away in the app switcher: it ends, and the daemon cancels its
   * background transfers (reason: user force-quit) and will not relaunch it for them. Works also on
   * an app that is no longer running, as the switcher keeps those too.
   */
  public void forceQuit(String bundleId) {
    // Marked before the kill: a task finishing in between must not bring the app back.
    synchronized (lock) {
      app(bundleId).forceQuit = true;
    }
    end(bundleId, "force-quit by the user");
    transferService.userForceQuit(bundleId);
  }

  private void end(String bundleId, String why) {
    LaunchedProcess process;
    AppState state;
    synchronized (lock) {
      InstalledApp app = app(bundleId);
      process = app.process;
      state = app.state;
    }
    if (process == null) {
      return;
    }
    if (state == AppState.FOREGROUND || state == AppState.BACKGROUND) {
      callAndWait(process, "willTerminate", ApplicationDelegate::willTerminate);
    }
    kill(bundleId, process, why);
  }

  /**
   * The daemon has events for a session: launch the app in the background (or wake it), then call
   * {@code handleEventsForBackgroundURLSession} on its main thread. If the app never calls the
   * completion handler within {@link #BACKGROUND_TIME_LIMIT}, that is reported with iOS's warning
   * and the app is suspended.
   */
  @Override
  public void relaunchForEvents(String bundleId, String sessionIdentifier) {
    List<Runnable> after = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        return;
      }
      InstalledApp app = apps.get(bundleId);
      if (app == null) {
        post(
            0,
            sessionIdentifier,
            "relaunchForEvents",
            bundleId + " is not installed yet: relaunched when it is",
            Severity.INFO);
        earlyRelaunches
            .computeIfAbsent(bundleId, id -> new LinkedHashSet<>())
            .add(sessionIdentifier);
        return;
      }
      if (app.forceQuit && app.state != AppState.FOREGROUND) {
        post(
            app.launchNumber,
            sessionIdentifier,
            "relaunchForEvents",
            "refused: the user force-quit " + bundleId + "; its events wait for the next launch",
            Severity.INFO);
        return;
      }
      switch (app.state) {
        case FOREGROUND -> {
          post(
              app.launchNumber,
              sessionIdentifier,
              "relaunchForEvents",
              "not needed: " + bundleId + " is in the foreground",
              Severity.INFO);
          return;
        }
        case NOT_RUNNING ->
            start(
                app,
                AppState.BACKGROUND,
                new LaunchOptions(true, Reason.URL_SESSION_EVENTS, sessionIdentifier),
                after);
        case SUSPENDED -> changeState(app, AppState.BACKGROUND, "woken for session events", after);
        case BACKGROUND -> {}
      }
      LaunchedProcess process = app.process;
      beginBackgroundWork(app);
      CompletionHandler handler =
          new CompletionHandler(bundleId, process.launchNumber(), sessionIdentifier);
      handler.timer = process.clock().schedule(BACKGROUND_TIME_LIMIT, handler::expired);
      after.add(
          () ->
              onMain(
                  process,
                  sessionIdentifier,
                  "handleEventsForBackgroundURLSession",
                  delegate ->
                      delegate.handleEventsForBackgroundURLSession(sessionIdentifier, handler)));
    }
    after.forEach(Runnable::run);
  }

  /**
   * Xcode's "Simulate Background Fetch": launch the app in the background (or wake it) and call
   * {@code performFetch}. An app that does not call the handler within {@link
   * #BACKGROUND_TIME_LIMIT} is terminated.
   */
  public void simulateBackgroundFetch(String bundleId) {
    performFetch(bundleId, "simulated");
  }

  private void performFetch(String bundleId, String why) {
    List<Runnable> after = new ArrayList<>();
    synchronized (lock) {
      requireOpen();
      InstalledApp app = app(bundleId);
      switch (app.state) {
        case NOT_RUNNING ->
            start(
                app,
                AppState.BACKGROUND,
                new LaunchOptions(true, Reason.BACKGROUND_FETCH, null),
                after);
        case SUSPENDED ->
            changeState(app, AppState.BACKGROUND, "woken for background fetch", after);
        case FOREGROUND, BACKGROUND -> {}
      }
      LaunchedProcess process = app.process;
      beginBackgroundWork(app);
      FetchHandler handler = new FetchHandler(bundleId, process);
      handler.timer = process.clock().schedule(BACKGROUND_TIME_LIMIT, handler::expired);
      post(process.launchNumber(), "", "backgroundFetch", why, Severity.INFO);
      after.add(
          () -> onMain(process, "", "performFetch", delegate -> delegate.performFetch(handler)));
    }
    after.forEach(Runnable::run);
  }

  private void setFetchInterval(String bundleId, Duration interval) {
    synchronized (lock) {
      InstalledApp app = app(bundleId);
      if (app.fetchTimer != null) {
        app.fetchTimer.cancel();
        app.fetchTimer = null;
      }
      app.fetchInterval = interval;
      post(
          app.launchNumber,
          "",
          "setMinimumBackgroundFetchInterval",
          interval == null ? "never" : interval.toString(),
          Severity.INFO);
      scheduleFetch(app);
    }
  }

  /** Guarded by {@link #lock}. */
  private void scheduleFetch(InstalledApp app) {
    if (app.fetchInterval != null) {
      String bundleId = app.bundle.bundleId();
      app.fetchTimer = clock.schedule(app.fetchInterval, () -> fetchDue(bundleId));
    }
  }

  private void fetchDue(String bundleId) {
    synchronized (lock) {
      InstalledApp app = app(bundleId);
      app.fetchTimer = null;
      if (app.fetchInterval == null) {
        return;
      }
      scheduleFetch(app);
      if (app.forceQuit) {
        post(
            app.launchNumber,
            "",
            "backgroundFetch",
            "skipped: the user force-quit the app",
            Severity.INFO);
        return;
      }
      if (app.state == AppState.FOREGROUND) {
        return;
      }
    }
    performFetch(bundleId, "scheduled");
  }

  /** Ends every running app and stops the fetch schedules. */
  @Override
  public void close() {
    List<InstalledApp> all;
    synchronized (lock) {
      closed = true;
      all = List.copyOf(apps.values());
      for (InstalledApp app : all) {
        if (app.fetchTimer != null) {
          app.fetchTimer.cancel();
          app.fetchTimer = null;
        }
        app.fetchInterval = null;
      }
    }
    for (InstalledApp app : all) {
      LaunchedProcess process;
      synchronized (lock) {
        process = app.process;
      }
      if (process != null) {
        kill(app.bundle.bundleId(), process, "device shut down");
      }
    }
  }

  // ---- transitions; the methods below marked "guarded" run with the lock held ----

  /** Guarded by {@link #lock}. */
  private void start(
      InstalledApp app, AppState state, LaunchOptions options, List<Runnable> after) {
    String bundleId = app.bundle.bundleId();
    int launch = ++launchCounter;
    AppBundle bundle = app.bundle;
    LaunchedProcess process =
        new LaunchedProcess(
            bundleId,
            launch,
            AppState.NOT_RUNNING,
            transferService,
            timeline,
            clock,
            app.container,
            bundle.childFirstPackages(),
            bundle.classpath(),
            bundle.info(),
            interval -> setFetchInterval(bundleId, interval),
            crash -> crashed(bundleId, launch, crash));
    app.process = process;
    app.launchNumber = launch;
    post(
        launch,
        options.sessionIdentifier(),
        "launch",
        bundleId
            + (options.inBackground() ? " in the background" : "")
            + " ("
            + options.reason()
            + ")",
        Severity.INFO);
    changeState(app, state, "launched", after);
    after.add(
        () ->
            process
                .mainExecutor()
                .execute(
                    () -> {
                      ApplicationDelegate delegate;
                      try {
                        delegate = process.createDelegate(bundle.delegateClassName());
                      } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                        crashed(bundleId, launch, e);
                        return;
                      }
                      post(launch, "", "didFinishLaunching", options.toString(), Severity.INFO);
                      delegate.didFinishLaunching(process.application(), options);
                    }));
  }

  /** Guarded by {@link #lock}. */
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
        () -> onMain(process, "", "didEnterBackground", ApplicationDelegate::didEnterBackground));
    scheduleSuspension(app);
  }

  /** Guarded by {@link #lock}. */
  private void scheduleSuspension(InstalledApp app) {
    cancelGrace(app);
    String bundleId = app.bundle.bundleId();
    int launch = app.launchNumber;
    app.graceTimer = clock.schedule(SUSPEND_GRACE, () -> suspendIfIdle(bundleId, launch));
  }

  /** Guarded by {@link #lock}. */
  private void cancelGrace(InstalledApp app) {
    if (app.graceTimer != null) {
      app.graceTimer.cancel();
      app.graceTimer = null;
    }
  }

  /** Guarded by {@link #lock}. */
  private void toForeground(InstalledApp app, List<Runnable> after) {
    cancelGrace(app);
    foreground = app;
    changeState(app, AppState.FOREGROUND, "opened by the user", after);
    LaunchedProcess process = app.process;
    after.add(
        () -> onMain(process, "", "willEnterForeground", ApplicationDelegate::willEnterForeground));
  }

  /** Guarded by {@link #lock}. */
  private void beginBackgroundWork(InstalledApp app) {
    cancelGrace(app);
    app.backgroundWork++;
  }

  private void endBackgroundWork(String bundleId, int launch) {
    List<Runnable> after = new ArrayList<>();
    synchronized (lock) {
      InstalledApp app = app(bundleId);
      if (app.process == null || app.launchNumber != launch) {
        return;
      }
      app.backgroundWork = Math.max(0, app.backgroundWork - 1);
      if (app.backgroundWork == 0 && app.state == AppState.BACKGROUND) {
        changeState(app, AppState.SUSPENDED, "background work done", after);
      }
    }
    after.forEach(Runnable::run);
  }

  private void suspendIfIdle(String bundleId, int launch) {
    List<Runnable> after = new ArrayList<>();
    synchronized (lock) {
      InstalledApp app = app(bundleId);
      app.graceTimer = null;
      if (app.process != null
          && app.launchNumber == launch
          && app.state == AppState.BACKGROUND
          && app.backgroundWork == 0) {
        changeState(app, AppState.SUSPENDED, "grace period over", after);
      }
    }
    after.forEach(Runnable::run);
  }

  /**
   * Guarded by {@link #lock}. The timeline entry is posted at once so it precedes anything the app
   * does in its new state; the daemon is told right after the lock is released, before app code
   * runs, and always in the order the changes happened ({@link #reportStates}).
   */
  private void changeState(InstalledApp app, AppState to, String why, List<Runnable> after) {
    AppState from = app.state;
    if (from == to) {
      return;
    }
    app.state = to;
    if (app.process != null) {
      app.process.setState(to);
    }
    String bundleId = app.bundle.bundleId();
    post(
        app.launchNumber,
        "",
        "appState",
        bundleId + " " + from + " -> " + to + " (" + why + ")",
        Severity.INFO);
    unreported.add(new StateReport(bundleId, to));
    after.add(this::reportStates);
  }

  /** Tells the daemon every queued state change, oldest first. Call with {@link #lock} not held. */
  private void reportStates() {
    synchronized (reportLock) {
      while (true) {
        StateReport next;
        synchronized (lock) {
          next = unreported.poll();
        }
        if (next == null) {
          return;
        }
        transferService.appStateChanged(next.bundleId(), next.state());
      }
    }
  }

  private record StateReport(String bundleId, AppState state) {}

  private void kill(String bundleId, LaunchedProcess process, String why) {
    synchronized (lock) {
      InstalledApp app = app(bundleId);
      if (app.process != process) {
        return;
      }
      cancelGrace(app);
      app.process = null;
      app.backgroundWork = 0;
      if (foreground == app) {
        foreground = null;
      }
      AppState from = app.state;
      app.state = AppState.NOT_RUNNING;
      post(
          process.launchNumber(),
          "",
          "appState",
          bundleId + " " + from + " -> NOT_RUNNING (" + why + ")",
          Severity.INFO);
      unreported.add(new StateReport(bundleId, AppState.NOT_RUNNING));
    }
    process.kill();
    reportStates();
  }

  private void crashed(String bundleId, int launch, Throwable crash) {
    LaunchedProcess process;
    synchronized (lock) {
      InstalledApp app = app(bundleId);
      process = app.process;
      if (process == null || app.launchNumber != launch) {
        return;
      }
      post(launch, "", "crash", String.valueOf(crash), Severity.ERROR);
    }
    kill(bundleId, process, "crashed");
  }

  private void onMain(
      LaunchedProcess process, String sessionId, String what, Consumer<ApplicationDelegate> call) {
    process
        .mainExecutor()
        .execute(
            () -> {
              ApplicationDelegate delegate = process.delegate();
              if (delegate != null) {
                post(process.launchNumber(), sessionId, what, "", Severity.INFO);
                call.accept(delegate);
              }
            });
  }

  private void callAndWait(
      LaunchedProcess process, String what, Consumer<ApplicationDelegate> call) {
    if (SwingUtilities.isEventDispatchThread()) {
      ApplicationDelegate delegate = process.delegate();
      if (delegate != null) {
        post(process.launchNumber(), "", what, "", Severity.INFO);
        try {
          call.accept(delegate);
        } catch (RuntimeException e) {
          post(process.launchNumber(), "", "crash", String.valueOf(e), Severity.ERROR);
        }
      }
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    process
        .mainExecutor()
        .execute(
            () -> {
              try {
                ApplicationDelegate delegate = process.delegate();
                if (delegate != null) {
                  post(process.launchNumber(), "", what, "", Severity.INFO);
                  call.accept(delegate);
                }
              } finally {
                done.complete(null);
              }
            });
    try {
      done.get(WILL_TERMINATE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      post(process.launchNumber(), "", what, "did not return in time", Severity.WARNING);
    } catch (ExecutionException e) {
      post(process.launchNumber(), "", "crash", String.valueOf(e.getCause()), Severity.ERROR);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Guarded by {@link #lock}. */
  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the device is shut down");
    }
  }

  /** Guarded by {@link #lock}. */
  private InstalledApp app(String bundleId) {
    InstalledApp app = apps.get(bundleId);
    if (app == null) {
      throw new IllegalArgumentException(bundleId + " is not installed");
    }
    return app;
  }

  private void post(int launch, String sessionId, String what, String detail, Severity severity) {
    timeline.post(Layer.DEVICE, launch, sessionId, TimelineEvent.NO_TASK, what, detail, severity);
  }

  /** The handler given to {@code handleEventsForBackgroundURLSession}. */
  private final class CompletionHandler implements Runnable {
    private final String bundleId;
    private final int launch;
    private final String identifier;
    private final AtomicInteger calls = new AtomicInteger();
    volatile Clock.Timer timer;

    CompletionHandler(String bundleId, int launch, String identifier) {
      this.bundleId = bundleId;
      this.launch = launch;
      this.identifier = identifier;
    }

    @Override
    public void run() {
      int call = calls.incrementAndGet();
      if (call > 1) {
        post(
            launch,
            identifier,
            "completionHandler",
            "called "
                + call
                + " times: the completion handler of handleEventsForBackgroundURLSession"
                + " must be called exactly once",
            Severity.WARNING);
        return;
      }
      timer.cancel();
      post(launch, identifier, "completionHandler", "called", Severity.INFO);
      if (!SwingUtilities.isEventDispatchThread()) {
        post(
            launch,
            identifier,
            "completionHandler",
            "called off the main thread (" + Thread.currentThread().getName() + ")",
            Severity.WARNING);
      }
      endBackgroundWork(bundleId, launch);
    }

    void expired() {
      if (calls.get() == 0) {
        post(
            launch,
            identifier,
            "completionHandlerNeverCalled",
            COMPLETION_HANDLER_NEVER_CALLED,
            Severity.WARNING);
        endBackgroundWork(bundleId, launch);
      }
    }
  }

  /** The handler given to {@code performFetch}. */
  private final class FetchHandler implements Consumer<FetchResult> {
    private final String bundleId;
    private final int launch;
    private final LaunchedProcess process;
    private final AtomicInteger calls = new AtomicInteger();
    volatile Clock.Timer timer;

    FetchHandler(String bundleId, LaunchedProcess process) {
      this.bundleId = bundleId;
      this.launch = process.launchNumber();
      this.process = process;
    }

    @Override
    public void accept(FetchResult result) {
      int call = calls.incrementAndGet();
      if (call > 1) {
        post(
            launch,
            "",
            "performFetchCompleted",
            "called " + call + " times with " + result,
            Severity.WARNING);
        return;
      }
      timer.cancel();
      post(launch, "", "performFetchCompleted", String.valueOf(result), Severity.INFO);
      endBackgroundWork(bundleId, launch);
    }

    void expired() {
      if (calls.get() == 0) {
        post(
            launch,
            "",
            "performFetchExpired",
            "the app did not call performFetch's completion handler within "
                + BACKGROUND_TIME_LIMIT.toSeconds()
                + " s: terminated",
            Severity.ERROR);
        kill(bundleId, process, "background fetch time limit exceeded");
      }
    }
  }

  /** What the device knows of one installed app. All fields guarded by {@link #lock}. */
  private static final class InstalledApp {
    AppBundle bundle;
    final Path container;
    AppState state = AppState.NOT_RUNNING;
    LaunchedProcess process;
    int launchNumber;
    boolean forceQuit;
    Duration fetchInterval;
    Clock.Timer fetchTimer;
    Clock.Timer graceTimer;
    int backgroundWork;

    InstalledApp(AppBundle bundle, Path container) {
      this.bundle = bundle;
      this.container = container;
    }
  }
}
