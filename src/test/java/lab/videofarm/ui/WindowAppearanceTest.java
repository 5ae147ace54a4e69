package lab.videofarm.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.util.UIScale;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JSplitPane;
import lab.videofarm.os.timeline.TimelineEvent;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.KeyPressInfo;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's own settings: theme, presentation mode, and timelines saved and loaded. */
class WindowAppearanceTest {
  @TempDir Path root;
  private WindowDriver driver;

  @BeforeEach
  void openTheWindow() {
    driver = WindowDriver.open(BasicRobot.robotWithNewAwtHierarchy(), root);
  }

  @AfterEach
  void closeTheWindow() throws Exception {
    GuiActionRunner.execute(
        () -> {
          UIScale.setZoomFactor(1f);
          FlatLaf.updateUI();
        });
    driver.close();
  }

  @Test
  void theDarkThemeIsSwitchedOnFromTheViewMenuAndRemembered() {
    driver.frame.menuItem("menu.Dark theme").click();

    assertThat(GuiActionRunner.execute(FlatLaf::isLafDark)).isTrue();
    assertThat(driver.prefs.dark()).isTrue();

    driver.frame.menuItem("menu.Dark theme").click();
    assertThat(GuiActionRunner.execute(FlatLaf::isLafDark)).isFalse();
    assertThat(driver.prefs.dark()).isFalse();
  }

  @Test
  @SuppressWarnings("deprecation") // AssertJ Swing reads the old modifier masks
  void presentationModeMakesEverythingLargerWithOneShortcut() {
    float before = GuiActionRunner.execute(() -> driver.window.timeline().table().getRowHeight());

    driver.frame.table("timeline.table").focus();
    driver.frame.pressAndReleaseKey(
        KeyPressInfo.keyCode(KeyEvent.VK_P)
            .modifiers(InputEvent.CTRL_MASK | InputEvent.SHIFT_MASK));

    assertThat(GuiActionRunner.execute(UIScale::getZoomFactor))
        .isEqualTo(Appearance.PRESENTATION_ZOOM);
    assertThat(GuiActionRunner.execute(() -> driver.window.timeline().table().getRowHeight()))
        .isGreaterThan((int) before);
    assertThat(driver.prefs.presentation()).isTrue();
  }

  @Test
  void anExceptionNobodyCaughtIsToldInTheStatusLineInOneSentence() {
    Thread worker = new Thread(() -> {}, "app-worker");
    driver.window.uncaught(worker, new IllegalStateException("the disk is full"));

    await()
        .atMost(WindowDriver.TIMEOUT)
        .untilAsserted(
            () ->
                driver
                    .frame
                    .label("status")
                    .requireText("Unexpected problem on app-worker: the disk is full"));
  }

  @Test
  void closingTheWindowRemembersItsSizeAndSplits() throws Exception {
    int centre = GuiActionRunner.execute(() -> split("split.centre").getDividerLocation());

    driver.close();

    assertThat(driver.prefs.bounds())
        .hasValueSatisfying(bounds -> assertThat(bounds.width).isEqualTo(1600));
    assertThat(driver.prefs.split("centre")).isEqualTo(centre);
  }

  private JSplitPane split(String name) {
    return (JSplitPane) WindowDriver.find(driver.window, name);
  }

  @Test
  void aSavedTimelineLoadsBackAndIsShownInsteadOfTheLiveOne() throws Exception {
    Path file = root.resolve("saved.jsonl");
    driver.awaitRow(event -> event.what().equals("install"));
    GuiActionRunner.execute(() -> driver.window.timelineFiles().saveTo(file)).get();
    List<TimelineEvent> saved =
        GuiActionRunner.execute(() -> driver.window.timeline().shownEvents());

    GuiActionRunner.execute(() -> driver.window.timelineFiles().loadFrom(file)).get();

    await()
        .atMost(WindowDriver.TIMEOUT)
        .until(() -> GuiActionRunner.execute(() -> !driver.window.timeline().isShowingLive()));
    driver.frame.label("timeline.source").requireText("Showing saved.jsonl  ");
    assertThat(GuiActionRunner.execute(() -> driver.window.timeline().shownEvents()))
        .isEqualTo(saved);
    assertThat(Files.readAllLines(file)).hasSameSizeAs(saved);
  }
}
