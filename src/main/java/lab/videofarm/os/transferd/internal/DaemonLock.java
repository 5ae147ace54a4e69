package lab.videofarm.os.transferd.internal;

/**
 * The daemon's one lock. State changes made while it is held reach the journal after it is released
 * ({@link StateStore#flush}), so no thread waits on the disk while it holds the lock.
 */
final class DaemonLock {
  /** A piece of work under the lock that returns a value. */
  @FunctionalInterface
  interface Body<T, E extends Exception> {
    T run() throws E;
  }

  /** A piece of work under the lock. */
  @FunctionalInterface
  interface Action<E extends Exception> {
    void run() throws E;
  }

  private final Object monitor = new Object();
  private StateStore store;

  /** Set once, before any other thread can see the daemon. */
  void persistTo(StateStore store) {
    this.store = store;
  }

  Object monitor() {
    return monitor;
  }

  /** Runs {@code body} under the lock, then writes what it changed to the journal. */
  <T, E extends Exception> T call(Body<T, E> body) throws E {
    try {
      synchronized (monitor) {
        return body.run();
      }
    } finally {
      flush();
    }
  }

  /** Runs {@code action} under the lock, then writes what it changed to the journal. */
  <E extends Exception> void run(Action<E> action) throws E {
    try {
      synchronized (monitor) {
        action.run();
      }
    } finally {
      flush();
    }
  }

  /** Writes the latest state to the journal; a no-op while the calling thread holds the lock. */
  void flush() {
    if (store != null) {
      store.flush();
    }
  }

  /** Waits for {@link #wakeAll}; the caller holds the lock. */
  void await() throws InterruptedException {
    monitor.wait();
  }

  /** Waits at most {@code millis} for {@link #wakeAll}; the caller holds the lock. */
  void await(long millis) throws InterruptedException {
    monitor.wait(millis);
  }

  /** Wakes workers held while their task is suspended, so they look at their attempt again. */
  void wakeAll() {
    monitor.notifyAll();
  }
}
