package lab.videofarm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.JTabbedPane;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the window at the two moments README shows: mid-download ({@code window.png}) and just
 * after the relaunched app relinked its session ({@code relink.png}), and then in the dark theme
 * and presentation mode ({@code presentation.png}). They go to {@code target/screenshots};
 * regenerate README's with {@code -Dscreenshots.dir=docs}.
 */
class WindowScreenshotsTest {
  @TempDir Path root;

  @Test
  void rendersTheWindowMidDownloadAndAfterARelink() throws Exception {
    Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    try (WindowDriver driver = WindowDriver.open(BasicRobot.robotWithNewAwtHierarchy(), root)) {
      driver.frame.button("controls.launch").click();
      driver.awaitPhoneShows("app");
      String videoId = driver.addVideoThroughTheApp(root, "Lambs", 2 * 1024 * 1024);
      driver.runtime.server().faults().throttleBytesPerSecond(200_000);
      long task = (Long) driver.command("downloadMovieAndThumbnail", videoId);
      GuiActionRunner.execute(() -> showAppTab(driver, "Transfers"));
      driver.awaitRow(
          event ->
              event.taskId() == task
                  && event.what().equals("didWriteData")
                  && event.detail().matches(".* [89]\\d{5}/.*|.* \\d{7,}/.*"));
      driver.renderTo(out.resolve("window.png"));

      driver.frame.button("controls.terminate").click();
      driver.awaitPhoneShows("notRunning");
      driver.runtime.server().faults().throttleBytesPerSecond(0);
      TimelineEvent relinked =
          driver.awaitRow(
              event -> event.layer() == Layer.SESSION && event.what().equals("sessionRelinked"));
      driver.awaitRow(
          event ->
              event.layer() == Layer.DEVICE
                  && event.what().equals("completionHandler")
                  && event.detail().equals("called"));
      GuiActionRunner.execute(() -> driver.window.timeline().select(relinked.sequence()));
      driver.renderTo(out.resolve("relink.png"));

      driver.frame.menuItem("menu.Dark theme").click();
      driver.frame.menuItem("menu.Presentation mode").click();
      driver.renderTo(out.resolve("presentation.png"));
      driver.frame.menuItem("menu.Presentation mode").click();
      driver.frame.menuItem("menu.Dark theme").click();
    }
    assertThat(Files.size(out.resolve("window.png"))).isPositive();
    assertThat(Files.size(out.resolve("relink.png"))).isPositive();
  }

  private static void showAppTab(WindowDriver driver, String title) {
    java.awt.Component app = WindowDriver.find(driver.window, "phone.app");
    JTabbedPane tabs = find((java.awt.Container) app);
    if (tabs != null && tabs.indexOfTab(title) >= 0) {
      tabs.setSelectedIndex(tabs.indexOfTab(title));
    }
  }

  private static JTabbedPane find(java.awt.Container root) {
    for (java.awt.Component child : root.getComponents()) {
      if (child instanceof JTabbedPane tabs) {
        return tabs;
      }
      if (child instanceof java.awt.Container container) {
        JTabbedPane found = find(container);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
