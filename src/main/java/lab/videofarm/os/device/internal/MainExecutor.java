package lab.videofarm.os.device.internal;

import java.awt.EventQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One launch's view of the main thread (the event dispatch thread). Work waits while the launch is
 * suspended (none of its code runs then) and is dropped once the launch is dead, also work that was
 * already queued on the event queue.
 */
final class MainExecutor implements Executor {
  private final Consumer<Throwable> crashed;

  /** Guarded by {@code this}. */
  private boolean alive = true;

  /** Guarded by {@code this}. */
  private boolean suspended;

  /** Guarded by {@code this}: work that arrived while suspended, in order. */
  private final List<Runnable> deferred = new ArrayList<>();

  MainExecutor(Consumer<Throwable> crashed) {
    this.crashed = crashed;
  }

  @Override
  public void execute(Runnable work) {
    if (heldBack(work)) {
      return;
    }
    EventQueue.invokeLater(() -> runIfAlive(work));
  }

  /**
   * True when {@code work} must not run now: dropped because the launch is over, or kept for {@link
   * #resume} while the app is suspended. Checked again on the EDT, since the app may have been
   * suspended or killed while the work waited in the event queue.
   */
  private synchronized boolean heldBack(Runnable work) {
    if (!alive) {
      return true;
    }
    if (suspended) {
      deferred.add(work);
      return true;
    }
    return false;
  }

  private void runIfAlive(Runnable work) {
    if (heldBack(work)) {
      return;
    }
    try {
      work.run();
    } catch (RuntimeException | Error e) {
      crashed.accept(e);
    }
  }

  synchronized void suspend() {
    suspended = true;
  }

  void wake() {
    List<Runnable> waiting;
    synchronized (this) {
      suspended = false;
      waiting = List.copyOf(deferred);
      deferred.clear();
    }
    waiting.forEach(this::execute);
  }

  synchronized void kill() {
    alive = false;
    deferred.clear();
  }
}
