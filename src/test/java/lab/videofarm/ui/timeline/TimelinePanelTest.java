package lab.videofarm.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.ui.SceneView;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** The timeline drives the scene: batches in, and the selected row scrubs and highlights. */
class TimelinePanelTest {
  private final RecordingScene scene = new RecordingScene();

  @Test
  void selectingARowScrubsTheSceneBackAndHighlightsItsTaskAndStopsFollowing() {
    List<String> calls =
        GuiActionRunner.execute(
            () -> {
              TimelinePanel panel = new TimelinePanel(scene);
              panel.appendLive(List.of(event(1, "s", -1), event(2, "bg", 7), event(3, "bg", 8)));
              scene.calls.clear();
              panel.select(2);
              assertThat(panel.isFollowing()).isFalse();
              return List.copyOf(scene.calls);
            });

    assertThat(calls).containsExactly("showAt 2", "highlight bg 7");
  }

  @Test
  void aRecordedTimelineReplacesTheLiveOneInTheSceneAndLiveEventsWaitMeanwhile() {
    List<String> calls =
        GuiActionRunner.execute(
            () -> {
              TimelinePanel panel = new TimelinePanel(scene);
              panel.appendLive(List.of(event(1, "s", -1)));
              panel.showRecorded("a file", List.of(event(1, "x", 1), event(2, "x", 2)));
              panel.appendLive(List.of(event(2, "s", -1)));
              assertThat(panel.table().getRowCount()).isEqualTo(2);
              panel.showLive();
              assertThat(panel.table().getRowCount()).isEqualTo(2);
              return List.copyOf(scene.calls);
            });

    assertThat(calls)
        .containsSubsequence("appended 1", "clear", "appended 2", "clear", "appended 2");
  }

  @Test
  void theCountSaysEventOnlyForOne() {
    List<String> counts =
        GuiActionRunner.execute(
            () -> {
              TimelinePanel panel = new TimelinePanel(scene);
              panel.appendLive(List.of(event(1, "s", -1)));
              String one = countOf(panel);
              panel.appendLive(List.of(event(2, "s", -1)));
              return List.of(one, countOf(panel));
            });

    assertThat(counts).containsExactly("1 event", "2 events");
  }

  private static String countOf(TimelinePanel panel) {
    JLabel count = countIn(panel);
    assertThat(count).as("the timeline.count label").isNotNull();
    return count.getText();
  }

  private static JLabel countIn(java.awt.Component component) {
    if (component instanceof JLabel label && "timeline.count".equals(label.getName())) {
      return label;
    }
    if (component instanceof java.awt.Container container) {
      for (java.awt.Component child : container.getComponents()) {
        JLabel found = countIn(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static TimelineEvent event(long sequence, String session, long task) {
    return new TimelineEvent(
        sequence, Instant.EPOCH, Layer.DAEMON, 1, session, task, "what", "", Severity.INFO);
  }

  /** Writes down what the timeline asked of it. */
  private static final class RecordingScene implements SceneView {
    final List<String> calls = new ArrayList<>();

    @Override
    public JComponent graph() {
      return new JPanel();
    }

    @Override
    public JComponent inspector() {
      return new JPanel();
    }

    @Override
    public void appended(List<TimelineEvent> batch) {
      calls.add("appended " + batch.size());
    }

    @Override
    public void showAt(long sequence) {
      calls.add("showAt " + sequence);
    }

    @Override
    public void highlight(String sessionId, long taskId) {
      if (taskId != TimelineEvent.NO_TASK) {
        calls.add("highlight " + sessionId + " " + taskId);
      }
    }

    @Override
    public void setStepMode(boolean slow) {}

    @Override
    public void clear() {
      calls.add("clear");
    }
  }
}
