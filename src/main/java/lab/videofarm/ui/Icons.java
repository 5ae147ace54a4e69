package lab.videofarm.ui;

import com.formdev.flatlaf.extras.FlatSVGIcon;
import com.formdev.flatlaf.util.UIScale;
import java.awt.Component;
import java.awt.Graphics;
import javax.swing.Icon;

/** The window's SVG icons, sharp at any scale (HiDPI, presentation mode). */
public final class Icons {
  private Icons() {}

  /**
   * The icon {@code name}.svg, 16 by 16 before scaling. Its SVG is read when it is first painted:
   * reading the menus' and toolbars' icons (and loading the SVG parser) before the window shows
   * would keep the window from showing for most of a second.
   */
  public static Icon get(String name) {
    return deferred(name, 16);
  }

  /** The icon {@code name}.svg at {@code size} before scaling, read when first painted. */
  public static Icon deferred(String name, int size) {
    return new Deferred(name, size);
  }

  /** An icon of a known size whose SVG is read on its first paint. */
  private static final class Deferred implements Icon {
    private final String name;
    private final int size;
    private FlatSVGIcon icon;

    Deferred(String name, int size) {
      this.name = name;
      this.size = size;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
      if (icon == null) {
        icon = sized(name, size);
      }
      icon.paintIcon(c, g, x, y);
    }

    @Override
    public int getIconWidth() {
      return UIScale.scale(size);
    }

    @Override
    public int getIconHeight() {
      return UIScale.scale(size);
    }
  }

  /** The icon {@code name}.svg at {@code size} by {@code size} before scaling. */
  public static FlatSVGIcon sized(String name, int size) {
    return new FlatSVGIcon(
        "lab/videofarm/ui/icons/" + name + ".svg", size, size, Icons.class.getClassLoader());
  }
}
