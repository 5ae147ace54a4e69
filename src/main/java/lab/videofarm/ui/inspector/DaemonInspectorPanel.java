package lab.videofarm.ui.inspector;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Insets;
import java.awt.event.MouseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import javax.swing.table.JTableHeader;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumn;
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
  private static final int PADDING = 18;

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
    // Session, request and kind are drawn in the task's cell, which leaves the rest more room.
    while (table.getColumnCount() > TaskTableModel.SHOWN) {
      table.removeColumn(table.getColumnModel().getColumn(TaskTableModel.SHOWN));
    }
    table.getColumnModel().getColumn(TaskTableModel.TASK).setCellRenderer(new TaskRenderer());
    JScrollPane scroll = new JScrollPane(table);
    scroll.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_AS_NEEDED);
    // Installed here too so the header shows even when the panel is painted off screen.
    scroll.setColumnHeaderView(table.getTableHeader());
    add(scroll, BorderLayout.CENTER);
    add(relaunchDelay, BorderLayout.SOUTH);
    updateUI();
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

  /**
   * As wide as its columns need at their least widths, where each still says something (the task's
   * request shortened to its method and what it fetches); narrower, it scrolls sideways.
   */
  @Override
  public Dimension getPreferredSize() {
    Dimension size = super.getPreferredSize();
    if (table == null || isPreferredSizeSet()) {
      return size;
    }
    JScrollPane scroll = (JScrollPane) table.getParent().getParent();
    Insets insets = scroll.getInsets();
    int least =
        ((HighlightingTable) table).leastWidth()
            + scroll.getVerticalScrollBar().getPreferredSize().width
            + insets.left
            + insets.right;
    return new Dimension(least, size.height);
  }

  @Override
  public void updateUI() {
    super.updateUI();
    if (table != null) {
      Font font = UIManager.getFont("Table.font");
      int height = font == null ? 22 : table.getFontMetrics(font).getHeight();
      // Two lines: the task and, below it, its session.
      table.setRowHeight(Math.round(height * 2.4f));
      sizeColumns(table.getFontMetrics(font == null ? table.getFont() : font));
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

  /**
   * Columns whose content has a known width (the byte counts, the queue's count) get exactly that,
   * in the current font. The texts share the rest: each between a width that still says something
   * and one that shows a typical value whole; when the table is narrow, a column gives up width in
   * proportion to the difference, so the task's request, the longest text, gives up the most.
   */
  private void sizeColumns(FontMetrics metrics) {
    fix(TaskTableModel.BYTES, metrics, "999 KB / 9.9 MB");
    fix(TaskTableModel.QUEUED, metrics, "Queued");
    flexible(TaskTableModel.TASK, metrics, "#99 GET …/movie", "#2 GET /videos/abcdefghij/movie");
    flexible(TaskTableModel.STATE, metrics, "running", "finished HTTP 200");
    flexible(TaskTableModel.ATTACHED, metrics, "launch 9", "launch 12");
    column(TaskTableModel.STATE).setCellRenderer(new ElidingRenderer(1));
    column(TaskTableModel.ATTACHED).setCellRenderer(new ElidingRenderer(0.5));
  }

  private void flexible(int column, FontMetrics metrics, String least, String typical) {
    TableColumn flexible = column(column);
    flexible.setMinWidth(metrics.stringWidth(least) + PADDING);
    flexible.setPreferredWidth(metrics.stringWidth(typical) + PADDING);
  }

  private void fix(int column, FontMetrics metrics, String... samples) {
    int width = 0;
    for (String sample : samples) {
      width = Math.max(width, metrics.stringWidth(sample));
    }
    TableColumn fixed = column(column);
    fixed.setMinWidth(width + PADDING);
    fixed.setMaxWidth(width + PADDING);
    fixed.setPreferredWidth(width + PADDING);
  }

  /** The view's column showing model column {@code modelIndex}. */
  private TableColumn column(int modelIndex) {
    TableColumnModel columns = table.getColumnModel();
    return columns.getColumn(table.convertColumnIndexToView(modelIndex));
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

  /** Paints the highlighted task's row in the accent colour, focused or not. */
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
      return getParent() == null || leastWidth() <= getParent().getWidth();
    }

    /** The columns at their least widths, where each still says something. */
    int leastWidth() {
      int least = 0;
      for (int i = 0; i < getColumnCount(); i++) {
        least += getColumnModel().getColumn(i).getMinWidth();
      }
      return least;
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
