package lab.videofarm.ui;

import java.awt.Rectangle;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * What the window remembers between runs: the theme, presentation mode, its bounds and where the
 * splits were. Backed by a {@link Preferences} node given to the constructor, so tests pass their
 * own node and never touch the user's.
 */
public final class WindowPrefs {
  private static final String DARK = "dark";
  private static final String PRESENTATION = "presentation";
  private static final String BOUNDS = "bounds";
  // Version 2: the graph over the timeline and the inspector; the first layout's keys are ignored.
  private static final String SPLIT = "split.v2.";

  private final Preferences node;

  public WindowPrefs(Preferences node) {
    this.node = node;
  }

  /** The user's own preferences for the window. */
  public static WindowPrefs forUser() {
    return new WindowPrefs(Preferences.userRoot().node("lab/videofarm/window"));
  }

  public boolean dark() {
    return node.getBoolean(DARK, false);
  }

  public void setDark(boolean dark) {
    node.putBoolean(DARK, dark);
  }

  public boolean presentation() {
    return node.getBoolean(PRESENTATION, false);
  }

  public void setPresentation(boolean presentation) {
    node.putBoolean(PRESENTATION, presentation);
  }

  /** The window's last bounds, if saved and sane. */
  public Optional<Rectangle> bounds() {
    String[] parts = node.get(BOUNDS, "").split(",");
    if (parts.length != 4) {
      return Optional.empty();
    }
    try {
      Rectangle bounds =
          new Rectangle(
              Integer.parseInt(parts[0]),
              Integer.parseInt(parts[1]),
              Integer.parseInt(parts[2]),
              Integer.parseInt(parts[3]));
      return bounds.width >= 400 && bounds.height >= 300 ? Optional.of(bounds) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public void setBounds(Rectangle bounds) {
    node.put(BOUNDS, bounds.x + "," + bounds.y + "," + bounds.width + "," + bounds.height);
  }

  /** Where split {@code name} was, or -1. */
  public int split(String name) {
    return node.getInt(SPLIT + name, -1);
  }

  public void setSplit(String name, int location) {
    node.putInt(SPLIT + name, location);
  }
}
