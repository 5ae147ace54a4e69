package lab.videofarm.urlsession.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs work one piece at a time, in order, on an executor the app supplied (which may have many
 * threads), so delegate calls never overlap even then (rule 13).
 */
public final class SerialExecutor implements Executor {
  private final Executor target;

  /** Guarded by {@code this}. */
  private final Queue<Runnable> waiting = new ArrayDeque<>();

  /** Guarded by {@code this}. */
  private boolean running;

  public SerialExecutor(Executor target) {
    this.target = target;
  }

  @Override
  public void execute(Runnable work) {
    synchronized (this) {
      waiting.add(work);
      if (running) {
        return;
      }
      running = true;
    }
    try {
      target.execute(this::drain);
    } catch (RuntimeException rejected) {
      synchronized (this) {
        running = false;
        waiting.clear();
      }
      throw rejected;
    }
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (this) {
        next = waiting.poll();
        if (next == null) {
          running = false;
          return;
        }
      }
      next.run();
    }
  }
}
