package lab.videofarm.os.transferd.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.TaskEvent;

/**
 * Each session's events on their way to the app: queued under the daemon's lock ({@link #emit}),
 * handed to the attached connection's sink one at a time, in order, by the session's delivery
 * thread ({@link #drain}), and removed from the queue only once the sink returned.
 *
 * <p>A delivery that fails because the app process died is expected (the process may die at any
 * moment): the event stays queued for the next launch, reported as INFO. A delivery that fails
 * while the app lives (its delegate threw) is an ERROR.
 */
final class Mailbox {
  /** How long a failed delivery waits for the connection to close before blaming the app. */
  static final long DEATH_GRACE_MILLIS = 2_000;

  private final DaemonLock lock;
  private final AppStates apps;
  private final StateStore store;
  private final DaemonLog log;
  private final BooleanSupplier closed;

  Mailbox(
      DaemonLock lock, AppStates apps, StateStore store, DaemonLog log, BooleanSupplier closed) {
    this.lock = lock;
    this.apps = apps;
    this.store = store;
    this.log = log;
    this.closed = closed;
  }

  static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Queues {@code event} for its session; progress is dropped while nobody can hear it. */
  void emit(SessionChannel channel, TaskEvent event) {
    boolean progress =
        event instanceof TaskEvent.DidWriteData || event instanceof TaskEvent.DidSendBodyData;
    boolean deliverable = deliverable(channel);
    if (progress && !deliverable) {
      return;
    }
    if (!channel.key.isBackground() && !attached(channel)) {
      if (event instanceof TaskEvent.DidFinishDownloading finished) {
        DownloadsFolder.deleteQuietly(finished.location());
      }
      return;
    }
    channel.queue.add(new SessionChannel.Pending(event, progress));
    if (!progress && !deliverable) {
      log.session(
          channel,
          event.taskIdentifier(),
          "event queued",
          eventName(event) + " (" + channel.queue.size() + " waiting)");
    }
    if (!progress && !(event instanceof TaskEvent.DidReceiveData)) {
      store.changed();
    }
    scheduleDrain(channel);
  }

  /** Drops the events nobody will hear: the session's process is gone for good. */
  void discard(SessionChannel channel) {
    for (SessionChannel.Pending pending : channel.queue) {
      if (pending.event() instanceof TaskEvent.DidFinishDownloading finished) {
        DownloadsFolder.deleteQuietly(finished.location());
      }
    }
    channel.queue.clear();
    if (channel.delivery != null) {
      channel.delivery.shutdown();
    }
  }

  boolean deliverable(SessionChannel channel) {
    RealConnection connection = channel.attached;
    return !closed.getAsBoolean()
        && connection != null
        && connection.open
        && !connection.broken
        && !apps.suspended(channel.key.bundleId());
  }

  static boolean attached(SessionChannel channel) {
    return channel.attached != null && channel.attached.open;
  }

  /** Starts the session's delivery thread if there is something to deliver and someone to hear. */
  void scheduleDrain(SessionChannel channel) {
    if (channel.drainScheduled || !deliverable(channel)) {
      return;
    }
    if (channel.queue.isEmpty() && !channel.relaunchRequested) {
      return;
    }
    if (channel.delivery == null) {
      ThreadPoolExecutor executor =
          new ThreadPoolExecutor(
              1,
              1,
              5,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              named("transferd-deliver-" + channel.key.label() + "-"));
      executor.allowCoreThreadTimeOut(true);
      channel.delivery = executor;
    }
    channel.drainScheduled = true;
    channel.delivery.execute(() -> drain(channel));
  }

  /** The next event to hand over, and to whom. */
  private record Delivery(SessionChannel.Pending head, RealConnection connection) {}

  /** Runs on the session's delivery thread: hands queued events to the sink, one at a time. */
  private void drain(SessionChannel channel) {
    int[] delivered = {0};
    while (true) {
      Delivery next = lock.call(() -> next(channel, delivered[0]));
      if (next == null) {
        return;
      }
      // The journal holds the event before the app sees it.
      store.flushAll();
      Exception failure = null;
      try {
        next.connection().sink.deliver(next.head().event());
      } catch (Exception e) {
        failure = e;
      }
      Exception failed = failure;
      lock.run(() -> handedOver(channel, next, failed, delivered));
    }
  }

