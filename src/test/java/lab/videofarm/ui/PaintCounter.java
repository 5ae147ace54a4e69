package lab.videofarm.ui;

import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JComponent;
import javax.swing.JViewport;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;

/**
 * Counts how often the window and each of its views are really painted, without touching the views:
 * a {@link RepaintManager} that notes the dirty regions Swing is asked for and, each time it paints
 * them, which views they cover. A view counts once per paint however many of its parts were dirty.
 * Install it on the Swing thread before the window is shown.
 */
public final class PaintCounter extends RepaintManager {
  private record Dirty(JComponent component, Rectangle area) {}

  private final Map<String, JComponent> views = new LinkedHashMap<>();
  private final Map<String, Long> paints = new LinkedHashMap<>();
  private final List<Dirty> pending = new ArrayList<>();
  private long windowPaints;
  private long paintNanos;

  /** Counts paints of {@code view} under {@code name}. Swing thread. */
  public synchronized void watch(String name, JComponent view) {
    views.put(name, view);
    paints.put(name, 0L);
  }

  /**
   * Also counts the scrolls of {@code viewport} as paints of {@code name} and of the window while
   * it is in blit mode: Swing then paints a scroll at once (a blit and the uncovered strip),
   * outside the dirty regions. In the other modes a scroll is a dirty region like any other. Swing
   * thread.
   */
  public void watchScrolls(String name, JViewport viewport) {
    Point[] last = {viewport.getViewPosition()};
    viewport.addChangeListener(
        event -> {
          Point now = viewport.getViewPosition();
          boolean moved = !now.equals(last[0]);
          last[0] = now;
          if (moved && viewport.getScrollMode() == JViewport.BLIT_SCROLL_MODE) {
            scrolled(name);
          }
        });
  }

  private synchronized void scrolled(String name) {
    windowPaints++;
    paints.merge(name, 1L, Long::sum);
  }

  /** Paints so far: the window's, then each view's, by name. */
  public synchronized Map<String, Long> paints() {
    Map<String, Long> all = new LinkedHashMap<>();
    all.put("window", windowPaints);
    all.putAll(paints);
    return all;
  }

  /** Nanoseconds spent painting so far. */
  public synchronized long paintNanos() {
    return paintNanos;
  }

  @Override
  public void addDirtyRegion(JComponent component, int x, int y, int width, int height) {
    super.addDirtyRegion(component, x, y, width, height);
    // As Swing does: nothing is painted for an empty area or a component that is not showing.
    if (width > 0 && height > 0 && component.isShowing()) {
      synchronized (this) {
        pending.add(new Dirty(component, new Rectangle(x, y, width, height)));
      }
    }
  }

  @Override
  public void paintDirtyRegions() {
    List<Dirty> painting;
    synchronized (this) {
      painting = new ArrayList<>(pending);
      pending.clear();
    }
    long start = System.nanoTime();
    super.paintDirtyRegions();
    long spent = System.nanoTime() - start;
    synchronized (this) {
      paintNanos += spent;
      if (!painting.isEmpty()) {
        windowPaints++;
      }
      for (Map.Entry<String, JComponent> view : views.entrySet()) {
        if (painting.stream().anyMatch(dirty -> covers(dirty, view.getValue()))) {
          paints.merge(view.getKey(), 1L, Long::sum);
        }
      }
    }
  }

  /** True when painting {@code dirty} paints part of {@code view}. */
  private static boolean covers(Dirty dirty, JComponent view) {
    Component component = dirty.component();
    if (SwingUtilities.isDescendingFrom(component, view)) {
      return true;
    }
    if (!SwingUtilities.isDescendingFrom(view, component)) {
      return false;
    }
    Rectangle bounds =
        SwingUtilities.convertRectangle(view.getParent(), view.getBounds(), component);
    return bounds.intersects(dirty.area());
  }
}
