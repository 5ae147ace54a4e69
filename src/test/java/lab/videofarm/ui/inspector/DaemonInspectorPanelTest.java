package lab.videofarm.ui.inspector;

import static lab.videofarm.ui.scene.StoryTimelines.event;
import static lab.videofarm.ui.scene.StoryTimelines.first;
import static lab.videofarm.ui.scene.StoryTimelines.sceneAfter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.ui.graph.Bytes;
import lab.videofarm.ui.scene.DaemonTask;
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
    assertThat(table.getModel().getValueAt(row, TaskTableModel.DESCRIPTION))
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

  @Test
  void aTaskIsShownWithItsNumberAndKind() throws Exception {
    Scene scene = sceneAfter(story, first(story, event(Layer.DELEGATE, "didFinishDownloadingTo")));
    DaemonInspectorPanel panel = onEdt(scene, BACKGROUND, 2);

    int row = rowOf(panel.table(), BACKGROUND, 2);
    layOut(panel, 1200);

    String[] lines = taskLines(panel, row);

    assertThat(lines[0]).isEqualTo("#2 " + request(panel, row));
    assertThat(lines[1]).isEqualTo("download · " + BACKGROUND);
  }

  @Test
  void inANarrowInspectorTheTaskKeepsWhatItFetchesAndTheBytesStayWhole() throws Exception {
    Scene scene = sceneAfter(story, first(story, event(Layer.DELEGATE, "didFinishDownloadingTo")));
    DaemonInspectorPanel panel = onEdt(scene, BACKGROUND, 2);
    int row = rowOf(panel.table(), BACKGROUND, 2);

    layOut(panel, 560);

    String[] lines = taskLines(panel, row);
    String request = request(panel, row);
    assertThat(lines[0]).isEqualTo("#2 GET …" + request.substring(request.lastIndexOf('/')));
    assertThat(lines[1]).startsWith("download · ").endsWith("background");
    DaemonTask task = (DaemonTask) panel.table().getModel().getValueAt(row, TaskTableModel.BYTES);
    assertThat(shownText(panel, row, TaskTableModel.BYTES))
        .isEqualTo(Bytes.progress(task.bytes(), task.expected()));
  }

  /** The text a cell's renderer shows, as painted at the column's current width. */
  private static String shownText(DaemonInspectorPanel panel, int row, int column)
      throws Exception {
    String[] text = new String[1];
    SwingUtilities.invokeAndWait(
        () -> {
          JTable table = panel.table();
          int view = table.convertColumnIndexToView(column);
          text[0] =
              ((JLabel) table.prepareRenderer(table.getCellRenderer(row, view), row, view))
                  .getText();
        });
    return text[0];
  }

  private static void layOut(DaemonInspectorPanel panel, int width) throws Exception {
    SwingUtilities.invokeAndWait(
        () -> {
          panel.setSize(width, 300);
          layOutTree(panel);
        });
  }

  /** Lays out a tree that is not on screen, where {@code validate} would do nothing. */
  private static void layOutTree(java.awt.Component component) {
    if (component instanceof java.awt.Container container) {
      container.doLayout();
      for (java.awt.Component child : container.getComponents()) {
        layOutTree(child);
      }
    }
  }

  private static String request(DaemonInspectorPanel panel, int row) {
    return (String) panel.table().getModel().getValueAt(row, TaskTableModel.DESCRIPTION);
  }

  /** The two lines of a task's cell, as painted at the column's current width. */
  private static String[] taskLines(DaemonInspectorPanel panel, int row) throws Exception {
    String[][] lines = new String[1][];
    SwingUtilities.invokeAndWait(
        () -> {
          JTable table = panel.table();
          int view = table.convertColumnIndexToView(TaskTableModel.TASK);
          lines[0] =
              ((TaskRenderer) table.prepareRenderer(table.getCellRenderer(row, view), row, view))
                  .lines();
        });
    return lines[0];
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
      if (table.getModel().getValueAt(row, TaskTableModel.SESSION).equals(sessionId)
          && ((Integer) table.getModel().getValueAt(row, TaskTableModel.TASK)) == taskId) {
        return row;
      }
    }
    throw new AssertionError("no row for task " + taskId);
  }
}
