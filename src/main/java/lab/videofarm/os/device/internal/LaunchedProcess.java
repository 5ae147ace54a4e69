package lab.videofarm.os.device.internal;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.process.AppProcess;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.TransferService;
import lab.videofarm.os.uikit.Application;
import lab.videofarm.os.uikit.ApplicationDelegate;

/**
 * One launch of an app: its class loader, executors, clock, hooks and delegate. {@link #kill} takes
 * all of it down; afterwards nothing here refers to app code any more.
 */
public final class LaunchedProcess implements AppProcess {
  private final String bundleId;
  private final int launchNumber;
  private final TransferService transferService;
  private final Timeline timeline;
  private final ProcessClock clock;
  private final Path containerDirectory;
  private final MainExecutor mainExecutor;
  private final Consumer<Duration> fetchIntervalChanged;
  private final Map<String, String> info;
  private final Application application = new ApplicationView();
  private final AtomicInteger queueThreads = new AtomicInteger();

  private volatile AppState state;

  /** Guarded by {@code this}. */
  private boolean alive = true;

  /** Guarded by {@code this}. */
  private final List<Runnable> terminationHooks = new ArrayList<>();

  /** Guarded by {@code this}. */
  private final List<ExecutorService> executors = new ArrayList<>();

  /** Guarded by {@code this}. */
  private final Map<Class<?>, Object> locals = new HashMap<>();

  /** Guarded by {@code this}. Null once dead. */
  private LaunchClassLoader loader;

  /** Set on the main thread when the delegate is created; null once dead. */
  private volatile ApplicationDelegate delegate;

  public LaunchedProcess(
      String bundleId,
      int launchNumber,
      AppState initialState,
      TransferService transferService,
      Timeline timeline,
      Clock deviceClock,
      Path containerDirectory,
      List<String> childFirstPackages,
      List<URL> classpath,
      Consumer<Duration> fetchIntervalChanged,
      Consumer<Throwable> crashed) {
    this(
        bundleId,
        launchNumber,
        initialState,
        transferService,
        timeline,
        deviceClock,
        containerDirectory,
        childFirstPackages,
        classpath,
        Map.of(),
        fetchIntervalChanged,
        crashed);
  }

  /** A launch whose app reads {@code info} as its bundle's info dictionary. */
  public LaunchedProcess(
      String bundleId,
      int launchNumber,
      AppState initialState,
      TransferService transferService,
      Timeline timeline,
      Clock deviceClock,
      Path containerDirectory,
      List<String> childFirstPackages,
      List<URL> classpath,
      Map<String, String> info,
      Consumer<Duration> fetchIntervalChanged,
      Consumer<Throwable> crashed) {
    this.info = Map.copyOf(info);
    this.bundleId = bundleId;
    this.launchNumber = launchNumber;
    this.state = initialState;
    this.transferService = transferService;
    this.timeline = timeline;
    this.clock = new ProcessClock(deviceClock);
    this.containerDirectory = containerDirectory;
    this.fetchIntervalChanged = fetchIntervalChanged;
    this.mainExecutor = new MainExecutor(crashed);
    this.loader =
        new LaunchClassLoader(
            bundleId + "#" + launchNumber,
            this,
            childFirstPackages,
            classpath,
            LaunchedProcess.class.getClassLoader());
  }

  /** Creates the app delegate inside this launch's loader. Call on the main thread. */
  public ApplicationDelegate createDelegate(String className) throws ReflectiveOperationException {
    LaunchClassLoader current;
    synchronized (this) {
      current = loader;
    }
    if (current == null) {
      throw new IllegalStateException("process is dead");
    }
    Class<?> type = Class.forName(className, true, current);
    ApplicationDelegate created =
        type.asSubclass(ApplicationDelegate.class).getConstructor().newInstance();
    delegate = created;
    return created;
  }

  /** The delegate, once created; null before and after death. */
  @Override
  public ApplicationDelegate delegate() {
    return delegate;
  }

  public Application application() {
    return application;
  }

  /** This launch's class loader, or null once dead. */
  public synchronized ClassLoader classLoader() {
    return loader;
  }

  @Override
  public String bundleId() {
    return bundleId;
  }

  @Override
  public int launchNumber() {
    return launchNumber;
  }

  @Override
  public AppState state() {
    return state;
  }

