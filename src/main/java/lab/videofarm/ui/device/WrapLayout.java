package lab.videofarm.ui.device;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Insets;

/**
 * A {@link FlowLayout} whose preferred height counts the rows it wraps onto at its container's
 * width, so a toolbar row that no longer fits moves below instead of being cut off.
 */
final class WrapLayout extends FlowLayout {
  WrapLayout(int align, int hgap, int vgap) {
    super(align, hgap, vgap);
  }

  @Override
  public Dimension preferredLayoutSize(Container target) {
    return wrapped(target, true);
  }

  @Override
  public Dimension minimumLayoutSize(Container target) {
    Dimension minimum = wrapped(target, false);
    minimum.width -= getHgap() + 1;
    return minimum;
  }

  private Dimension wrapped(Container target, boolean preferred) {
    synchronized (target.getTreeLock()) {
      int available = target.getWidth() > 0 ? target.getWidth() : Integer.MAX_VALUE;
      Insets insets = target.getInsets();
      int limit = available - insets.left - insets.right - 2 * getHgap();
      int width = 0;
      int height = 0;
      int rowWidth = 0;
      int rowHeight = 0;
      for (Component child : target.getComponents()) {
        if (!child.isVisible()) {
          continue;
        }
        Dimension size = preferred ? child.getPreferredSize() : child.getMinimumSize();
        if (rowWidth > 0 && rowWidth + getHgap() + size.width > limit) {
          width = Math.max(width, rowWidth);
          height += rowHeight + getVgap();
          rowWidth = 0;
          rowHeight = 0;
        }
        rowWidth += (rowWidth > 0 ? getHgap() : 0) + size.width;
        rowHeight = Math.max(rowHeight, size.height);
      }
      width = Math.max(width, rowWidth);
      height += rowHeight;
      return new Dimension(
          width + insets.left + insets.right + 2 * getHgap(),
          height + insets.top + insets.bottom + 2 * getVgap());
    }
  }
}
