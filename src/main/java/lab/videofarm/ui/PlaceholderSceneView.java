package lab.videofarm.ui;

import java.awt.BorderLayout;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import lab.videofarm.os.timeline.TimelineEvent;

/** Two labelled empty panels where the object graph and the daemon inspector go. */
final class PlaceholderSceneView implements SceneView {
  private final JPanel graph = panel("Object graph", "scene.graph");
  private final JPanel inspector = panel("Daemon inspector", "scene.inspector");

  private static JPanel panel(String title, String name) {
    JPanel panel = new JPanel(new BorderLayout());
    panel.setName(name);
    panel.setBorder(BorderFactory.createTitledBorder(title));
    JLabel label = new JLabel(title, SwingConstants.CENTER);
    label.setEnabled(false);
    panel.add(label, BorderLayout.CENTER);
    return panel;
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
  public void appended(List<TimelineEvent> batch) {}

  @Override
  public void showAt(long sequence) {}

  @Override
  public void highlight(String sessionId, long taskId) {}

  @Override
  public void setStepMode(boolean slow) {}

  @Override
  public void clear() {}
}
