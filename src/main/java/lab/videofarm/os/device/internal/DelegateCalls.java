package lab.videofarm.os.device.internal;

import java.awt.EventQueue;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.uikit.ApplicationDelegate;

/**
 * Calls into an app's delegate on its main thread, each call posted on the timeline as it happens.
 * The main thread is the event dispatch thread; the launch's {@link MainExecutor} holds calls back
 * while the launch is suspended and drops them once it is dead.
 */
final class DelegateCalls {
  private final DeviceLog log;
  private final Duration waitLimit;

  DelegateCalls(DeviceLog log, Duration waitLimit) {
    this.log = log;
    this.waitLimit = waitLimit;
  }

  /** True on the main thread. */
  static boolean onMainThread() {
    return EventQueue.isDispatchThread();
  }

  /** Queues {@code call} on the launch's main thread. */
  void later(
      LaunchedProcess process, String sessionId, String what, Consumer<ApplicationDelegate> call) {
    laterThen(process, sessionId, what, call, () -> {});
  }

  /**
   * Queues {@code call} on the launch's main thread, then runs {@code afterwards} there once the
   * call returned (or threw). Dropped with the launch, {@code afterwards} included.
   */
  void laterThen(
      LaunchedProcess process,
      String sessionId,
      String what,
      Consumer<ApplicationDelegate> call,
      Runnable afterwards) {
    process
        .mainExecutor()
        .execute(
            () -> {
              try {
                callNow(process, sessionId, what, call);
              } finally {
                afterwards.run();
              }
            });
  }

  /**
   * Calls the delegate on the main thread and waits (at most the wait limit) until it returns; a
   * crash is posted rather than thrown. Runs at once when already on the main thread.
   */
  void andWait(LaunchedProcess process, String what, Consumer<ApplicationDelegate> call) {
    if (onMainThread()) {
      try {
        callNow(process, "", what, call);
      } catch (RuntimeException e) {
        crash(process, e);
      }
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    process
        .mainExecutor()
        .execute(
            () -> {
              try {
                callNow(process, "", what, call);
              } finally {
                done.complete(null);
              }
            });
    await(process, what, done);
  }

  private void await(LaunchedProcess process, String what, CompletableFuture<Void> done) {
    try {
      done.get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.post(process.launchNumber(), "", what, "did not return in time", Severity.WARNING);
    } catch (ExecutionException e) {
      crash(process, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void callNow(
      LaunchedProcess process, String sessionId, String what, Consumer<ApplicationDelegate> call) {
    ApplicationDelegate delegate = process.delegate();
    if (delegate != null) {
      log.info(process.launchNumber(), sessionId, what, "");
      call.accept(delegate);
    }
  }

  private void crash(LaunchedProcess process, Throwable crash) {
    log.post(process.launchNumber(), "", "crash", String.valueOf(crash), Severity.ERROR);
  }
}
