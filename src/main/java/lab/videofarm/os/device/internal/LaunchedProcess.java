package lab.videofarm.os.device.internal;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
  private final Application application;
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

  private LaunchedProcess(Builder builder) {
    this.bundleId = builder.bundleId;
    this.launchNumber = builder.launchNumber;
    this.state = builder.state;
    this.transferService = builder.transferService;
    this.timeline = Objects.requireNonNull(builder.timeline, "timeline");
    this.clock = new ProcessClock(Objects.requireNonNull(builder.clock, "clock"));
    this.containerDirectory = Objects.requireNonNull(builder.containerDirectory, "container");
    this.application = new ApplicationView(this, builder.info, builder.fetchIntervalChanged);
    this.mainExecutor = new MainExecutor(builder.crashed);
    this.loader =
        new LaunchClassLoader(
            bundleId + "#" + launchNumber,
            this,
            builder.appPackages,
            builder.classpath,
            LaunchedProcess.class.getClassLoader());
  }

  /** A launch of {@code bundleId}, numbered {@code launchNumber}; see {@link Builder}. */
  public static Builder builder(String bundleId, int launchNumber) {
    return new Builder(bundleId, launchNumber);
  }

  /**
   * What a launch is made of. Timeline, clock and container are required; the launch starts {@code
   * NOT_RUNNING} (the device moves it on), with no app packages, no info dictionary, and nobody
   * told of fetch intervals or crashes unless set.
   */
  public static final class Builder {
    private final String bundleId;
    private final int launchNumber;
    private AppState state = AppState.NOT_RUNNING;
    private TransferService transferService;
    private Timeline timeline;
    private Clock clock;
    private Path containerDirectory;
    private List<String> appPackages = List.of();
    private List<URL> classpath = List.of();
    private Map<String, String> info = Map.of();
    private Consumer<Duration> fetchIntervalChanged = interval -> {};
    private Consumer<Throwable> crashed = crash -> {};

    private Builder(String bundleId, int launchNumber) {
      this.bundleId = Objects.requireNonNull(bundleId, "bundleId");
      this.launchNumber = launchNumber;
    }

    public Builder state(AppState state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    /** The daemon the app's sessions connect to. */
    public Builder transferService(TransferService transferService) {
      this.transferService = transferService;
      return this;
    }

    public Builder timeline(Timeline timeline) {
      this.timeline = timeline;
      return this;
    }

    /** The device clock; the launch sees it through a view whose timers die with it. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder containerDirectory(Path containerDirectory) {
      this.containerDirectory = containerDirectory;
      return this;
    }

    /** Package prefixes loaded child-first, fresh in this launch. */
    public Builder appPackages(List<String> appPackages) {
      this.appPackages = List.copyOf(appPackages);
      return this;
    }

    /** Where the app's classes are found. */
    public Builder classpath(List<URL> classpath) {
      this.classpath = List.copyOf(classpath);
      return this;
    }

    /** The app's info dictionary. */
    public Builder info(Map<String, String> info) {
      this.info = Map.copyOf(info);
      return this;
    }

    /** Told when the app sets its minimum background fetch interval (null: never). */
    public Builder onFetchIntervalChange(Consumer<Duration> fetchIntervalChanged) {
      this.fetchIntervalChanged = Objects.requireNonNull(fetchIntervalChanged);
      return this;
    }

    /** Told when app code throws on the main thread. */
    public Builder onCrash(Consumer<Throwable> crashed) {
      this.crashed = Objects.requireNonNull(crashed);
      return this;
    }

    public LaunchedProcess build() {
      return new LaunchedProcess(this);
    }
  }

  /** Creates the app delegate inside this launch's loader. Call on the main thread. */
  ApplicationDelegate createDelegate(String className) throws ReflectiveOperationException {
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

  Application application() {
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
  void setState(AppState newState) {
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
    runTerminationHooks(hooks);
    clock.close();
    toStop.forEach(LaunchedProcess::stop);
    delegate = null;
    deadLoader.close();
    return true;
  }

  private void runTerminationHooks(List<Runnable> hooks) {
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
  }

  private static void stop(ExecutorService executor) {
    for (Runnable pending : executor.shutdownNow()) {
      // Whoever waits for this work (the daemon's delivery thread) must learn it never ran.
      if (pending instanceof Future<?> future) {
        future.cancel(false);
      }
    }
  }
}
