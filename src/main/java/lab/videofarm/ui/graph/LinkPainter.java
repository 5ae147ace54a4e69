package lab.videofarm.ui.graph;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.List;
import lab.videofarm.ui.scene.DaemonSession;
import lab.videofarm.ui.scene.Scene;

/**
 * What crosses between the two sides: the link from a daemon session to the URLSession attached to
 * it by identifier, a broken link to a launch that died, and queued events on their way to the
 * delegate.
 */
final class LinkPainter {
  private final Canvas c;
  private final Anchors anchors;
  private final Animations animations;

  LinkPainter(Canvas c, Anchors anchors, Animations animations) {
    this.c = c;
    this.anchors = anchors;
    this.animations = animations;
  }

  void paint(Scene scene) {
    for (DaemonSession session : scene.sessions().values()) {
      Rectangle card = anchors.daemonSessions.get(session.id());
      if (card == null) {
        continue;
      }
      if (session.attached()) {
        String key = Anchors.appSession(session.attachedLaunch(), session.id());
        Rectangle box = anchors.appSessions.get(key);
        if (box != null) {
          link(card, box, animations.progress(animations.links.get(key), Animations.LINK_MS));
        }
      } else {
        Rectangle box =
            anchors.appSessions.get(Anchors.appSession(session.lastLaunch(), session.id()));
        if (box != null) {
          broken(card, box);
        }
      }
    }
    flights();
  }

  private void link(Rectangle card, Rectangle box, double progress) {
    Palette p = c.palette;
    Point2D.Double[] curve = curve(card, box);
    Path2D path = partial(curve, progress);
    if (progress < 1) {
      c.g.setColor(Palette.faded(p.accent(), 0.3 * (1 - progress) + 0.1));
      c.g.setStroke(new BasicStroke(12f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      c.g.draw(path);
    }
    c.g.setColor(p.accent());
    c.g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    c.g.draw(path);
    dot(curve[0], p.accent());
    if (progress >= 1) {
      dot(curve[3], p.accent());
    }
  }

  private void broken(Rectangle card, Rectangle box) {
    Palette p = c.palette;
    Point2D.Double[] curve = curve(card, box);
    float unit = p.small().getSize2D() * 0.5f;
    c.g.setColor(Palette.faded(p.bad(), 0.6));
    c.g.setStroke(
        new BasicStroke(
            2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {unit, unit}, 0));
    c.g.draw(partial(curve, 0.42));
    Path2D tail = new Path2D.Double();
    Point2D.Double from = point(curve, 0.58);
    tail.moveTo(from.x, from.y);
    for (int i = 59; i <= 100; i++) {
      Point2D.Double q = point(curve, i / 100.0);
      tail.lineTo(q.x, q.y);
    }
    c.g.draw(tail);
    Point2D.Double mid = point(curve, 0.5);
    int size = (int) (unit * 1.4);
    c.g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    c.g.setColor(p.bad());
    c.g.drawLine((int) mid.x - size, (int) mid.y - size, (int) mid.x + size, (int) mid.y + size);
    c.g.drawLine((int) mid.x - size, (int) mid.y + size, (int) mid.x + size, (int) mid.y - size);
  }

  private void flights() {
    List<Animations.Flight> flights = animations.flights;
    for (int i = 0; i < flights.size(); i++) {
      Animations.Flight flight = flights.get(i);
      Rectangle target = anchors.delegates.get(flight.launch());
      double t = animations.flightProgress(i);
      if (target == null || t >= 1) {
        continue;
      }
      double eased = t * t * (3 - 2 * t);
      Rectangle from = flight.from();
      int x = (int) Math.round(from.x + (target.x + c.gap() - from.x) * eased);
      int y = (int) Math.round(from.y + (target.y + target.height / 2 - from.y) * eased);
      c.chip(flight.label(), c.palette.warn(), x, y, true);
    }
  }

  private void dot(Point2D.Double at, Color color) {
    double r = c.gap() * 0.55;
    c.g.setColor(color);
    c.g.fill(new Ellipse2D.Double(at.x - r, at.y - r, 2 * r, 2 * r));
  }

  /** A smooth curve from the card's right edge to the box's left edge. */
  private Point2D.Double[] curve(Rectangle card, Rectangle box) {
    double x1 = card.x + card.width;
    double y1 = card.y + c.lineHeight(c.palette.bold()) * 0.8;
    double x2 = box.x;
    double y2 = box.y + box.height / 2.0;
    double bend = Math.max(40, (x2 - x1) * 0.5);
    return new Point2D.Double[] {
      new Point2D.Double(x1, y1),
      new Point2D.Double(x1 + bend, y1),
      new Point2D.Double(x2 - bend, y2),
      new Point2D.Double(x2, y2)
    };
  }

  private static Path2D partial(Point2D.Double[] curve, double upTo) {
    Path2D path = new Path2D.Double();
    path.moveTo(curve[0].x, curve[0].y);
    int steps = 60;
    for (int i = 1; i <= steps * upTo; i++) {
      Point2D.Double q = point(curve, i / (double) steps);
      path.lineTo(q.x, q.y);
    }
    return path;
  }

  private static Point2D.Double point(Point2D.Double[] p, double t) {
    double u = 1 - t;
    double a = u * u * u;
    double b = 3 * u * u * t;
    double cc = 3 * u * t * t;
    double d = t * t * t;
    return new Point2D.Double(
        a * p[0].x + b * p[1].x + cc * p[2].x + d * p[3].x,
        a * p[0].y + b * p[1].y + cc * p[2].y + d * p[3].y);
  }
}
