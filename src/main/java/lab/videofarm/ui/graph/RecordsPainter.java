package lab.videofarm.ui.graph;

import java.awt.Rectangle;
import java.util.HashMap;
import java.util.Map;
import lab.videofarm.ui.scene.AppLaunch;
import lab.videofarm.ui.scene.AppRecord;

/**
 * A launch's VFMVideoDownload and VFMVideoUpload records, with the archive files a relaunch drew
 * them from shown as their source.
 */
final class RecordsPainter {
  private final Canvas c;
  private final Highlight highlight;

  RecordsPainter(Canvas c, Highlight highlight) {
    this.c = c;
    this.highlight = highlight;
  }

  void paint(AppLaunch launch, Rectangle area) {
    Palette p = c.palette;
    int baseline = area.y + c.lineHeight(p.small()) - c.gap() / 3;
    c.text("records", p.small(), p.muted(), area.x, baseline, area.width);
    int top = baseline + c.gap();
    if (launch.records().isEmpty()) {
      c.text(
          "no transfer records",
          p.body(),
          p.muted(),
          area.x,
          top + c.lineHeight(p.body()),
          area.width);
    }
    int fileWidth = c.width("downloads.json", p.bold()) + c.gap() * 3;
    int recordNeeds = c.width(AppRecord.Kind.DOWNLOAD.className(), p.bold()) + c.gap() * 3;
    boolean beside = area.width - fileWidth - c.gap() * 4 >= recordNeeds;
    Map<String, Rectangle> files = files(launch, area, top, fileWidth, beside);
    int recordX = area.x;
    int y = top;
    if (!files.isEmpty() && beside) {
      recordX += fileWidth + c.gap() * 4;
    } else if (!files.isEmpty()) {
      y = files.values().stream().mapToInt(r -> r.y + r.height).max().orElse(top) + c.gap() * 2;
    }
    int line = c.lineHeight(p.bold()) + 2 * c.lineHeight(p.small()) + c.gap();
    for (AppRecord record : launch.records()) {
      if (y + line > area.y + area.height) {
        break;
      }
      Rectangle box = new Rectangle(recordX, y, area.x + area.width - recordX, line);
      record(record, box);
      Rectangle file = files.get(record.source());
      if (file != null) {
        restoredFrom(file, box, beside);
      }
      y += line + c.gap() / 2;
    }
  }

  /** An arrow from the archive file to the record drawn from it, sideways or down. */
  private void restoredFrom(Rectangle file, Rectangle box, boolean beside) {
    if (beside) {
      c.arrow(
          file.x + file.width + 2,
          file.y + file.height / 2,
          box.x - 3,
          box.y + box.height / 2,
          c.palette.warn(),
          2f);
    } else {
      int x = file.x + file.width / 2;
      c.arrow(x, file.y + file.height + 2, x, box.y - 3, c.palette.warn(), 2f);
    }
  }

  /**
   * The archive files the launch restored records from: a column, or rows that wrap within {@code
   * area} when space is short.
   */
  private Map<String, Rectangle> files(
      AppLaunch launch, Rectangle area, int top, int width, boolean column) {
    Map<String, Rectangle> files = new HashMap<>();
    int x = area.x;
    int y = top;
    int height = c.lineHeight(c.palette.bold()) + c.lineHeight(c.palette.small()) + c.gap();
    for (Map.Entry<String, Integer> file : launch.restored().entrySet()) {
      if (file.getValue() > 0) {
        if (!column && x > area.x && x + width > area.x + area.width) {
          x = area.x;
          y += height + c.gap();
        }
        Rectangle r = new Rectangle(x, y, width, height);
        archiveFile(file.getKey(), file.getValue(), r);
        files.put(file.getKey(), r);
        if (column) {
          y += height + c.gap();
        } else {
          x += width + c.gap();
        }
      }
    }
    return files;
  }

  private void archiveFile(String name, int entries, Rectangle r) {
    Palette p = c.palette;
    c.box(r, p.tint(p.warn(), 0.10), p.warn(), 1.5f);
    int fold = c.gap();
    c.g.setColor(p.warn());
    c.g.drawLine(r.x + r.width - fold, r.y, r.x + r.width, r.y + fold);
    int baseline = r.y + c.gap() / 2 + c.g.getFontMetrics(p.bold()).getAscent();
    c.text(name, p.bold(), p.text(), r.x + c.gap(), baseline, r.width - 2 * c.gap());
    c.text(
        "archive · " + entries + (entries == 1 ? " entry" : " entries"),
        p.small(),
        p.muted(),
        r.x + c.gap(),
        baseline + c.lineHeight(p.small()),
        r.width - 2 * c.gap());
  }

  private void record(AppRecord record, Rectangle box) {
    Palette p = c.palette;
    boolean lit = highlight.isTask(record.taskId());
    c.box(
        box,
        lit ? p.tint(p.accent(), 0.18) : p.background(),
        lit ? p.accent() : p.boxBorder(),
        lit ? 2.5f : 1.5f);
    int baseline = box.y + c.gap() / 2 + c.g.getFontMetrics(p.bold()).getAscent();
    c.text(
        record.kind().className(),
        p.bold(),
        p.text(),
        box.x + c.gap(),
        baseline,
        box.width - 2 * c.gap());
    String identity =
        (record.videoId().isEmpty() ? "video not named yet" : record.videoId())
            + (record.taskId() >= 0 ? " · task #" + record.taskId() : "");
    int second = baseline + c.lineHeight(p.small());
    c.text(identity, p.small(), p.muted(), box.x + c.gap(), second, box.width - 2 * c.gap());
    String state = record.state();
    if (record.expected() > 0 && state.endsWith("ing")) {
      state += " " + Math.round(100.0 * record.bytes() / record.expected()) + " %";
    }
    c.text(
        state,
        p.small(),
        p.text(),
        box.x + c.gap(),
        second + c.lineHeight(p.small()),
        box.width - 2 * c.gap());
  }
}
