package lab.videofarm.ui.graph;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;

/** Drawing primitives of the graph: boxes, chips, bars, arrows, text that fits. */
final class Canvas {
  final Graphics2D g;
  final Palette palette;

  Canvas(Graphics2D g, Palette palette) {
    this.g = g;
    this.palette = palette;
  }

  /** Space between elements, growing with the type. */
  int gap() {
    return Math.round(palette.body().getSize2D() * 0.6f);
  }

  int lineHeight(Font font) {
    return g.getFontMetrics(font).getHeight();
  }

  void box(Rectangle r, Color fill, Color border, float width) {
    RoundRectangle2D shape = round(r);
    g.setColor(fill);
    g.fill(shape);
    g.setColor(border);
    g.setStroke(new BasicStroke(width));
    g.draw(shape);
  }

  void dashedBox(Rectangle r, Color border) {
    g.setColor(border);
    float unit = palette.small().getSize2D() * 0.4f;
    g.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {unit, unit}, 0));
    g.draw(round(r));
  }

  private RoundRectangle2D round(Rectangle r) {
    float arc = palette.body().getSize2D() * 0.9f;
    return new RoundRectangle2D.Float(r.x, r.y, r.width, r.height, arc, arc);
  }

  /** Text on one line at baseline {@code y}, cut with an ellipsis to fit {@code width}. */
  int text(String text, Font font, Color color, int x, int y, int width) {
    g.setFont(font);
    g.setColor(color);
    String fitted = fit(text, g.getFontMetrics(font), width);
    g.drawString(fitted, x, y);
    return g.getFontMetrics(font).stringWidth(fitted);
  }

  /** Text right-aligned to {@code right}. Returns its left edge. */
  int textRight(String text, Font font, Color color, int right, int y) {
    g.setFont(font);
    g.setColor(color);
    int w = g.getFontMetrics(font).stringWidth(text);
    g.drawString(text, right - w, y);
    return right - w;
  }

  int width(String text, Font font) {
    return g.getFontMetrics(font).stringWidth(text);
  }

  /** A rounded label; returns its bounds. */
  Rectangle chip(String text, Color color, int x, int y, boolean filled) {
    Font font = palette.small();
    FontMetrics fm = g.getFontMetrics(font);
    int pad = fm.getHeight() / 3;
    Rectangle r = new Rectangle(x, y, fm.stringWidth(text) + 2 * pad, fm.getHeight() + pad / 2);
    float arc = r.height;
    RoundRectangle2D shape = new RoundRectangle2D.Float(r.x, r.y, r.width, r.height, arc, arc);
    g.setColor(filled ? color : palette.tint(color, 0.18));
    g.fill(shape);
    g.setColor(color);
    g.setStroke(new BasicStroke(1.2f));
    g.draw(shape);
    g.setFont(font);
    g.setColor(filled ? readableOn(color) : palette.text());
    g.drawString(text, r.x + pad, r.y + pad / 4 + fm.getAscent());
    return r;
  }

  /** The chip's size without drawing it. */
  Rectangle chipBounds(String text, int x, int y) {
    FontMetrics fm = g.getFontMetrics(palette.small());
    int pad = fm.getHeight() / 3;
    return new Rectangle(x, y, fm.stringWidth(text) + 2 * pad, fm.getHeight() + pad / 2);
  }

  /** A progress bar; {@code fraction < 0} draws an indeterminate stripe. */
  void bar(Rectangle r, double fraction, Color color) {
    float arc = r.height;
    g.setColor(palette.tint(palette.muted(), 0.25));
    g.fill(new RoundRectangle2D.Float(r.x, r.y, r.width, r.height, arc, arc));
    if (fraction > 0) {
      int w = (int) Math.max(r.height, Math.round(r.width * Math.min(1, fraction)));
      g.setColor(color);
      g.fill(new RoundRectangle2D.Float(r.x, r.y, w, r.height, arc, arc));
    }
  }

  /** A line from one point to another with an arrowhead at the end. */
  void arrow(int x1, int y1, int x2, int y2, Color color, float width) {
    g.setColor(color);
    g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.drawLine(x1, y1, x2, y2);
    double angle = Math.atan2(y2 - y1, x2 - x1);
    double size = width * 3 + 4;
    Path2D head = new Path2D.Double();
    head.moveTo(x2, y2);
    head.lineTo(x2 - size * Math.cos(angle - 0.45), y2 - size * Math.sin(angle - 0.45));
    head.lineTo(x2 - size * Math.cos(angle + 0.45), y2 - size * Math.sin(angle + 0.45));
    head.closePath();
    g.fill(head);
  }

  static String fit(String text, FontMetrics fm, int width) {
    if (fm.stringWidth(text) <= width) {
      return text;
    }
    String ellipsis = "…";
    int end = text.length();
    while (end > 0 && fm.stringWidth(text.substring(0, end) + ellipsis) > width) {
      end--;
    }
    return text.substring(0, end) + ellipsis;
  }

  private static Color readableOn(Color fill) {
    double luminance =
        (0.2126 * fill.getRed() + 0.7152 * fill.getGreen() + 0.0722 * fill.getBlue()) / 255;
    return luminance > 0.6 ? Color.BLACK : Color.WHITE;
  }
}
