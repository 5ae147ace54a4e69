package lab.videofarm.os.device.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import lab.videofarm.os.AppState;
import lab.videofarm.os.transferd.TransferService;

/**
 * Tells the transfer daemon of app state changes, in the order they happened.
 *
 * <p>A change is {@link #add added} while the {@link Lifecycle}'s lock is held, so the queue's
 * order is the order of the changes. {@link #send} runs with that lock released (the daemon takes
 * its own lock) and one sender at a time, so a report made later never overtakes an earlier one,
 * whichever threads make them.
 */
final class StateReports {
  private final TransferService daemon;

  /** Guarded by itself. Changes not yet told to the daemon, oldest first. */
  private final Deque<Report> unreported = new ArrayDeque<>();

  /** Held while telling the daemon. */
  private final Object sending = new Object();

  StateReports(TransferService daemon) {
    this.daemon = daemon;
  }

  /** Queues a change. Call with the lifecycle lock held. */
  void add(String bundleId, AppState state) {
    synchronized (unreported) {
      unreported.add(new Report(bundleId, state));
    }
  }

  /** Tells the daemon every queued change, oldest first. Call with the lifecycle lock not held. */
  void send() {
    synchronized (sending) {
      for (Report next = poll(); next != null; next = poll()) {
        daemon.appStateChanged(next.bundleId(), next.state());
      }
    }
  }

  private Report poll() {
    synchronized (unreported) {
      return unreported.poll();
    }
  }

  private record Report(String bundleId, AppState state) {}
}
