package lab.videofarm.ui.inspector;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.event.MouseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import javax.swing.table.JTableHeader;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumnModel;
import lab.videofarm.os.AppState;
import lab.videofarm.ui.scene.AppStatus;
import lab.videofarm.ui.scene.Scene;

/**
 * The daemon inspector: a table of every task the daemon holds across apps and sessions, and each
 * app's current relaunch delay from the rate limiter. It shows one {@link Scene} at a time.
 */
public final class DaemonInspectorPanel extends JPanel {
  private final TaskTableModel model = new TaskTableModel();
  private final JTable table = new HighlightingTable(model);
  private final JLabel relaunchDelay = new JLabel(" ");
  private String highlightedSession = "";
  private long highlightedTask = -1;

  public DaemonInspectorPanel() {
    super(new BorderLayout());
    setName("daemonInspector");
    table.setName("daemonInspectorTable");
    table.setFillsViewportHeight(true);
    table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    table.setDefaultRenderer(lab.videofarm.ui.scene.DaemonTask.class, new ProgressRenderer());
    table.getTableHeader().setReorderingAllowed(false);
    relaunchDelay.setName("relaunchDelay");
    relaunchDelay.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
    table.setTableHeader(new ExplainedHeader(table.getColumnModel()));
    JScrollPane scroll = new JScrollPane(table);
    scroll.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_AS_NEEDED);
    // Installed here too so the header shows even when the panel is painted off screen.
    scroll.setColumnHeaderView(table.getTableHeader());
    add(scroll, BorderLayout.CENTER);
    add(relaunchDelay, BorderLayout.SOUTH);
    sizeColumns();
  }

  /** Shows the daemon as it stood in {@code scene}. */
  public void show(Scene scene) {
    model.show(scene);
    relaunchDelay.setText(relaunchDelays(scene));
    selectHighlighted();
  }

  /** Selects one task's row; {@code taskId < 0} clears the selection. */
  public void highlight(String sessionId, long taskId) {
    highlightedSession = sessionId == null ? "" : sessionId;
    highlightedTask = taskId;
    selectHighlighted();
  }

  public JTable table() {
    return table;
  }

  /** The row of the highlighted task, or -1 when none is highlighted or it is not in the table. */
  public int highlightedRow() {
    return ((HighlightingTable) table).highlightedRow;
  }

  /** The text of the relaunch delay line. */
  public String relaunchDelayText() {
    return relaunchDelay.getText();
  }

  @Override
  public void updateUI() {
    super.updateUI();
    if (table != null) {
      Font font = UIManager.getFont("Table.font");
      int height = font == null ? 22 : table.getFontMetrics(font).getHeight();
      table.setRowHeight(Math.round(height * 1.6f));
    }
  }

  private void selectHighlighted() {
    int row = highlightedTask < 0 ? -1 : model.indexOf(highlightedSession, highlightedTask);
    ((HighlightingTable) table).highlightedRow = row;
    if (row >= 0) {
      table.scrollRectToVisible(table.getCellRect(row, 0, true));
    }
    table.repaint();
  }

  private void sizeColumns() {
    TableColumnModel columns = table.getColumnModel();
    // Shares of the width: the session and the request are long, the numbers short.
    int[] widths = {130, 45, 130, 75, 130, 120, 85, 72};
    int[] minimums = {60, 45, 60, 70, 60, 60, 70, 72};
    for (int i = 0; i < widths.length; i++) {
      columns.getColumn(i).setPreferredWidth(widths[i]);
      columns.getColumn(i).setMinWidth(minimums[i]);
    }
    updateUI();
  }

  /** A header that says in full, on hover, what each short column name stands for. */
  private static final class ExplainedHeader extends JTableHeader {
    ExplainedHeader(TableColumnModel columns) {
      super(columns);
      setToolTipText("");
    }

    @Override
    public String getToolTipText(MouseEvent event) {
      int column = columnAtPoint(event.getPoint());
      return column < 0
          ? null
          : TaskTableModel.headerTip(getColumnModel().getColumn(column).getModelIndex());
    }
  }

  /** Paints the highlighted task's row in the accent colour, focused or not; says more on hover. */
  private static final class HighlightingTable extends JTable {
    private int highlightedRow = -1;

    HighlightingTable(TaskTableModel model) {
      super(model);
    }

    /**
     * Fills the width it is given when its columns fit there; beside a wide timeline it keeps them
     * readable and scrolls sideways instead of cutting every one of them short.
     */
    @Override
    public boolean getScrollableTracksViewportWidth() {
      int wanted = 0;
      for (int i = 0; i < getColumnCount(); i++) {
        wanted += getColumnModel().getColumn(i).getPreferredWidth();
      }
      return getParent() == null || wanted <= getParent().getWidth();
    }

    @Override
    public Component prepareRenderer(TableCellRenderer renderer, int row, int column) {
      Component cell = super.prepareRenderer(renderer, row, column);
      if (row == highlightedRow && !isRowSelected(row)) {
        Color accent = UIManager.getColor("Component.accentColor");
        Color base = getBackground();
        cell.setBackground(blend(base, accent == null ? getSelectionBackground() : accent));
      } else if (!isRowSelected(row)) {
        cell.setBackground(getBackground());
      }
      if (cell instanceof JComponent component) {
        Object value = getValueAt(row, column);
        component.setToolTipText(value instanceof String text && !text.isEmpty() ? text : null);
      }
      return cell;
    }

    private static Color blend(Color base, Color tint) {
      return new Color(
          (base.getRed() * 3 + tint.getRed()) / 4,
          (base.getGreen() * 3 + tint.getGreen()) / 4,
          (base.getBlue() * 3 + tint.getBlue()) / 4);
    }
  }

  /** {@code Relaunch delay: VideoFarm none (foreground)}; one entry per installed app. */
  static String relaunchDelays(Scene scene) {
    List<String> parts = new ArrayList<>();
    for (AppStatus app : scene.apps().values()) {
      parts.add(app.shortName() + " " + describe(app));
    }
    return parts.isEmpty()
        ? "Relaunch delay: no apps installed"
        : "Relaunch delay (rate limiter): " + String.join(" · ", parts);
  }

  private static String describe(AppStatus app) {
    Duration delay = app.relaunchDelay();
    String relaunches =
        app.relaunches()
            + (app.relaunches() == 1 ? " background relaunch" : " background relaunches");
    if (delay.isZero()) {
      return app.state() == AppState.FOREGROUND && app.relaunches() == 0
          ? "none (in the foreground)"
          : "none (" + relaunches + ")";
    }
    return delay.toSeconds() + " s (" + relaunches + " since the foreground)";
  }
}
