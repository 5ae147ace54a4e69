package lab.videofarm.ui.timeline;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.JToolBar;
import javax.swing.JViewport;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.ui.SceneView;

/**
 * The timeline at the bottom of the window: every event, one row each, filtered by layer and text.
 * It follows the newest event until the user selects a row; the selected row scrubs the scene back
 * to that moment. It shows either the live timeline or a recorded one (a file, a story).
 */
public final class TimelinePanel extends JPanel {
  private static final String ALL_LAYERS = "All layers";

  private final SceneView scene;
  private final TimelineTableModel model = new TimelineTableModel();
  private final JTable table = new JTable(model);
  private final TimelineColumns columns = new TimelineColumns(table);
  private final JComboBox<Object> layer = new JComboBox<>();
  private final JTextField search = new FixedWidthField(18);
  private final JToggleButton follow = new JToggleButton("Follow", true);
  private final JLabel count = new WideningLabel();
  private final JLabel source = new JLabel();
  private final JButton live = new JButton("Back to live");
  private final List<TimelineEvent> liveEvents = new ArrayList<>();
  private List<TimelineEvent> recorded;

  public TimelinePanel(SceneView scene) {
    super(new BorderLayout());
    this.scene = scene;
    setName("timeline");
    model.reset(liveEvents);
    add(toolbar(), BorderLayout.NORTH);
    JScrollPane scroll = new JScrollPane(table);
    // Following the end scrolls with every batch: a blit would paint at once, outside the frame
    // the rest of the window paints in; a plain repaint of the few visible rows waits for it.
    scroll.getViewport().setScrollMode(JViewport.SIMPLE_SCROLL_MODE);
    add(scroll, BorderLayout.CENTER);
    configureTable();
    showCount();
  }

