package lab.videofarm.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * Notices when the Swing thread, which is also the app's main thread, stalls: a thread of its own
 * sends the Swing thread a no-op every {@link #PERIOD_MILLIS} and measures how long it waited. A
 * wait over {@link #STALL_MILLIS} is reported once it ends, with its length: like iOS's watchdog,
 * which warns about (and eventually kills) an app that blocks its main thread.
 */
public final class EdtWatchdog implements AutoCloseable {
  public static final long STALL_MILLIS = 100;
  static final long PERIOD_MILLIS = 50;

  private final Consumer<Long> stalled;
  private final Thread thread;
  private volatile boolean running = true;

  /** {@code stalled} gets the stall's length in milliseconds, on the watchdog's thread. */
  public EdtWatchdog(Consumer<Long> stalled) {
    this.stalled = stalled;
    this.thread = new Thread(this::watch, "edt-watchdog");
    thread.setDaemon(true);
  }

  public EdtWatchdog start() {
    thread.start();
    return this;
  }

  private void watch() {
    try {
      while (running) {
        CountDownLatch answered = new CountDownLatch(1);
        long sent = System.nanoTime();
        SwingUtilities.invokeLater(answered::countDown);
        answered.await();
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        if (waited > STALL_MILLIS && running) {
          stalled.accept(waited);
        }
        Thread.sleep(PERIOD_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
