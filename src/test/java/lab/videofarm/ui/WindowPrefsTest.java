package lab.videofarm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

class WindowPrefsTest {
  private final MemoryPreferences node = new MemoryPreferences();
  private final WindowPrefs prefs = new WindowPrefs(node);

  @Test
  void boundsAndSplitsAreRememberedInTheNodeGiven() {
    prefs.setBounds(new Rectangle(10, 20, 1400, 900));
    prefs.setSplit("main", 420);

    WindowPrefs again = new WindowPrefs(node);
    assertThat(again.bounds()).contains(new Rectangle(10, 20, 1400, 900));
    assertThat(again.split("main")).isEqualTo(420);
    assertThat(again.split("scene")).isEqualTo(-1);
  }

  @Test
  void damagedOrTinyBoundsAreIgnored() {
    node.put("bounds", "10,20,wide,900");
    assertThat(prefs.bounds()).isEmpty();

    prefs.setBounds(new Rectangle(0, 0, 50, 50));
    assertThat(prefs.bounds()).isEmpty();
  }
}
