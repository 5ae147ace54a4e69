package lab.videofarm.bench;

import java.awt.AWTEvent;
import java.awt.EventQueue;
import java.awt.Toolkit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * How busy the Swing thread is: an event queue pushed in front of the system's that times every
 * event it dispatches (input, timers, invokeLater work, painting), and reads the Swing thread's CPU
 * time. Both are summed; the bench reads them at the start and the end of a window.
 */
final class BusyEventQueue extends EventQueue {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private volatile long busyNanos;
  private volatile long swingThread = -1;

  /** Pushes a new one in front of the system event queue and returns it. */
  static BusyEventQueue install() {
    BusyEventQueue queue = new BusyEventQueue();
    Toolkit.getDefaultToolkit().getSystemEventQueue().push(queue);
    return queue;
  }

  /**
   * Wall time spent dispatching: on a loaded machine it includes time the thread waited for a core.
   */
  long busyNanos() {
    return busyNanos;
  }

  /** CPU time the Swing thread used so far, or 0 before it dispatched anything. */
  long cpuNanos() {
    long id = swingThread;
    return id < 0 ? 0 : Math.max(0, threads.getThreadCpuTime(id));
  }

  @Override
  protected void dispatchEvent(AWTEvent event) {
    swingThread = Thread.currentThread().getId();
    long start = System.nanoTime();
    try {
      super.dispatchEvent(event);
    } finally {
      // Only the Swing thread writes it.
      busyNanos += System.nanoTime() - start;
    }
  }
}
