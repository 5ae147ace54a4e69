package lab.videofarm.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Component;
import java.awt.KeyboardFocusManager;
import java.awt.Rectangle;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.JTable;
import javax.swing.table.TableColumn;
import lab.videofarm.os.clock.SystemClock;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window as it opens: what has the keyboard, and how wide the timeline's columns are. */
class WindowLayoutTest {
  @TempDir Path root;

  @Test
  @SuppressWarnings("deprecation") // AssertJ Swing reads the old modifier masks
  void theTimelineHasTheKeyboardAtStartSoADigitTypedGoesNowhereAndShortcutsStillWork()
      throws Exception {
    try (WindowDriver driver = WindowDriver.open(BasicRobot.robotWithNewAwtHierarchy(), root)) {
      JTable table = driver.window.timeline().table();
      await().atMost(WindowDriver.TIMEOUT).until(() -> focusOwner() == table);

      driver.frame.pressAndReleaseKey(KeyPressInfo.keyCode(KeyEvent.VK_7));
      driver.frame.pressAndReleaseKey(
          KeyPressInfo.keyCode(KeyEvent.VK_4).modifiers(InputEvent.CTRL_MASK));

      await()
          .atMost(WindowDriver.TIMEOUT)
          .until(() -> GuiActionRunner.execute(() -> networkShown(driver).equals("EDGE")));
      JSpinner bandwidth = (JSpinner) WindowDriver.find(driver.window, "controls.bandwidth");
      assertThat(GuiActionRunner.execute(bandwidth::getValue)).isEqualTo(0);
    }
  }

  @Test
  void aTypicalWhatFitsItsColumnAtTheDefaultSizeOnA1920x1080Screen() {
    assertTypicalRowsFitAtTheDefaultSizeOn(new Rectangle(0, 0, 1920, 1080));
  }

  @Test
  void aTypicalWhatFitsItsColumnAtTheDefaultSizeOnA1280x800Laptop() {
    assertTypicalRowsFitAtTheDefaultSizeOn(new Rectangle(0, 0, 1280, 800));
  }

  @Test
  void onA1600x1000ScreenTheInspectorKeepsTheWidthItsColumnsNeedBesideTheTimeline() {
    int[] widths =
        measureAsOpenedOn(
            new Rectangle(0, 0, 1600, 1000),
            window -> {
              Component inspector = WindowDriver.find(window, "daemonInspector");
              return new int[] {
                inspector.getWidth(),
                inspector.getPreferredSize().width,
                window.timeline().getWidth(),
                window.timeline().leastWidth()
              };
            });

    assertThat(widths[0]).as("the inspector's width").isGreaterThanOrEqualTo(widths[1]);
    assertThat(widths[2]).as("the timeline's width").isGreaterThanOrEqualTo(widths[3]);
  }

  /**
   * Lays the window out as it opens on {@code screen}, with a download's progress rows in the
   * timeline, and checks each row's "What" is shown whole.
   */
  private static void assertTypicalRowsFitAtTheDefaultSizeOn(Rectangle screen) {
    List<TimelineEvent> rows = downloadProgressRows();
    int[] widths =
        measureAsOpenedOn(
            screen,
            window -> {
              window.timeline().appendLive(rows);
              window.validate();
              JTable table = window.timeline().table();
              int column = table.getColumnModel().getColumnIndex("What");
              TableColumn what = table.getColumnModel().getColumn(column);
              int widest = 0;
              for (int row = 0; row < table.getRowCount(); row++) {
                Component cell =
                    table.prepareRenderer(table.getCellRenderer(row, column), row, column);
                widest = Math.max(widest, cell.getPreferredSize().width);
              }
              return new int[] {what.getWidth(), widest, window.getWidth()};
            });

    assertThat(widths[2]).isLessThanOrEqualTo(screen.width);
    assertThat(widths[0])
        .as("the What column's width against its widest typical cell, on %s", screen)
        .isGreaterThanOrEqualTo(widths[1]);
  }

  /** Lays a window out as it opens on {@code screen}, measures it, and disposes of it. */
  private static int[] measureAsOpenedOn(Rectangle screen, Function<LabWindow, int[]> measure) {
    return GuiActionRunner.execute(
        () -> {
          WindowPrefs prefs = new WindowPrefs(new MemoryPreferences());
          new Appearance(prefs).install();
          LabWindow window = new LabWindow(prefs, new Appearance(prefs));
          try {
            window.pack();
            window.restoreLayout(screen);
            window.validate();
            return measure.apply(window);
          } finally {
            window.dispose();
          }
        });
  }

  /** The rows each progress step of a download adds, for a movie of 2 MiB as in the screenshots. */
  private static List<TimelineEvent> downloadProgressRows() {
    try (SystemClock clock = new SystemClock()) {
      Timeline timeline = new Timeline(clock);
      String session = "lab.videofarm.app.background";
      timeline.post(Layer.DAEMON, 1, session, 2, "downloading", "1048576 / 2097152 bytes");
      timeline.post(Layer.DELEGATE, 1, session, 2, "didWriteData", "32768 1048576/2097152");
      timeline.post(Layer.DELEGATE, 1, session, 2, "returned", "didWriteData");
      timeline.post(
          Layer.NOTIFICATION,
          1,
          session,
          2,
          "VideoDownloadProgressed",
          "qbjmev9rgk 1048576/2097152 bytes");
      return timeline.events();
    }
  }

  private static Component focusOwner() {
    return GuiActionRunner.execute(
        () -> KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner());
  }

  private static String networkShown(WindowDriver driver) {
    return ((JLabel) WindowDriver.find(driver.window, "phone.status.network")).getText();
  }
}