  private Delivery next(SessionChannel channel, int delivered) {
    if (!deliverable(channel)) {
      channel.drainScheduled = false;
      return null;
    }
    if (channel.queue.isEmpty() && channel.relaunchRequested) {
      channel.relaunchRequested = false;
      channel.queue.add(
          new SessionChannel.Pending(new TaskEvent.DidFinishEventsForBackgroundSession(), false));
      store.changed();
    }
    SessionChannel.Pending head = channel.queue.peekFirst();
    if (head == null) {
      channel.drainScheduled = false;
      if (delivered > 0) {
        log.session(channel, TimelineEvent.NO_TASK, "events delivered", delivered + " events");
      }
      return null;
    }
    if (!channel.key.isBackground() && head.event() instanceof TaskEvent.DidComplete done) {
      // A default session's task has no later launch to be relinked to: it is forgotten as its
      // completion goes out, so what the completion handler sets off never sees it.
      channel.tasks.remove(done.taskIdentifier());
    }
    return new Delivery(head, channel.attached);
  }

  private void handedOver(
      SessionChannel channel, Delivery delivery, Exception failure, int[] delivered) {
    RealConnection connection = delivery.connection();
    SessionChannel.Pending head = delivery.head();
    if (failure != null) {
      connection.broken = true;
      deliveryFailed(channel, connection, head, failure);
    } else if (connection.open && channel.attached == connection) {
      channel.queue.removeFirstOccurrence(head);
      if (!head.progress()) {
        delivered[0]++;
        afterDelivery(channel, head.event());
      }
    }
    // Otherwise the event stays queued; the loop goes on with whichever connection is attached
    // now (a newer launch may have connected while this delivery ran).
  }

  /**
   * A dying process fails the delivery under way and then closes its connection; a delegate that
   * throws leaves the connection open. Waits (under the lock, which it releases while waiting) a
   * moment for the close to tell the two apart.
   */
  private void deliveryFailed(
      SessionChannel channel,
      RealConnection connection,
      SessionChannel.Pending pending,
      Exception failure) {
    TaskEvent event = pending.event();
    // Progress is not worth keeping: the next launch hears the totals in the next event.
    String kept = pending.progress() ? "progress, dropped" : "it stays queued";
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEATH_GRACE_MILLIS);
    try {
      long left;
      while (connection.open
          && !closed.getAsBoolean()
          && (left = deadline - System.nanoTime()) > 0) {
        lock.await(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    boolean processGone = !connection.open;
    log.session(
        channel,
        connection.session().launch(),
        event.taskIdentifier(),
        "delivery failed",
        eventName(event)
            + (processGone
                ? ": the app process ended before its delegate returned; "
                    + kept
                    + (pending.progress() ? "" : " for the next launch")
                : ": " + DaemonLog.describe(failure) + "; " + kept),
        processGone ? Severity.INFO : Severity.ERROR);
  }

  private void afterDelivery(SessionChannel channel, TaskEvent event) {
    if (event instanceof TaskEvent.DidFinishDownloading finished) {
      tempFileHandedOver(channel, event.taskIdentifier(), finished.location());
    }
    if (event instanceof TaskEvent.DidComplete) {
      TaskRecord task = channel.tasks.get(event.taskIdentifier());
      if (task != null && task.isFinished()) {
        channel.tasks.remove(task.id);
      }
    }
    if (!(event instanceof TaskEvent.DidReceiveData)) {
      store.changed();
    }
  }

  /**
   * Rule 15: the file is the app's only until didFinishDownloadingTo returns. Says whether the app
   * moved it in time, or whether the daemon deleted it because the app did not.
   */
  private void tempFileHandedOver(SessionChannel channel, long taskId, Path location) {
    String name = location.getFileName().toString();
    if (!Files.exists(location)) {
      log.session(channel, taskId, "temp file moved", name + ": moved by the app");
      return;
    }
    log.session(
        channel,
        channel.launch(),
        taskId,
        "temp file deleted",
        name
            + ": the app did not move it. Move the file before didFinishDownloadingTo returns;"
            + " the system deletes it then",
        Severity.WARNING);
    DownloadsFolder.deleteQuietly(location);
  }

  static String eventName(TaskEvent event) {
    return event.getClass().getSimpleName();
  }
}
