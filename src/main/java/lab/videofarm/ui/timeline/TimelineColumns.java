package lab.videofarm.ui.timeline;

import java.awt.Font;
import java.awt.Insets;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.TableColumn;
import javax.swing.table.TableColumnModel;

/**
 * The timeline's column widths, in the table's current font: the fixed columns as wide as their
 * widest value (or their header), measured bold as on a warning's row, so they still fit after
 * presentation mode enlarged it, and never narrower. "What" gets the rest, and {@link
 * #TYPICAL_WHAT} when the window lays the timeline out at {@link #preferredWidth}.
 */
final class TimelineColumns {
  /**
   * The longest "What" of the rows a download fills the timeline with (its progress: the daemon's
   * "downloading", the delegate's "didWriteData", the app's notification), with a video id and a
   * movie of 2 MiB, as in the window's screenshots.
   */
  static final String TYPICAL_WHAT = "VideoDownloadProgressed  qbjmev9rgk 1048576/2097152 bytes";

  /** The widest value of each fixed column, or its header where that is wider. */
  private static final String[] WIDEST = {
    "00:00:00.000", "Launch", "NOTIFICATION", "background", "0000"
  };

  private static final int CELL_PADDING = 10;

  private final JTable table;

  TimelineColumns(JTable table) {
    this.table = table;
  }

  /** Sizes the columns for the table's font; again after a theme or zoom change. */
  void size() {
    TableColumnModel columns = table.getColumnModel();
    for (int i = 0; i < WIDEST.length; i++) {
      int width = textWidth(WIDEST[i], Font.BOLD);
      columns.getColumn(i).setMinWidth(width);
      columns.getColumn(i).setPreferredWidth(width);
    }
    TableColumn what = columns.getColumn(TimelineTableModel.WHAT);
    // A typical row is not a warning: plain.
    what.setMinWidth(textWidth("didWriteData  32768", Font.PLAIN));
    what.setPreferredWidth(textWidth(TYPICAL_WHAT, Font.PLAIN));
  }

  /** Every column whole with a typical "What". */
  int preferredWidth() {
    int columns = 0;
    for (int i = 0; i < table.getColumnCount(); i++) {
      columns += table.getColumnModel().getColumn(i).getPreferredWidth();
    }
    return withScrollBar(columns);
  }

  /** The fixed columns whole and "What" wide enough for a short event ({@code didWriteData}). */
  int leastWidth() {
    int columns = 0;
    for (int i = 0; i < table.getColumnCount(); i++) {
      columns += table.getColumnModel().getColumn(i).getMinWidth();
    }
    return withScrollBar(columns);
  }

  /** {@code text}'s width in a cell of {@code style} or in the header, whichever is wider. */
  private int textWidth(String text, int style) {
    int cell = table.getFontMetrics(table.getFont().deriveFont(style)).stringWidth(text);
    Font header = table.getTableHeader().getFont();
    int title = header == null ? 0 : table.getFontMetrics(header).stringWidth(text);
    return Math.max(cell, title) + CELL_PADDING;
  }

  private int withScrollBar(int columns) {
    JScrollPane scroll = (JScrollPane) table.getParent().getParent();
    Insets insets = scroll.getInsets();
    return columns
        + scroll.getVerticalScrollBar().getPreferredSize().width
        + insets.left
        + insets.right;
  }
}
