package lab.videofarm.ui.graph;

import java.awt.Color;
import java.awt.Font;
import javax.swing.UIManager;

/**
 * The graph's colours and type, taken from the look and feel each time it paints, so FlatLaf's
 * light and dark themes and its presentation scaling apply without a restart.
 *
 * @param background the panel's background
 * @param text ordinary text
 * @param muted secondary text
 * @param boxFill the fill of an object box
 * @param boxBorder the outline of an object box
 * @param accent links and the highlighted task
 * @param good running, attached, called
 * @param warn waiting, queued
 * @param bad killed, failed
 * @param body the type of ordinary text
 * @param bold the type of names
 * @param title the type of the column titles
 * @param small the type of the chips and byte counts
 */
record Palette(
    Color background,
    Color text,
    Color muted,
    Color boxFill,
    Color boxBorder,
    Color accent,
    Color good,
    Color warn,
    Color bad,
    Font body,
    Font bold,
    Font title,
    Font small) {

  private static final float MIN_SIZE = 9f;

  /** The palette for a panel of this size: type grows with the panel, for a projector. */
  static Palette current(int width, int height) {
    Color background = color("Panel.background", new Color(0xF2F2F2));
    Color text = color("Label.foreground", Color.BLACK);
    boolean dark = luminance(background) < 0.5;
    Color muted = color("Label.disabledForeground", blend(background, text, 0.55));
    Font base = UIManager.getFont("defaultFont");
    if (base == null) {
      base = UIManager.getFont("Label.font");
    }
    if (base == null) {
      base = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    }
    // The tallest column (the app's launch with its chain and restored records) needs about 37
    // body lines' worth of type and the two columns side by side about 55 characters: the type is
    // as large as the panel allows, up to 1.7 times the theme's.
    float largest = base.getSize2D() * 1.25f * 1.7f;
    float size = Math.max(MIN_SIZE, Math.min(largest, Math.min(width / 55f, height / 37f)));
    return new Palette(
        background,
        text,
        muted,
        blend(background, text, dark ? 0.10 : 0.035),
        blend(background, text, dark ? 0.35 : 0.28),
        color("Component.accentColor", color("Component.focusColor", new Color(0x2675BF))),
        color("Actions.Green", dark ? new Color(0x499C54) : new Color(0x59A869)),
        color("Actions.Yellow", dark ? new Color(0xF0A732) : new Color(0xD9A343)),
        color("Actions.Red", dark ? new Color(0xC75450) : new Color(0xDB5860)),
        base.deriveFont(Font.PLAIN, size),
        base.deriveFont(Font.BOLD, size),
        base.deriveFont(Font.BOLD, size * 1.3f),
        base.deriveFont(Font.PLAIN, size * 0.85f));
  }

  /** {@code color} at {@code alpha} (0..1) of its own opacity. */
  static Color faded(Color color, double alpha) {
    int a = (int) Math.round(color.getAlpha() * Math.max(0, Math.min(1, alpha)));
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), a);
  }

  /** {@code amount} of the way from {@code from} to {@code to}. */
  static Color blend(Color from, Color to, double amount) {
    return new Color(
        mix(from.getRed(), to.getRed(), amount),
        mix(from.getGreen(), to.getGreen(), amount),
        mix(from.getBlue(), to.getBlue(), amount));
  }

  /** A fill for a box tinted with {@code tint}, light enough to read text on. */
  Color tint(Color tint, double amount) {
    return blend(boxFill, tint, amount);
  }

  private static int mix(int a, int b, double amount) {
    return (int) Math.round(a + (b - a) * amount);
  }

  private static double luminance(Color c) {
    return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
  }

  private static Color color(String key, Color fallback) {
    Color c = UIManager.getColor(key);
    return c == null ? fallback : new Color(c.getRGB(), true);
  }
}