  private JToolBar toolbar() {
    JToolBar bar = new JToolBar();
    bar.setFloatable(false);
    bar.setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
    DefaultComboBoxModel<Object> layers = new DefaultComboBoxModel<>();
    layers.addElement(ALL_LAYERS);
    for (Layer each : Layer.values()) {
      layers.addElement(each);
    }
    layer.setModel(layers);
    layer.setName("timeline.layer");
    layer.setToolTipText("Show one layer only");
    layer.addActionListener(event -> filterChanged());
    search.setName("timeline.search");
    search.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "Filter: task, session, what…");
    search.putClientProperty(FlatClientProperties.TEXT_FIELD_SHOW_CLEAR_BUTTON, true);
    search.getDocument().addDocumentListener(new FilterOnEdit());
    follow.setName("timeline.follow");
    follow.setToolTipText("Follow the newest event; selecting a row pauses and scrubs back to it");
    follow.addActionListener(event -> followToggled());
    live.setName("timeline.live");
    live.setVisible(false);
    live.addActionListener(event -> showLive());
    source.setName("timeline.source");
    count.setName("timeline.count");
    bar.add(new JLabel("Timeline  "));
    bar.add(layer);
    bar.addSeparator();
    bar.add(search);
    bar.addSeparator();
    bar.add(follow);
    bar.addSeparator();
    bar.add(count);
    bar.add(Box.createHorizontalGlue());
    bar.add(source);
    bar.add(live);
    return bar;
  }

  private void configureTable() {
    table.setName("timeline.table");
    table.setFillsViewportHeight(true);
    table.setShowHorizontalLines(false);
    table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    table.setAutoResizeMode(JTable.AUTO_RESIZE_LAST_COLUMN);
    table.setDefaultRenderer(Object.class, new TimelineRenderer(model));
    table.setDefaultRenderer(String.class, new TimelineRenderer(model));
    table.setDefaultRenderer(Layer.class, new TimelineRenderer(model));
    columns.size();
    table
        .getSelectionModel()
        .addListSelectionListener(
            event -> {
              if (!event.getValueIsAdjusting()) {
                rowSelected();
              }
            });
  }

  /**
   * The width that shows every column whole with a typical "What": what the window gives the
   * timeline by default.
   */
  public int preferredWidth() {
    return columns.preferredWidth();
  }

  /** The least width worth showing; narrower, the inspector should step aside instead. */
  public int leastWidth() {
    return columns.leastWidth();
  }

  @Override
  public void updateUI() {
    super.updateUI();
    // Called by the theme and zoom switches before they reach the table: size it after them.
    if (table != null) {
      SwingUtilities.invokeLater(columns::size);
    }
  }

  /** New live events, in order. */
  public void appendLive(List<TimelineEvent> batch) {
    liveEvents.addAll(batch);
    if (recorded == null) {
      appendShown(batch);
    }
  }

  private void appendShown(List<TimelineEvent> batch) {
    model.appended(batch);
    scene.appended(batch);
    showCount();
    if (follow.isSelected()) {
      scrollToEnd();
    }
  }

  /** Shows a recorded timeline (loaded from a file, or a story's) instead of the live one. */
  public void showRecorded(String title, List<TimelineEvent> events) {
    recorded = new ArrayList<>(events);
    source.setText("Showing " + title + "  ");
    live.setVisible(true);
    reload(recorded);
  }

  /** Back to the live timeline, which kept growing meanwhile. */
  public void showLive() {
    recorded = null;
    source.setText("");
    live.setVisible(false);
    reload(liveEvents);
  }

  private void reload(List<TimelineEvent> events) {
    table.clearSelection();
    scene.clear();
    model.reset(events);
    scene.appended(List.copyOf(events));
    setFollowing(true);
    showCount();
  }

  /** The events shown now, in order: what a save writes. */
  public List<TimelineEvent> shownEvents() {
    return List.copyOf(recorded != null ? recorded : liveEvents);
  }

  public boolean isShowingLive() {
    return recorded == null;
  }

  public boolean isFollowing() {
    return follow.isSelected();
  }

  public void setFollowing(boolean following) {
    follow.setSelected(following);
    followToggled();
  }

  private void followToggled() {
    if (follow.isSelected()) {
      table.clearSelection();
      scene.showAt(-1);
      scene.highlight("", TimelineEvent.NO_TASK);
      scrollToEnd();
    }
  }

  private void rowSelected() {
    int row = table.getSelectedRow();
    if (row < 0) {
      return;
    }
    follow.setSelected(false);
    TimelineEvent event = model.event(row);
    scene.showAt(event.sequence());
    scene.highlight(event.sessionId(), event.taskId());
  }

  /** Selects the row of the event with {@code sequence}, if the filter shows it. */
  public void select(long sequence) {
    int row = model.rowOf(sequence);
    if (row >= 0) {
      table.setRowSelectionInterval(row, row);
      table.scrollRectToVisible(table.getCellRect(row, 0, true));
    }
  }

  private void scrollToEnd() {
    int last = model.getRowCount() - 1;
    if (last >= 0) {
      Rectangle cell = table.getCellRect(last, 0, true);
      table.scrollRectToVisible(cell);
    }
  }

  private void filterChanged() {
    Object chosen = layer.getSelectedItem();
    String text = search.getText().trim().toLowerCase(Locale.ROOT);
    Predicate<TimelineEvent> filter = event -> true;
    if (chosen instanceof Layer only) {
      filter = filter.and(event -> event.layer() == only);
    }
    if (!text.isEmpty()) {
      filter = filter.and(event -> matches(event, text));
    }
    model.setFilter(filter);
    showCount();
    if (follow.isSelected()) {
      scrollToEnd();
    }
  }

  private static boolean matches(TimelineEvent event, String text) {
    return event.what().toLowerCase(Locale.ROOT).contains(text)
        || event.detail().toLowerCase(Locale.ROOT).contains(text)
        || event.sessionId().toLowerCase(Locale.ROOT).contains(text)
        || (event.hasTask() && Long.toString(event.taskId()).equals(text));
  }

  private void showCount() {
    int total = model.totalCount();
    int shown = model.getRowCount();
    String events = total == 1 ? " event" : " events";
    count.setText(shown == total ? total + events : shown + " of " + total + events);
  }

  /** The event on {@code row} of the table as filtered now. */
  public TimelineEvent eventAt(int row) {
    return model.event(row);
  }

  /** The table, for tests and for the window's key bindings. */
  public JTable table() {
    return table;
  }

  /**
   * A text field as wide as its columns, never a share of the bar's spare width: the count grows
   * with every batch, and a field resized each time would be painted twice a frame (a text field
   * repaints itself again when it is first painted at a new width).
   */
  private static final class FixedWidthField extends JTextField {
    FixedWidthField(int columns) {
      super(columns);
    }

    @Override
    public Dimension getMaximumSize() {
      return getPreferredSize();
    }
  }

  /**
   * A label that keeps the widest size its text ever needed, so a count that changes every frame
   * lays the bar out again only when it gains a digit.
   */
  private static final class WideningLabel extends JLabel {
    private int widest;

    @Override
    public Dimension getPreferredSize() {
      Dimension size = super.getPreferredSize();
      widest = Math.max(widest, size.width);
      return new Dimension(widest, size.height);
    }

    @Override
    public void updateUI() {
      super.updateUI();
      // A new font (presentation mode) measures afresh.
      widest = 0;
    }
  }

  private final class FilterOnEdit implements DocumentListener {
    @Override
    public void insertUpdate(DocumentEvent event) {
      filterChanged();
    }

    @Override
    public void removeUpdate(DocumentEvent event) {
      filterChanged();
    }

    @Override
    public void changedUpdate(DocumentEvent event) {
      filterChanged();
    }
  }
}
