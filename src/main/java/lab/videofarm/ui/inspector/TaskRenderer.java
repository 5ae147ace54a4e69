package lab.videofarm.ui.inspector;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GridLayout;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTable;
import javax.swing.UIManager;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableModel;

/**
 * A task in two lines: its number and request ({@code #2 GET …/movie}), and below it, smaller, its
 * kind and the identifier of its session ({@code download · lab.videofarm.app.background}). One
 * column instead of four leaves the state, bytes and launch room in a narrow inspector; what does
 * not fit loses its middle and is in the tooltip.
 */
final class TaskRenderer extends JPanel implements TableCellRenderer {
  private final JLabel task = new JLabel();
  private final JLabel session = new JLabel();

  TaskRenderer() {
    super(new GridLayout(2, 1));
    setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
    add(task);
    add(session);
  }

  @Override
  public Component getTableCellRendererComponent(
      JTable table, Object value, boolean selected, boolean focused, int row, int column) {
    TableModel model = table.getModel();
    int at = table.convertRowIndexToModel(row);
    String request = (String) model.getValueAt(at, TaskTableModel.DESCRIPTION);
    String sessionId = (String) model.getValueAt(at, TaskTableModel.SESSION);
    String head = "#" + value + " ";
    String kind = model.getValueAt(at, TaskTableModel.KIND) + " · ";
    Font font = table.getFont();
    task.setFont(font);
    session.setFont(font.deriveFont(font.getSize2D() * 0.85f));
    int room = table.getColumnModel().getColumn(column).getWidth() - 8;
    FontMetrics metrics = task.getFontMetrics(font);
    task.setText(head + shorten(request, metrics, room - metrics.stringWidth(head)));
    FontMetrics small = session.getFontMetrics(session.getFont());
    session.setText(
        kind + ElidingRenderer.elide(sessionId, small, room - small.stringWidth(kind), 0));
    setToolTipText(head + kind + request + " — session " + sessionId);
    colour(table, selected);
    return this;
  }

  /**
   * {@code GET /videos/x/thumbnail} whole if it fits, else {@code GET …/thumbnail}, else {@code
   * …/thumbnail}: what is fetched says more than the video's id; else as much of its end as fits.
   */
  static String shorten(String request, FontMetrics metrics, int room) {
    if (metrics.stringWidth(request) <= room) {
      return request;
    }
    int space = request.indexOf(' ');
    int slash = request.lastIndexOf('/');
    if (space > 0 && slash > space) {
      String brief = request.substring(0, space) + " …" + request.substring(slash);
      if (metrics.stringWidth(brief) <= room) {
        return brief;
      }
      String briefest = "…" + request.substring(slash);
      if (metrics.stringWidth(briefest) <= room) {
        return briefest;
      }
    }
    return ElidingRenderer.elide(request, metrics, room, 0);
  }

  /** The lines as last rendered: the task, then its session. */
  String[] lines() {
    return new String[] {task.getText(), session.getText()};
  }

  private void colour(JTable table, boolean selected) {
    setBackground(selected ? table.getSelectionBackground() : table.getBackground());
    Color foreground = selected ? table.getSelectionForeground() : table.getForeground();
    Color quiet = UIManager.getColor("Label.disabledForeground");
    task.setForeground(foreground);
    session.setForeground(selected || quiet == null ? foreground : quiet);
  }
}
