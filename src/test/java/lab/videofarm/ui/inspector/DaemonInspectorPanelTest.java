package lab.videofarm.ui.inspector;

import static lab.videofarm.ui.scene.StoryTimelines.event;
import static lab.videofarm.ui.scene.StoryTimelines.first;
import static lab.videofarm.ui.scene.StoryTimelines.sceneAfter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.ui.scene.Scene;
import lab.videofarm.ui.scene.StoryTimelines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inspector's table and relaunch delay, fed with the download story's real timeline. */
class DaemonInspectorPanelTest {
  private static final String BACKGROUND = "lab.videofarm.app.background";
  private static List<TimelineEvent> story;

  @BeforeAll
  static void playTheStory() {
    story = StoryTimelines.of("download");
  }

  @Test
  void whileNoAppIsAttachedTheRunningTaskIsWaitingForRelaunch() throws Exception {
    Scene scene =
        sceneAfter(
            story,
            first(
                story,
                event(Layer.DAEMON, "session detached")
                    .and(e -> e.sessionId().equals(BACKGROUND))));

    JTable table = onEdt(scene, BACKGROUND, 1).table();

    int row = rowOf(table, BACKGROUND, 1);
    assertThat(table.getValueAt(row, TaskTableModel.STATE)).asString().startsWith("running");
    assertThat(table.getValueAt(row, TaskTableModel.ATTACHED)).isEqualTo("waiting for relaunch");
    assertThat(table.getValueAt(row, TaskTableModel.DESCRIPTION))
        .asString()
        .startsWith("GET /videos/");
  }

  @Test
  void theQueuedColumnCountsTheEventsWaitingForTheTask() throws Exception {
    Scene scene = sceneAfter(story, first(story, event(Layer.DAEMON, "relaunch requested")));

    JTable table = onEdt(scene, BACKGROUND, 1).table();

    assertThat(table.getValueAt(rowOf(table, BACKGROUND, 1), TaskTableModel.QUEUED)).isEqualTo(2);
  }

  @Test
  void afterOneBackgroundRelaunchTheRateLimiterDelaysTheNextTaskBySixtySeconds() throws Exception {
    Scene scene = sceneAfter(story, story.get(story.size() - 1));

    DaemonInspectorPanel panel = onEdt(scene, BACKGROUND, 1);

    assertThat(panel.relaunchDelayText()).contains("VideoFarm 60 s");
  }

  @Test
  void theHighlightedTaskIsTheRowOfThatTask() throws Exception {
    Scene scene = sceneAfter(story, first(story, event(Layer.DELEGATE, "didFinishDownloadingTo")));

    DaemonInspectorPanel panel = onEdt(scene, BACKGROUND, 2);

    assertThat(panel.highlightedRow()).isEqualTo(rowOf(panel.table(), BACKGROUND, 2));
  }

  private static DaemonInspectorPanel onEdt(Scene scene, String sessionId, long taskId)
      throws Exception {
    DaemonInspectorPanel[] panel = new DaemonInspectorPanel[1];
    SwingUtilities.invokeAndWait(
        () -> {
          panel[0] = new DaemonInspectorPanel();
          panel[0].show(scene);
          panel[0].highlight(sessionId, taskId);
        });
    return panel[0];
  }

  private static int rowOf(JTable table, String sessionId, long taskId) {
    for (int row = 0; row < table.getRowCount(); row++) {
      if (table.getValueAt(row, TaskTableModel.SESSION).equals(sessionId)
          && ((Integer) table.getValueAt(row, TaskTableModel.TASK)) == taskId) {
        return row;
      }
    }
    throw new AssertionError("no row for task " + taskId);
  }
}
