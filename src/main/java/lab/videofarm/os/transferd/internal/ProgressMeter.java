package lab.videofarm.os.transferd.internal;

import java.time.Duration;
import java.time.Instant;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.transferd.TaskEvent;

/**
 * One throttle for progress, both ways: DidSendBodyData and DidWriteData at most every {@value
 * #EVENT_INTERVAL_MILLIS} ms of device time (plus the last one), the timeline at every 10% step or
 * once a second, and the journal once a second while a download writes. Called under the daemon's
 * lock; its state is the task's {@link TaskRecord.Meter}.
 */
final class ProgressMeter {
  static final long EVENT_INTERVAL_MILLIS = 100;
  static final Duration EVENT_INTERVAL = Duration.ofMillis(EVENT_INTERVAL_MILLIS);
  static final Duration TIMELINE_INTERVAL = Duration.ofSeconds(1);
  static final Duration PERSIST_INTERVAL = Duration.ofSeconds(1);

  /** Which way the bytes go: what is counted, and which event reports it. */
  enum Direction {
    SEND("sending"),
    WRITE("downloading");

    final String timelineWhat;

    Direction(String timelineWhat) {
      this.timelineWhat = timelineWhat;
    }

    long done(TaskRecord task) {
      return this == SEND ? task.bytesSent : task.bytesReceived;
    }

    long expected(TaskRecord task) {
      return this == SEND ? task.expectedToSend : task.expectedToReceive;
    }

    TaskEvent event(TaskRecord task, long since) {
      long done = done(task);
      return this == SEND
          ? new TaskEvent.DidSendBodyData(task.id, done - since, done, expected(task))
          : new TaskEvent.DidWriteData(task.id, done - since, done, expected(task));
    }
  }

  private final Clock clock;
  private final Mailbox mailbox;
  private final DaemonLog log;

  ProgressMeter(Clock clock, Mailbox mailbox, DaemonLog log) {
    this.clock = clock;
    this.mailbox = mailbox;
    this.log = log;
  }

  /** Counting starts (again) at {@code offset}: the next event reports from there. */
  void restart(TaskRecord task, long offset) {
    task.meter.atLastEvent = offset;
    task.meter.lastEvent = null;
  }

  /** Bytes moved: an event when one is due (or {@code last}), and a timeline line. */
  void moved(TaskRecord task, Direction direction, boolean last) {
    if (due(task) || last) {
      report(task, direction);
    }
    timeline(task, direction.timelineWhat, direction.done(task), direction.expected(task));
  }

  /** The last event of a body: sent only if something is left unreported (or nothing was sent). */
  void finished(TaskRecord task, Direction direction) {
    if (direction.done(task) > task.meter.atLastEvent || task.meter.lastEvent == null) {
      report(task, direction);
    }
  }

  /** The upload body went out: the next body (a redirect's) starts its own count. */
  void bodySent(TaskRecord task) {
    if (task.bytesSent > task.meter.atLastEvent) {
      report(task, Direction.SEND);
    }
    restart(task, 0);
  }

  /** Whether the journal should hear of a download's progress now: once a second. */
  boolean persistDue(TaskRecord task) {
    Instant now = clock.now();
    Instant last = task.meter.lastPersist;
    if (last == null || Duration.between(last, now).compareTo(PERSIST_INTERVAL) >= 0) {
      task.meter.lastPersist = now;
      return true;
    }
    return false;
  }

  /** Progress on the timeline: at every 10% step, or once a second of device time. */
  void timeline(TaskRecord task, String what, long done, long expected) {
    Instant now = clock.now();
    TaskRecord.Meter meter = task.meter;
    boolean step =
        expected > 0 && (done * 10 / expected) != (meter.lastTimelineBytes * 10 / expected);
    boolean second =
        meter.lastTimelineTime != null
            && Duration.between(meter.lastTimelineTime, now).compareTo(TIMELINE_INTERVAL) >= 0;
    if (meter.lastTimelineTime == null || step || second) {
      meter.lastTimelineBytes = done;
      meter.lastTimelineTime = now;
      log.task(
          task, what, done + " / " + (expected < 0 ? "?" : Long.toString(expected)) + " bytes");
    }
  }

  private boolean due(TaskRecord task) {
    Instant last = task.meter.lastEvent;
    return last == null || Duration.between(last, clock.now()).compareTo(EVENT_INTERVAL) >= 0;
  }

  private void report(TaskRecord task, Direction direction) {
    mailbox.emit(task.session, direction.event(task, task.meter.atLastEvent));
    task.meter.atLastEvent = direction.done(task);
    task.meter.lastEvent = clock.now();
  }
}
