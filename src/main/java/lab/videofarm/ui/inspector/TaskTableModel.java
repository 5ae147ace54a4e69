package lab.videofarm.ui.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.table.AbstractTableModel;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.ui.scene.DaemonSession;
import lab.videofarm.ui.scene.DaemonTask;
import lab.videofarm.ui.scene.Scene;

/** Every task the daemon holds in a scene, across apps and sessions, one row each. */
final class TaskTableModel extends AbstractTableModel {
  static final int TASK = 0;
  static final int STATE = 1;
  static final int BYTES = 2;
  static final int ATTACHED = 3;
  static final int QUEUED = 4;

  // Shown inside the task's cell in the view, not as columns of their own.
  static final int SESSION = 5;
  static final int DESCRIPTION = 6;
  static final int KIND = 7;

  /** The columns the view shows; the others are drawn in the task's cell. */
  static final int SHOWN = 5;

  private static final String[] NAMES = {
    "Task", "State", "Bytes", "App", "Queued", "Session", "Request", "Kind"
  };

  private static final String[] HEADER_TIPS = {
    "The task's number and kind, its request, and the identifier of its session",
    "The daemon's state of the task, and how it ended",
    "Bytes transferred of the bytes expected",
    "The app launch the session is attached to, or waiting for a relaunch",
    "Events the daemon queued for the app, not delivered yet",
    "The session's identifier, as the app gave it",
    "The task's description: method and path on the server",
    "Data, download or upload"
  };

  /** What a column's short header stands for, for its tooltip. */
  static String headerTip(int column) {
    return HEADER_TIPS[column];
  }

  private List<TaskRow> rows = List.of();

  /** Shows {@code scene}; returns whether the rows are the same tasks as before. */
  boolean show(Scene scene) {
    List<TaskRow> next = new ArrayList<>();
    for (DaemonSession session : scene.sessions().values()) {
      for (DaemonTask task : session.tasks()) {
        next.add(TaskRow.of(session, task));
      }
    }
    boolean sameTasks =
        next.size() == rows.size()
            && next.stream()
                .map(TaskRow::key)
                .toList()
                .equals(rows.stream().map(TaskRow::key).toList());
    rows = next;
    if (sameTasks && !rows.isEmpty()) {
      fireTableRowsUpdated(0, rows.size() - 1);
    } else if (!sameTasks) {
      fireTableDataChanged();
    }
    return sameTasks;
  }

  TaskRow row(int index) {
    return rows.get(index);
  }

  /** The row of a task, or -1. */
  int indexOf(String sessionId, long taskId) {
    for (int i = 0; i < rows.size(); i++) {
      DaemonTask task = rows.get(i).task();
      if (task.taskId() == taskId && task.sessionId().equals(sessionId)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int getRowCount() {
    return rows.size();
  }

  @Override
  public int getColumnCount() {
    return NAMES.length;
  }

  @Override
  public String getColumnName(int column) {
    return NAMES[column];
  }

  @Override
  public Class<?> getColumnClass(int column) {
    return switch (column) {
      case TASK, QUEUED -> Integer.class;
      case BYTES -> DaemonTask.class;
      default -> String.class;
    };
  }

  @Override
  public Object getValueAt(int rowIndex, int column) {
    TaskRow row = rows.get(rowIndex);
    DaemonTask task = row.task();
    return switch (column) {
      case SESSION -> task.sessionId();
      case TASK -> (int) task.taskId();
      case DESCRIPTION -> withoutHost(task.request());
      case KIND -> task.kind().name().toLowerCase(Locale.ROOT);
      case STATE -> state(task);
      case BYTES -> task;
      case ATTACHED -> row.attached();
      case QUEUED -> row.queued();
      default -> "";
    };
  }

  /** {@code GET /videos/x/movie} for {@code GET http://127.0.0.1:8080/videos/x/movie}. */
  static String withoutHost(String request) {
    return request.replaceFirst("https?://[^/\\s]+", "");
  }

  /** The daemon's state, with how a completed task ended or what a running one is doing. */
  static String state(DaemonTask task) {
    String name = task.state().name().toLowerCase(Locale.ROOT);
    if (task.state() == TaskState.COMPLETED) {
      return task.outcome();
    }
    return task.step().isEmpty() ? name : name + " (" + task.step() + ")";
  }
}
