package lab.videofarm.ui.scene;

import java.util.ArrayList;
import java.util.List;
import lab.videofarm.os.timeline.TimelineEvent;

/**
 * Every event of a timeline with the scene after any of them. Appending folds the new events into
 * the latest scene; a scene in the past is folded forward from the checkpoint before it, one kept
 * every {@link #CHECKPOINT_EVERY} events, so scrubbing through 100,000 events folds at most that
 * many.
 *
 * <p>Not thread-safe: the views use it on the Swing thread.
 */
public final class SceneHistory {
  public static final int CHECKPOINT_EVERY = 1_000;

  private final List<TimelineEvent> events = new ArrayList<>();

  /**
   * {@code checkpoints.get(k)} is the scene after the first {@code k * CHECKPOINT_EVERY} events.
   */
  private final List<Scene> checkpoints = new ArrayList<>(List.of(Scene.EMPTY));

  private SceneFold live = new SceneFold();
  private Scene latest = Scene.EMPTY;

  /** Folds in new events. Events at or before the last sequence seen are ignored. */
  public void append(List<TimelineEvent> batch) {
    for (TimelineEvent event : batch) {
      if (!events.isEmpty() && event.sequence() <= lastSequence()) {
        continue;
      }
      events.add(event);
      live.apply(event);
      if (events.size() % CHECKPOINT_EVERY == 0) {
        checkpoints.add(live.snapshot());
      }
    }
    latest = null;
  }

  /** The scene after the last event. */
  public Scene latest() {
    if (latest == null) {
      latest = live.snapshot();
    }
    return latest;
  }

  /**
   * The scene just after event {@code sequence}: the latest for {@code -1} or a sequence past the
   * end, the empty scene for one before the first event kept.
   */
  public Scene sceneAt(long sequence) {
    if (sequence < 0 || events.isEmpty() || sequence >= lastSequence()) {
      return latest();
    }
    int count = countUpTo(sequence);
    int checkpoint = count / CHECKPOINT_EVERY;
    SceneFold fold = SceneFold.from(checkpoints.get(checkpoint));
    for (int i = checkpoint * CHECKPOINT_EVERY; i < count; i++) {
      fold.apply(events.get(i));
    }
    return fold.snapshot();
  }

  /** How many events there are. */
  public int size() {
    return events.size();
  }

  /** The sequence of the last event, or 0 before any. */
  public long lastSequence() {
    return events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
  }

  /** Forgets every event. */
  public void clear() {
    events.clear();
    checkpoints.clear();
    checkpoints.add(Scene.EMPTY);
    live = new SceneFold();
    latest = Scene.EMPTY;
  }

  /** How many events have a sequence at or before {@code sequence}. */
  private int countUpTo(long sequence) {
    int low = 0;
    int high = events.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (events.get(mid).sequence() <= sequence) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
