package lab.videofarm.ui;

import java.util.List;
import javax.swing.JComponent;
import lab.videofarm.os.timeline.TimelineEvent;

/**
 * The views built from the timeline alone: the object graph and the daemon inspector. They show the
 * story as it stood after any event, so selecting an earlier timeline row scrubs them back, and a
 * timeline loaded from a file drives them the same way. Every method is called on the Swing thread.
 */
public interface SceneView {
  /** The object graph: the daemon's side and the app's side, linked by session identifier. */
  JComponent graph();

  /** The daemon inspector: a table of every task the daemon holds. */
  JComponent inspector();

  /** New timeline events, in order, coalesced into one batch. */
  void appended(List<TimelineEvent> batch);

  /** Shows the scene as it stood just after event {@code sequence}; {@code -1} follows the end. */
  void showAt(long sequence);

  /** Highlights one task, or none when {@code taskId} is {@link TimelineEvent#NO_TASK}. */
  void highlight(String sessionId, long taskId);

  /** Slows the graph's animations down for teaching. */
  void setStepMode(boolean slow);

  /** Forgets every event, before a timeline is loaded from a file. */
  void clear();
}
