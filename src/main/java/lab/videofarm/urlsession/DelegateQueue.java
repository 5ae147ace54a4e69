package lab.videofarm.urlsession;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import lab.videofarm.os.process.AppProcess;
import lab.videofarm.urlsession.internal.SerialExecutor;

/**
 * Where a session's delegate calls and completion handlers run, one at a time (rule 13): a serial
 * queue of the session's own, or the app's executor made serial. Work on it never waits for the
 * daemon (see {@link lab.videofarm.urlsession.internal.DaemonBridge}), so the app may pass its main
 * (Swing) thread.
 */
final class DelegateQueue implements Executor {
  private final AppProcess process;
  private final Executor executor;

  /** The session's own queue, or null when the app gave its executor. */
  private final ExecutorService owned;

  private DelegateQueue(AppProcess process, Executor executor, ExecutorService owned) {
    this.process = process;
    this.executor = executor;
    this.owned = owned;
  }

  /** The app's executor made serial, or a new serial queue when {@code appQueue} is null. */
  static DelegateQueue of(AppProcess process, String identifier, Executor appQueue) {
    if (appQueue != null) {
      return new DelegateQueue(process, new SerialExecutor(appQueue), null);
    }
    ExecutorService own =
        process.newSerialQueue("URLSession " + (identifier == null ? "default" : identifier));
    return new DelegateQueue(process, own, own);
  }

  @Override
  public void execute(Runnable work) {
    executor.execute(work);
  }

  /**
   * Queues an answer for the app, unless its process is gone: then nobody is left to call. An
   * answer still waiting when the process dies (a {@code getAllTasks} callback behind a slow
   * delegate call) is dropped when its turn comes; one cut short by the death finds the launch's
   * classes gone ({@link LinkageError}) and ends quietly too.
   */
  void executeIfAlive(Runnable work) {
    try {
      executor.execute(() -> runIfAlive(work));
    } catch (RejectedExecutionException deadProcess) {
      // Nothing to do: the app that asked no longer exists.
    }
  }

  private void runIfAlive(Runnable work) {
    if (!process.isAlive()) {
      return;
    }
    try {
      work.run();
    } catch (LinkageError e) {
      if (process.isAlive()) {
        throw e;
      }
      // The launch died under the answer: its class loader is closed, and nobody is listening.
    }
  }

  /**
   * Stops the session's own queue after the work already on it, including the call running now (the
   * daemon counts an event delivered when that call returns). An app's executor is the app's.
   */
  void shutdownIfOwned() {
    if (owned != null) {
      owned.shutdown();
    }
  }
}
