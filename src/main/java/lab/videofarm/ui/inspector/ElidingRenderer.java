package lab.videofarm.ui.inspector;

import java.awt.Component;
import java.awt.FontMetrics;
import java.awt.Insets;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;

/**
 * Text that does not fit loses a part chosen for the column, not simply its end: a session keeps
 * the end of its identifier ({@code …app.background}), a request its method and what it fetches
 * ({@code GET …/movie}), a state its start ({@code running (rec…}). Those are what tell rows apart;
 * the whole text is in the tooltip.
 */
final class ElidingRenderer extends DefaultTableCellRenderer {
  private static final String ELLIPSIS = "…";

  private final double headShare;

  /**
   * @param headShare how much of what is kept comes from the start of the text: 0 keeps only the
   *     end, 1 only the start
   */
  ElidingRenderer(double headShare) {
    this.headShare = headShare;
  }

  @Override
  public Component getTableCellRendererComponent(
      JTable table, Object value, boolean selected, boolean focused, int row, int column) {
    super.getTableCellRendererComponent(table, value, selected, false, row, column);
    String text = value == null ? "" : value.toString();
    Insets insets = getInsets();
    int room = table.getColumnModel().getColumn(column).getWidth() - insets.left - insets.right;
    setText(elide(text, getFontMetrics(getFont()), room, headShare));
    setToolTipText(text.isEmpty() ? null : text);
    return this;
  }

  /**
   * {@code text} if it fits in {@code room}, else as much of its start and end around an ellipsis
   * as fits, {@code headShare} of it from the start.
   */
  static String elide(String text, FontMetrics metrics, int room, double headShare) {
    if (metrics.stringWidth(text) <= room) {
      return text;
    }
    int keep = text.length() - 1;
    while (keep > 1) {
      int head = (int) Math.round(keep * headShare);
      String shortened =
          text.substring(0, head) + ELLIPSIS + text.substring(text.length() - (keep - head));
      if (metrics.stringWidth(shortened) <= room) {
        return shortened;
      }
      keep--;
    }
    return ELLIPSIS;
  }
}
