package lab.videofarm.ui.timeline;

import java.awt.Color;
import java.util.Locale;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;

/** How a row looks: one colour per layer, and which rows are the relinks and restores. */
public final class TimelineMarks {
  private TimelineMarks() {}

  /** A colour per layer, readable on both the light and the dark theme. */
  public static Color colour(Layer layer) {
    return switch (layer) {
      case DEVICE -> new Color(0x8E6CEF);
      case NETWORK -> new Color(0x9A8F3A);
      case DAEMON -> new Color(0x2F8FD8);
      case SESSION -> new Color(0x1FA39A);
      case DELEGATE -> new Color(0x3DAA55);
      case NOTIFICATION -> new Color(0xD0782A);
      case ARCHIVE -> new Color(0xB8609C);
      case APP -> new Color(0x8A8F99);
    };
  }

  /**
   * A relink (a new launch's session reattached to the daemon's tasks by identifier) or a restore
   * (a launch reading its archives): the two steps the course is about.
   */
  public static boolean isRelinkOrRestore(TimelineEvent event) {
    String what = event.what().toLowerCase(Locale.ROOT);
    return what.contains("relink") || what.startsWith("restored") || what.contains("restore ");
  }
}
