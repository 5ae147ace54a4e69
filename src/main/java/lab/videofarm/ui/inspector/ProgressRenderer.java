package lab.videofarm.ui.inspector;

import java.awt.Component;
import javax.swing.JProgressBar;
import javax.swing.JTable;
import javax.swing.table.TableCellRenderer;
import lab.videofarm.ui.graph.Bytes;
import lab.videofarm.ui.scene.DaemonTask;

/** A task's bytes as a progress bar labelled with the byte counts. */
final class ProgressRenderer implements TableCellRenderer {
  private static final int STEPS = 1000;

  private final JProgressBar bar = new JProgressBar(0, STEPS);

  ProgressRenderer() {
    bar.setStringPainted(true);
    bar.setBorderPainted(false);
  }

  @Override
  public Component getTableCellRendererComponent(
      JTable table, Object value, boolean selected, boolean focused, int row, int column) {
    DaemonTask task = (DaemonTask) value;
    double fraction = task.fraction();
    bar.setValue(fraction < 0 ? 0 : (int) Math.round(fraction * STEPS));
    bar.setString(Bytes.progress(task.bytes(), task.expected()));
    bar.setFont(table.getFont());
    bar.setBackground(selected ? table.getSelectionBackground() : table.getBackground());
    return bar;
  }
}
