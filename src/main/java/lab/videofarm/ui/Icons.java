package lab.videofarm.ui;

import com.formdev.flatlaf.extras.FlatSVGIcon;

/** The window's SVG icons, sharp at any scale (HiDPI, presentation mode). */
public final class Icons {
  private Icons() {}

  /** The icon {@code name}.svg, 16 by 16 before scaling. */
  public static FlatSVGIcon get(String name) {
    return sized(name, 16);
  }

  /** The icon {@code name}.svg at {@code size} by {@code size} before scaling. */
  public static FlatSVGIcon sized(String name, int size) {
    return new FlatSVGIcon(
        "lab/videofarm/ui/icons/" + name + ".svg", size, size, Icons.class.getClassLoader());
  }
}
