package lab.videofarm.os.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.timeline.TimelineEvent.Severity;

/**
 * The one bus every layer reports to. Events get consecutive sequence numbers in the order they are
 * posted, and listeners see them in that order. Listeners run on the posting thread while the
 * timeline's lock is held, so they must be quick and must not post: views hand events to their own
 * thread, tests collect them.
 *
 * <p>The timeline keeps the most recent {@link #CAPACITY} events for late subscribers.
 */
public final class Timeline {
  public static final int CAPACITY = 50_000;

  private final Clock clock;
  private final List<Consumer<TimelineEvent>> listeners = new CopyOnWriteArrayList<>();

  /** Guarded by {@code this}. */
  private final List<TimelineEvent> history = new ArrayList<>();

  /** Guarded by {@code this}. */
  private long sequence;

  public Timeline(Clock clock) {
    this.clock = clock;
  }

  /** Posts an informational event. Returns it. */
  public TimelineEvent post(
      Layer layer, int launch, String sessionId, long taskId, String what, String detail) {
    return post(layer, launch, sessionId, taskId, what, detail, Severity.INFO);
  }

  /** Posts an event. Returns it. */
  public synchronized TimelineEvent post(
      Layer layer,
      int launch,
      String sessionId,
      long taskId,
      String what,
      String detail,
      Severity severity) {
    TimelineEvent event =
        new TimelineEvent(
            ++sequence, clock.now(), layer, launch, sessionId, taskId, what, detail, severity);
    if (history.size() == CAPACITY) {
      history.subList(0, CAPACITY / 10).clear();
    }
    history.add(event);
    for (Consumer<TimelineEvent> listener : listeners) {
      listener.accept(event);
    }
    return event;
  }

  /**
   * Calls {@code listener} with every event kept so far, then with each new one. Close the returned
   * handle to stop.
   */
  public synchronized AutoCloseable subscribe(Consumer<TimelineEvent> listener) {
    history.forEach(listener);
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** The events kept so far, oldest first. */
  public synchronized List<TimelineEvent> events() {
    return List.copyOf(history);
  }
}
