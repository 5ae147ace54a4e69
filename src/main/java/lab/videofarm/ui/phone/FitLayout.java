package lab.videofarm.ui.phone;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Insets;
import java.awt.LayoutManager;

/**
 * Lays out one component at its preferred size, shrunk to fit (keeping its proportions) when the
 * container is smaller, centred at the top: a phone stays phone-shaped however the window is sized.
 */
final class FitLayout implements LayoutManager {
  @Override
  public void addLayoutComponent(String name, Component component) {}

  @Override
  public void removeLayoutComponent(Component component) {}

  @Override
  public Dimension preferredLayoutSize(Container parent) {
    return withInsets(parent, parent.getComponent(0).getPreferredSize());
  }

  @Override
  public Dimension minimumLayoutSize(Container parent) {
    return withInsets(parent, parent.getComponent(0).getMinimumSize());
  }

  private static Dimension withInsets(Container parent, Dimension size) {
    Insets insets = parent.getInsets();
    return new Dimension(
        size.width + insets.left + insets.right, size.height + insets.top + insets.bottom);
  }

  @Override
  public void layoutContainer(Container parent) {
    Component child = parent.getComponent(0);
    Insets insets = parent.getInsets();
    int width = parent.getWidth() - insets.left - insets.right;
    int height = parent.getHeight() - insets.top - insets.bottom;
    Dimension preferred = child.getPreferredSize();
    double scale =
        Math.min(1, Math.min(width / (double) preferred.width, height / (double) preferred.height));
    int fittedWidth = (int) (preferred.width * scale);
    int fittedHeight = (int) (preferred.height * scale);
    child.setBounds(insets.left + (width - fittedWidth) / 2, insets.top, fittedWidth, fittedHeight);
  }
}
