package lab.videofarm.ui.timeline;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JTable;
import javax.swing.border.Border;
import javax.swing.table.DefaultTableCellRenderer;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;

/**
 * Paints a timeline row: the layer in its colour, a faint tint of it across the row, warnings in
 * amber and errors in red across the whole row, and relinks and restores with a marker and a bar.
 */
final class TimelineRenderer extends DefaultTableCellRenderer {
  static final String RELINK_MARK = "\u27F2 ";
  private static final Color WARNING = new Color(0xF2A900);
  private static final Color ERROR = new Color(0xE5484D);
  private static final Color RELINK = new Color(0x12A594);

  private final TimelineTableModel model;

  TimelineRenderer(TimelineTableModel model) {
    this.model = model;
  }

  @Override
  public Component getTableCellRendererComponent(
      JTable table, Object value, boolean selected, boolean focused, int row, int column) {
    TimelineEvent event = model.event(row);
    boolean marked = TimelineMarks.isRelinkOrRestore(event);
    Object text = value;
    if (column == TimelineTableModel.WHAT && marked) {
      text = RELINK_MARK + value;
    }
    super.getTableCellRendererComponent(table, text, selected, focused, row, column);
    Font base = table.getFont();
    boolean loud = event.severity() != Severity.INFO || marked;
    setFont(loud || column == TimelineTableModel.LAYER ? base.deriveFont(Font.BOLD) : base);
    setBorder(border(column, marked));
    setToolTipText(
        switch (column) {
          case TimelineTableModel.SESSION -> event.sessionId().isEmpty() ? null : event.sessionId();
          case TimelineTableModel.WHAT -> String.valueOf(text);
          default -> null;
        });
    if (selected) {
      return this;
    }
    Color background = table.getBackground();
    Color foreground = table.getForeground();
    if (event.severity() == Severity.ERROR) {
      setBackground(blend(background, ERROR, 0.45));
    } else if (event.severity() == Severity.WARNING) {
      setBackground(blend(background, WARNING, 0.40));
    } else if (marked) {
      setBackground(blend(background, RELINK, 0.22));
    } else {
      setBackground(blend(background, TimelineMarks.colour(event.layer()), 0.07));
    }
    setForeground(
        column == TimelineTableModel.LAYER && event.severity() == Severity.INFO
            ? layerText((Layer) value, background)
            : foreground);
    return this;
  }

  private Border border(int column, boolean marked) {
    if (column == 0 && marked) {
      return BorderFactory.createCompoundBorder(
          BorderFactory.createMatteBorder(0, 4, 0, 0, RELINK),
          BorderFactory.createEmptyBorder(0, 2, 0, 4));
    }
    return BorderFactory.createEmptyBorder(0, 6, 0, 4);
  }

  /** The layer's colour, darkened on a light theme and lightened on a dark one. */
  private static Color layerText(Layer layer, Color background) {
    Color colour = TimelineMarks.colour(layer);
    boolean dark = luminance(background) < 0.5;
    return dark ? blend(colour, Color.WHITE, 0.25) : blend(colour, Color.BLACK, 0.2);
  }

  static Color blend(Color from, Color to, double amount) {
    return new Color(
        (int) Math.round(from.getRed() + (to.getRed() - from.getRed()) * amount),
        (int) Math.round(from.getGreen() + (to.getGreen() - from.getGreen()) * amount),
        (int) Math.round(from.getBlue() + (to.getBlue() - from.getBlue()) * amount));
  }

  private static double luminance(Color colour) {
    return (0.299 * colour.getRed() + 0.587 * colour.getGreen() + 0.114 * colour.getBlue()) / 255;
  }
}