  /** Called by the device. Suspension holds main-thread work until the launch is woken. */
  public void setState(AppState newState) {
    AppState old = state;
    state = newState;
    if (newState == AppState.SUSPENDED) {
      mainExecutor.suspend();
    } else if (old == AppState.SUSPENDED) {
      mainExecutor.wake();
    }
  }

  @Override
  public synchronized boolean isAlive() {
    return alive;
  }

  @Override
  public TransferService transferService() {
    return transferService;
  }

  @Override
  public Timeline timeline() {
    return timeline;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Executor mainExecutor() {
    return mainExecutor;
  }

  @Override
  public ExecutorService newSerialQueue(String name) {
    String threadName = bundleId + "#" + launchNumber + " " + name;
    ExecutorService queue =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread =
                  new Thread(runnable, threadName + "-" + queueThreads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    synchronized (this) {
      if (alive) {
        executors.add(queue);
        return queue;
      }
    }
    queue.shutdownNow();
    return queue;
  }

  @Override
  public Path containerDirectory() {
    return containerDirectory;
  }

  @Override
  public void onTermination(Runnable hook) {
    synchronized (this) {
      if (alive) {
        terminationHooks.add(hook);
        return;
      }
    }
    hook.run();
  }

  @Override
  public synchronized <T> T local(Class<T> key, Supplier<? extends T> initial) {
    if (!alive) {
      throw new IllegalStateException("process " + bundleId + "#" + launchNumber + " is dead");
    }
    return key.cast(locals.computeIfAbsent(key, unused -> initial.get()));
  }

  /**
   * Kills the launch: termination hooks first (sessions detach from the daemon while the app's
   * objects still exist), then its timers, executors and main-thread work stop, and every reference
   * to app code is dropped. Returns false if it was already dead.
   *
   * <p>Java cannot stop a thread that ignores interrupts; app code stuck in such a loop keeps its
   * launch's classes alive until it returns.
   */
  public boolean kill() {
    List<Runnable> hooks;
    List<ExecutorService> toStop;
    LaunchClassLoader deadLoader;
    synchronized (this) {
      if (!alive) {
        return false;
      }
      alive = false;
      state = AppState.NOT_RUNNING;
      hooks = List.copyOf(terminationHooks);
      terminationHooks.clear();
      toStop = List.copyOf(executors);
      executors.clear();
      locals.clear();
      deadLoader = loader;
      loader = null;
    }
    mainExecutor.kill();
    for (Runnable hook : hooks) {
      try {
        hook.run();
      } catch (RuntimeException e) {
        timeline.post(
            Layer.DEVICE,
            launchNumber,
            "",
            TimelineEvent.NO_TASK,
            "terminationHookFailed",
            String.valueOf(e),
            Severity.WARNING);
      }
    }
    clock.close();
    for (ExecutorService executor : toStop) {
      for (Runnable pending : executor.shutdownNow()) {
        // Whoever waits for this work (the daemon's delivery thread) must learn it never ran.
        if (pending instanceof Future<?> future) {
          future.cancel(false);
        }
      }
    }
    delegate = null;
    deadLoader.close();
    return true;
  }

  /** What the app itself sees of the system. */
  private final class ApplicationView implements Application {
    @Override
    public String bundleId() {
      return bundleId;
    }

    @Override
    public int launchNumber() {
      return launchNumber;
    }

    @Override
    public AppState state() {
      return state;
    }

    /** The launch's view of the device clock: what the app scheduled dies with the launch. */
    @Override
    public Clock clock() {
      return clock;
    }

    @Override
    public Path containerDirectory() {
      return containerDirectory;
    }

    @Override
    public Map<String, String> infoDictionary() {
      return info;
    }

    @Override
    public Executor mainExecutor() {
      return mainExecutor;
    }

    @Override
    public ExecutorService newSerialQueue(String name) {
      return LaunchedProcess.this.newSerialQueue(name);
    }

    @Override
    public void setMinimumBackgroundFetchInterval(Duration interval) {
      if (isAlive()) {
        fetchIntervalChanged.accept(interval);
      }
    }

    @Override
    public void report(Layer layer, String sessionId, long taskId, String what, String detail) {
      timeline.post(layer, launchNumber, sessionId, taskId, what, detail);
    }

    @Override
    public void warn(Layer layer, String sessionId, long taskId, String what, String detail) {
      timeline.post(layer, launchNumber, sessionId, taskId, what, detail, Severity.WARNING);
    }
  }
}
