package lab.videofarm.ui.scene;

import java.util.List;
import java.util.function.LongSupplier;
import javax.swing.JComponent;
import javax.swing.Timer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.ui.SceneView;
import lab.videofarm.ui.graph.ObjectGraphPanel;
import lab.videofarm.ui.inspector.DaemonInspectorPanel;

/**
 * The object graph and the daemon inspector, fed by one {@link SceneHistory}. New events are folded
 * as they arrive and shown at once, so both views change in the same Swing event as the timeline
 * that delivered them and the window paints all three together: the timeline's feed is the frame
 * clock (at most {@link lab.videofarm.ui.timeline.TimelineFeed#BATCHES_PER_SECOND} a second). A
 * batch that comes sooner than a frame after the last one shown waits for a one-shot timer, so
 * however often this is called the views change at most about 30 times a second. While following
 * the end the graph animates every change; scrubbing shows the chosen moment, animating only when
 * it moves forward.
 */
public final class SceneViews implements SceneView {
  private static final int REFRESH_MS = 33;

  /** Less than a frame, so a batch a frame after the last one is shown at once despite jitter. */
  private static final long MIN_GAP_NANOS = 20_000_000L;

  private final SceneHistory history = new SceneHistory();
  private final ObjectGraphPanel graph;
  private final DaemonInspectorPanel inspector = new DaemonInspectorPanel();
  private final Timer refresh = new Timer(REFRESH_MS, e -> refreshFollowing());
  private long shownAt = -1;
  private boolean stale;
  private long lastRefresh = System.nanoTime() - MIN_GAP_NANOS;

  /** Views animated on {@code millis}, a clock in milliseconds. */
  public SceneViews(LongSupplier millis) {
    graph = new ObjectGraphPanel(millis);
    refresh.setRepeats(false);
    refresh.setCoalesce(true);
  }

  public SceneViews() {
    this(System::currentTimeMillis);
  }

  @Override
  public JComponent graph() {
    return graph;
  }

  @Override
  public JComponent inspector() {
    return inspector;
  }

  @Override
  public void appended(List<TimelineEvent> batch) {
    history.append(batch);
    if (shownAt < 0) {
      stale = true;
      if (System.nanoTime() - lastRefresh >= MIN_GAP_NANOS) {
        refreshFollowing();
      } else if (!refresh.isRunning()) {
        refresh.start();
      }
    }
  }

  @Override
  public void showAt(long sequence) {
    shownAt = sequence < 0 ? -1 : sequence;
    Scene scene = history.sceneAt(shownAt);
    display(scene, scene.sequence() > graph.scene().sequence());
  }

  @Override
  public void highlight(String sessionId, long taskId) {
    graph.highlight(sessionId, taskId);
    inspector.highlight(sessionId, taskId);
  }

  @Override
  public void setStepMode(boolean slow) {
    graph.setStepMode(slow);
  }

  @Override
  public void clear() {
    history.clear();
    shownAt = -1;
    stale = false;
    refresh.stop();
    display(Scene.EMPTY, false);
  }

  /** Folds and shows everything appended so far at once, with animations at their end. */
  public void settle() {
    refresh.stop();
    Scene scene = history.sceneAt(shownAt);
    display(scene, false);
    graph.finishAnimations();
  }

  /** The scene on screen. */
  public Scene scene() {
    return graph.scene();
  }

  public SceneHistory history() {
    return history;
  }

  private void refreshFollowing() {
    if (stale && shownAt < 0) {
      stale = false;
      lastRefresh = System.nanoTime();
      refresh.stop();
      display(history.latest(), true);
    }
  }

  private void display(Scene scene, boolean animate) {
    graph.show(scene, animate);
    inspector.show(scene);
  }
}
