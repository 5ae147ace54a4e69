package lab.videofarm.ui.inspector;

import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Insets;
import javax.swing.BorderFactory;
import javax.swing.JTable;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableCellRenderer;
import lab.videofarm.ui.graph.Bytes;
import lab.videofarm.ui.scene.DaemonTask;

/**
 * A task's bytes as text over a thin bar along the cell's foot. Text and bar never compete for the
 * same pixels, so the count stays readable in a narrow column and on a projector, and the bar shows
 * the fraction even when the text has to be shortened.
 */
final class ProgressRenderer extends DefaultTableCellRenderer {
  private static final int BAR_HEIGHT = 3;

  private double fraction = -1;

  ProgressRenderer() {
    setBorder(BorderFactory.createEmptyBorder(0, 4, BAR_HEIGHT + 1, 4));
  }

  @Override
  public Component getTableCellRendererComponent(
      JTable table, Object value, boolean selected, boolean focused, int row, int column) {
    DaemonTask task = (DaemonTask) value;
    super.getTableCellRendererComponent(table, null, selected, false, row, column);
    fraction = task.fraction();
    setText(Bytes.progress(task.bytes(), task.expected()));
    setToolTipText(
        task.bytes() + " of " + (task.expected() < 0 ? "?" : task.expected()) + " bytes");
    return this;
  }

  @Override
  protected void paintComponent(Graphics g) {
    super.paintComponent(g);
    if (fraction < 0) {
      return;
    }
    Insets insets = getInsets();
    int width = getWidth() - insets.left - insets.right;
    int y = getHeight() - BAR_HEIGHT - 1;
    g.setColor(track());
    g.fillRect(insets.left, y, width, BAR_HEIGHT);
    g.setColor(fill());
    g.fillRect(insets.left, y, (int) Math.round(width * Math.min(1, fraction)), BAR_HEIGHT);
  }

  private static Color track() {
    Color color = UIManager.getColor("ProgressBar.background");
    return color == null ? Color.LIGHT_GRAY : color;
  }

  private static Color fill() {
    Color color = UIManager.getColor("ProgressBar.foreground");
    return color == null ? new Color(0x2675BF) : color;
  }
}
