package lab.videofarm.ui.graph;

import java.awt.Color;
import java.awt.Rectangle;
import java.util.List;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.ui.scene.DaemonSession;
import lab.videofarm.ui.scene.DaemonTask;
import lab.videofarm.ui.scene.QueuedEvent;
import lab.videofarm.ui.scene.Scene;

/** The daemon's side: each session by identifier, its tasks with progress, its queued events. */
final class DaemonPainter {
  private final Canvas c;
  private final Anchors anchors;
  private final Highlight highlight;

  DaemonPainter(Canvas c, Anchors anchors, Highlight highlight) {
    this.c = c;
    this.anchors = anchors;
    this.highlight = highlight;
  }

  void paint(Scene scene, Rectangle area) {
    Palette p = c.palette;
    int y = area.y + c.lineHeight(p.title()) - c.gap() / 2;
    c.text("Transfer daemon", p.title(), p.text(), area.x, y, area.width);
    if (!scene.network().isEmpty()) {
      String network = scene.online() ? scene.network() : "offline";
      Rectangle bounds = c.chipBounds(network, 0, 0);
      c.chip(
          network,
          scene.online() ? p.good() : p.bad(),
          area.x + area.width - bounds.width,
          y - bounds.height + c.gap() / 2,
          false);
    }
    y += c.lineHeight(p.small());
    c.text("outlives every launch of the app", p.small(), p.muted(), area.x, y, area.width);
    y += c.gap() * 2;
    List<DaemonSession> shown =
        scene.sessions().values().stream().filter(DaemonPainter::worthShowing).toList();
    if (shown.isEmpty()) {
      c.text(
          "no sessions yet", p.body(), p.muted(), area.x, y + c.lineHeight(p.body()), area.width);
      return;
    }
    for (DaemonSession session : shown) {
      int bottom = area.y + area.height;
      if (y >= bottom - c.lineHeight(p.body()) * 2) {
        break;
      }
      y = card(session, new Rectangle(area.x, y, area.width, bottom - y)) + c.gap() * 2;
    }
  }

  /** A default session whose app went away holds nothing worth a card. */
  private static boolean worthShowing(DaemonSession session) {
    return session.background() || !session.closed();
  }

  /** Draws one session's card within {@code room}; returns its bottom. */
  private int card(DaemonSession session, Rectangle room) {
    Palette p = c.palette;
    int pad = c.gap();
    int line = c.lineHeight(p.body());
    int taskHeight = line + c.lineHeight(p.small()) + pad / 2;
    int inner = room.width - 2 * pad;
    int chipLine = c.chipBounds("x", 0, 0).height + pad / 2;
    int queueHeight = queueLines(session, inner) * chipLine;
    String status = status(session);
    Rectangle chip = c.chipBounds(status, 0, 0);
    boolean stacked = c.width(session.id(), p.bold()) + chip.width + pad > inner;
    int fixed = pad * 3 + c.lineHeight(p.bold()) + queueHeight + (stacked ? chipLine : 0);
    int fits = Math.max(1, (room.height - fixed) / taskHeight);
    List<DaemonTask> tasks = session.tasks();
    List<DaemonTask> visible =
        tasks.size() > fits ? tasks.subList(tasks.size() - fits, tasks.size()) : tasks;
    int height = fixed + Math.max(1, visible.size()) * taskHeight;
    Rectangle card = new Rectangle(room.x, room.y, room.width, Math.min(height, room.height));
    c.box(
        card,
        p.boxFill(),
        session.attached() ? p.good() : p.boxBorder(),
        session.attached() ? 2f : 1.5f);
    anchors.daemonSessions.put(session.id(), card);

    int x = card.x + pad;
    int y = header(session, card, stacked ? chipLine : 0) + pad;
    if (tasks.isEmpty()) {
      c.text("no tasks", p.small(), p.muted(), x, y + c.lineHeight(p.small()), inner);
      y += taskHeight;
    }
    for (DaemonTask task : visible) {
      task(task, new Rectangle(x, y, inner, taskHeight));
      y += taskHeight;
    }
    queue(session, x, y + pad / 2, inner, chipLine);
    return card.y + card.height;
  }

  /**
   * The session's label and its status chip, side by side or, when {@code stackedLine} is not 0,
   * the chip on a line of that height below; returns the baseline of the last line.
   */
  private int header(DaemonSession session, Rectangle card, int stackedLine) {
    Palette p = c.palette;
    int pad = c.gap();
    int inner = card.width - 2 * pad;
    String status = status(session);
    Rectangle chip = c.chipBounds(status, 0, 0);
    int x = card.x + pad;
    int y = card.y + pad + c.lineHeight(p.bold()) - pad / 3;
    if (stackedLine > 0) {
      c.text(session.id(), p.bold(), p.text(), x, y, inner);
      y += stackedLine;
      c.chip(status, statusColor(session), x, y - chip.height + pad / 3, false);
    } else {
      c.chip(
          status,
          statusColor(session),
          card.x + card.width - pad - chip.width,
          y - chip.height + pad / 3,
          false);
      c.text(session.id(), p.bold(), p.text(), x, y, inner - chip.width - pad);
    }
    return y;
  }

