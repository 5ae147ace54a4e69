package lab.videofarm.ui.timeline;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import javax.swing.table.AbstractTableModel;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;

/**
 * The rows of the timeline table: a list of events that only grows, and the positions of those the
 * filter lets through. Appending a batch costs only the batch, so the table stays smooth at a
 * hundred thousand events. Used on the Swing thread only.
 */
final class TimelineTableModel extends AbstractTableModel {
  static final int TIME = 0;
  static final int LAUNCH = 1;
  static final int LAYER = 2;
  static final int SESSION = 3;
  static final int TASK = 4;
  static final int WHAT = 5;

  private static final String[] COLUMNS = {"Time", "Launch", "Layer", "Session", "Task", "What"};
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private List<TimelineEvent> events = new ArrayList<>();
  private int[] visible = new int[1024];
  private int visibleCount;
  private Predicate<TimelineEvent> filter = event -> true;

  /** Shows {@code all} from now on; the model keeps the list and appends to it. */
  void reset(List<TimelineEvent> all) {
    events = all;
    refilter();
  }

  /** {@code batch} was just added at the end of the list given to {@link #reset}. */
  void appended(List<TimelineEvent> batch) {
    int firstNew = events.size() - batch.size();
    int before = visibleCount;
    for (int i = firstNew; i < events.size(); i++) {
      if (filter.test(events.get(i))) {
        add(i);
      }
    }
    if (visibleCount > before) {
      fireTableRowsInserted(before, visibleCount - 1);
    }
  }

  void setFilter(Predicate<TimelineEvent> filter) {
    this.filter = filter;
    refilter();
  }

  private void refilter() {
    visibleCount = 0;
    for (int i = 0; i < events.size(); i++) {
      if (filter.test(events.get(i))) {
        add(i);
      }
    }
    fireTableDataChanged();
  }

  private void add(int index) {
    if (visibleCount == visible.length) {
      visible = Arrays.copyOf(visible, visible.length * 2);
    }
    visible[visibleCount++] = index;
  }

  TimelineEvent event(int row) {
    return events.get(visible[row]);
  }

  /** The row showing the event with {@code sequence}, or -1 when the filter hides it. */
  int rowOf(long sequence) {
    int low = 0;
    int high = visibleCount - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      long found = event(middle).sequence();
      if (found < sequence) {
        low = middle + 1;
      } else if (found > sequence) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -1;
  }

  int totalCount() {
    return events.size();
  }

  @Override
  public int getRowCount() {
    return visibleCount;
  }

  @Override
  public int getColumnCount() {
    return COLUMNS.length;
  }

  @Override
  public String getColumnName(int column) {
    return COLUMNS[column];
  }

  @Override
  public Class<?> getColumnClass(int column) {
    return column == LAYER ? Layer.class : String.class;
  }

  /**
   * The last part of a session identifier ("background" for "lab.videofarm.app.background"): the
   * app's identifiers share their prefix, and the column is narrow.
   */
  static String shortSession(String sessionId) {
    int dot = sessionId.lastIndexOf('.');
    return dot < 0 ? sessionId : sessionId.substring(dot + 1);
  }

  @Override
  public Object getValueAt(int row, int column) {
    TimelineEvent event = event(row);
    return switch (column) {
      case TIME -> CLOCK.format(event.time());
      case LAUNCH -> event.launch() == TimelineEvent.NO_LAUNCH ? "" : "#" + event.launch();
      case LAYER -> event.layer();
      case SESSION -> shortSession(event.sessionId());
      case TASK -> event.hasTask() ? Long.toString(event.taskId()) : "";
      case WHAT -> event.detail().isEmpty() ? event.what() : event.what() + "  " + event.detail();
      default -> throw new IllegalArgumentException("column " + column);
    };
  }
}
