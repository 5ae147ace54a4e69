package lab.videofarm.os.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Time that moves only when told to. {@link #advance} runs every action that falls due, in order of
 * due time, on the calling thread; actions scheduled while advancing run too if they fall due
 * within the advanced span. Thread-safe.
 */
public final class ManualClock implements Clock {
  private final Object lock = new Object();

  /** Guarded by {@link #lock}. */
  private Instant now;

  /** Guarded by {@link #lock}. */
  private final PriorityQueue<Entry> pending = new PriorityQueue<>();

  /** Guarded by {@link #lock}. */
  private long sequence;

  public ManualClock(Instant start) {
    this.now = start;
  }

  public ManualClock() {
    this(Instant.parse("2026-01-01T09:00:00Z"));
  }

  @Override
  public Instant now() {
    synchronized (lock) {
      return now;
    }
  }

  @Override
  public Timer schedule(Duration delay, Runnable action) {
    synchronized (lock) {
      Entry entry =
          new Entry(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, action);
      pending.add(entry);
      return () -> {
        synchronized (lock) {
          return pending.remove(entry);
        }
      };
    }
  }

  /** Moves time forward by {@code span}, running every action that falls due on the way. */
  public void advance(Duration span) {
    Instant target;
    synchronized (lock) {
      target = now.plus(span);
    }
    while (true) {
      Entry due;
      synchronized (lock) {
        Entry next = pending.peek();
        if (next == null || next.due.isAfter(target)) {
          now = target;
          return;
        }
        due = pending.poll();
        now = due.due;
      }
      due.action.run();
    }
  }

  /** How many actions are waiting to fall due. */
  public int pendingCount() {
    synchronized (lock) {
      return pending.size();
    }
  }

  private record Entry(Instant due, long sequence, Runnable action) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byTime = due.compareTo(other.due);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }
}