  /** How many lines the queue's chips take at this width. */
  private int queueLines(DaemonSession session, int width) {
    int lines = 1;
    int x = c.width("queued for the app", c.palette.small()) + c.gap();
    for (QueuedEvent event : session.queue()) {
      int w = c.chipBounds(chipText(event), 0, 0).width;
      if (x + w > width && x > 0) {
        lines++;
        x = 0;
      }
      x += w + c.gap() / 2;
    }
    return lines;
  }

  private void task(DaemonTask task, Rectangle row) {
    Palette p = c.palette;
    boolean lit = highlight.is(task.sessionId(), task.taskId());
    if (lit) {
      Rectangle glow = new Rectangle(row.x - c.gap() / 2, row.y, row.width + c.gap(), row.height);
      c.box(glow, p.tint(p.accent(), 0.18), p.accent(), 2.5f);
    }
    anchors.tasks.put(Anchors.task(task.sessionId(), task.taskId()), row);
    int baseline = row.y + c.lineHeight(p.body()) - c.gap() / 4;
    String state = stateText(task);
    int stateLeft = c.textRight(state, p.small(), stateColor(task), row.x + row.width, baseline);
    String name = "#" + task.taskId() + "  " + task.kind() + "  " + task.shortName();
    c.text(name, p.body(), p.text(), row.x, baseline, stateLeft - row.x - c.gap());
    int barTop = baseline + c.gap() / 2;
    String bytes = Bytes.progress(task.bytes(), task.expected());
    int bytesWidth = c.width(bytes, p.small());
    int barHeight = Math.max(6, c.lineHeight(p.small()) / 2);
    Rectangle bar =
        new Rectangle(row.x, barTop + barHeight / 3, row.width - bytesWidth - c.gap(), barHeight);
    c.bar(bar, task.fraction(), task.outcome().startsWith("failed") ? p.bad() : p.good());
    c.textRight(
        bytes,
        p.small(),
        p.muted(),
        row.x + row.width,
        barTop + c.lineHeight(p.small()) - c.gap() / 3);
  }

  private void queue(DaemonSession session, int x, int y, int width, int chipLine) {
    Palette p = c.palette;
    int labelBaseline = y + c.lineHeight(p.small()) - c.gap() / 3;
    String label = session.queue().isEmpty() ? "queue empty" : "queued for the app";
    int chipX = x + c.text(label, p.small(), p.muted(), x, labelBaseline, width) + c.gap();
    for (QueuedEvent event : session.queue()) {
      String text = chipText(event);
      Rectangle bounds = c.chipBounds(text, chipX, y);
      if (bounds.x + bounds.width > x + width && chipX > x) {
        chipX = x;
        y += chipLine;
      }
      Rectangle drawn = c.chip(text, p.warn(), chipX, y, false);
      anchors.queued.put(Anchors.queued(session.id(), event), drawn);
      chipX += drawn.width + c.gap() / 2;
    }
  }

  static String chipText(QueuedEvent event) {
    String name = event.name().isEmpty() ? "an event" : event.name();
    return event.taskId() < 0 ? name : name + " #" + event.taskId();
  }

  private static String status(DaemonSession session) {
    if (session.attached()) {
      return "attached · launch " + session.attachedLaunch();
    }
    if (!session.background()) {
      return "closed";
    }
    if (session.relaunchRequested()) {
      return "relaunch requested";
    }
    if (session.hasUnfinishedTasks() || !session.queue().isEmpty()) {
      return "waiting for relaunch";
    }
    return "no app attached";
  }

  private Color statusColor(DaemonSession session) {
    Palette p = c.palette;
    if (session.attached()) {
      return p.good();
    }
    return session.hasUnfinishedTasks() || !session.queue().isEmpty() ? p.warn() : p.muted();
  }

  static String stateText(DaemonTask task) {
    if (task.state() == TaskState.COMPLETED) {
      String outcome = task.outcome();
      if (outcome.startsWith("finished")) {
        return "completed";
      }
      if (outcome.contains("-999")) {
        return outcome.contains("force-quit") ? "cancelled: force quit" : "cancelled";
      }
      return outcome.startsWith("discarded") ? "discarded" : "failed";
    }
    return task.state().name().toLowerCase(java.util.Locale.ROOT);
  }

  private Color stateColor(DaemonTask task) {
    Palette p = c.palette;
    return switch (task.state()) {
      case RUNNING -> p.good();
      case SUSPENDED -> p.warn();
      case CANCELING -> p.bad();
      case COMPLETED -> task.outcome().startsWith("finished") ? p.muted() : p.bad();
    };
  }
}
