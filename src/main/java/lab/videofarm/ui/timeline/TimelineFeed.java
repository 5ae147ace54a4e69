package lab.videofarm.ui.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javax.swing.Timer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;

/**
 * Brings the timeline's events to the Swing thread in batches, at most {@link #BATCHES_PER_SECOND}
 * a second however fast they are posted: the timeline's listener only queues (it runs on the
 * posting thread under the timeline's lock), and a Swing timer drains the queue.
 */
public final class TimelineFeed implements AutoCloseable {
  public static final int BATCHES_PER_SECOND = 30;

  private final ConcurrentLinkedQueue<TimelineEvent> queue = new ConcurrentLinkedQueue<>();
  private final Consumer<List<TimelineEvent>> batches;
  private final Timer timer;
  private AutoCloseable subscription;

  /** Call on the Swing thread; {@code batches} is called there too. */
  public TimelineFeed(Consumer<List<TimelineEvent>> batches) {
    this.batches = batches;
    this.timer = new Timer(1000 / BATCHES_PER_SECOND, event -> drain());
  }

  /** Starts feeding {@code timeline}'s events, those it kept so far first. */
  public void start(Timeline timeline) {
    subscription = timeline.subscribe(queue::add);
    timer.start();
  }

  /** Delivers whatever is queued now, as one batch. */
  public void drain() {
    if (queue.isEmpty()) {
      return;
    }
    List<TimelineEvent> batch = new ArrayList<>();
    for (TimelineEvent event = queue.poll(); event != null; event = queue.poll()) {
      batch.add(event);
    }
    batches.accept(batch);
  }

  @Override
  public void close() throws Exception {
    timer.stop();
    if (subscription != null) {
      subscription.close();
    }
  }
}
