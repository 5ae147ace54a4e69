package lab.videofarm.os.process;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.transferd.TransferService;
import lab.videofarm.os.uikit.ApplicationDelegate;

/**
 * One launch of an app, as the system frameworks running inside it (URLSession) see it. The device
 * creates one per launch and kills it on terminate or force-quit; everything it hands out dies with
 * it: executors stop, the main executor drops work, termination hooks run, and its class loader
 * becomes unreachable.
 *
 * <p>There is no registry of processes. Each launch loads the app's classes in its own class
 * loader, and that loader is a {@link Host}: {@link #ofCaller()} finds the process by walking the
 * calling thread's stack to the first class loaded by a host, just as a real framework simply is
 * inside its process.
 */
public interface AppProcess {

  String bundleId();

  /** 1 for the first launch of any app on the device, then counting up. */
  int launchNumber();

  AppState state();

  /** False once the process was killed. */
  boolean isAlive();

  /** The daemon's front door, for sessions this process creates. */
  TransferService transferService();

  Timeline timeline();

  /**
   * The device clock. Actions scheduled through it are cancelled when the process dies, so a dead
   * launch never runs again.
   */
  Clock clock();

  /**
   * Runs work on the main thread (the event dispatch thread); drops it once the process is dead.
   */
  Executor mainExecutor();

  /** A serial executor with its own thread, shut down when the process dies. */
  ExecutorService newSerialQueue(String name);

  /** The app's private folder, kept across launches. */
  Path containerDirectory();

  /**
   * The app's delegate, as {@code UIApplication.shared.delegate}, for the device's screen to ask
   * for its root view: null before the launch created it and after the process died.
   */
  ApplicationDelegate delegate();

  /**
   * Runs {@code hook} when the process is killed, before its executors stop. Runs it at once if the
   * process is already dead.
   */
  void onTermination(Runnable hook);

  /**
   * Process-local storage: what a framework would keep in a static inside a real process. The value
   * is created on first use and dies with the process.
   */
  <T> T local(Class<T> key, Supplier<? extends T> initial);

  /**
   * The process whose app code is calling: the first class on the calling thread's stack loaded by
   * a {@link Host}, else the thread's context class loader when that is a host (for code that runs
   * outside any app class, such as tests).
   */
  static Optional<AppProcess> ofCaller() {
    Optional<Host> host =
        StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
            .walk(
                frames ->
                    frames
                        .map(frame -> frame.getDeclaringClass().getClassLoader())
                        .filter(Host.class::isInstance)
                        .map(Host.class::cast)
                        .findFirst());
    if (host.isEmpty()
        && Thread.currentThread().getContextClassLoader() instanceof Host contextHost) {
      host = Optional.of(contextHost);
    }
    return host.map(Host::process);
  }

  /** Implemented by each launch's class loader. */
  interface Host {
    AppProcess process();
  }
}
