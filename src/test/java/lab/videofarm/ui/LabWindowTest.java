package lab.videofarm.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Component;
import java.nio.file.Path;
import java.time.Duration;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.ListModel;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window on a real phone and a real sample server, driven through its own buttons. */
class LabWindowTest {
  private static final int MOVIE_BYTES = 1024 * 1024;
  private static final long THROTTLE = 150_000;

  @TempDir Path root;
  private WindowDriver driver;

  @BeforeAll
  static void watchForSwingThreadViolations() {
    FailOnThreadViolationRepaintManager.install();
  }

  @BeforeEach
  void openTheWindow() {
    Robot robot = BasicRobot.robotWithNewAwtHierarchy();
    driver = WindowDriver.open(robot, root);
  }

  @AfterEach
  void closeTheWindow() throws Exception {
    driver.close();
  }

  @Test
  void aKilledAppsDownloadFinishesAndTheRelaunchedAppHasTheMovieAndListsTheVideo()
      throws Exception {
    driver.frame.button("controls.launch").click();
    driver.awaitPhoneShows("app");
    String videoId = driver.addVideoThroughTheApp(root, "Lambs", MOVIE_BYTES);
    long task = startThrottledDownload(videoId);

    driver.frame.button("controls.terminate").click();
    driver.awaitPhoneShows("notRunning");
    assertThat(phoneAppViews()).isZero();
    driver
        .frame
        .label("phone.notRunning.why")
        .requireText("launch #1 ended: terminated by the system");

    driver.runtime.server().faults().throttleBytesPerSecond(0);
    driver.awaitRow(
        event ->
            event.layer() == Layer.DEVICE
                && event.what().equals("launch")
                && event.detail().contains("URL_SESSION_EVENTS"));
    driver.awaitRow(
        event -> event.taskId() == task && event.what().equals("didFinishDownloadingTo"));
    driver.awaitRow(
        event ->
            event.layer() == Layer.DEVICE
                && event.what().equals("completionHandler")
                && event.detail().equals("called"));
    driver.frame.button("controls.launch").click();
    driver.awaitPhoneShows("app");
    await()
        .atMost(WindowDriver.TIMEOUT)
        .until(() -> GuiActionRunner.execute(() -> listsAsDownloaded("Lambs")));
    assertThat(
            driver
                .runtime
                .device()
                .containerDirectory(LabRuntime.APP)
                .resolve("Library/Videos/" + videoId + "/movie"))
        .exists();
  }

  @Test
  void forceQuitCancelsTheDownloadWithTheForceQuitReason() throws Exception {
    driver.frame.button("phone.appIcon").click();
    driver.awaitPhoneShows("app");
    String videoId = driver.addVideoThroughTheApp(root, "Tractor", MOVIE_BYTES);
    long task = startThrottledDownload(videoId);

    driver.frame.button("controls.forceQuit").click();

    driver.awaitPhoneShows("notRunning");
    driver
        .frame
        .label("phone.notRunning.why")
        .requireText("launch #1 ended: force-quit by the user");
    TimelineEvent cancelled =
        driver.awaitRow(
            event ->
                event.taskId() == task
                    && event.layer() == Layer.DAEMON
                    && event.detail().contains("-999"));
    assertThat(cancelled.detail()).contains("reason UserForceQuitApplication");
  }

  @Test
  void theNetworkPresetChosenShowsInThePhonesStatusBar() {
    driver.frame.button("controls.preset.EDGE").click();
    await()
        .atMost(WindowDriver.TIMEOUT)
        .until(() -> GuiActionRunner.execute(() -> networkShown().equals("EDGE")));

    driver.frame.toggleButton("controls.offline").click();
    await()
        .atMost(WindowDriver.TIMEOUT)
        .until(() -> GuiActionRunner.execute(() -> networkShown().equals("offline")));
    driver.awaitRow(event -> event.layer() == Layer.NETWORK && event.what().equals("offline"));
  }

  @Test
  void aStoryPlayedFromTheMenuShowsItsTimelineAndItsSteps() {
    driver.frame.menuItem("menu.Play the download story").click();

    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> GuiActionRunner.execute(() -> !driver.window.timeline().isShowingLive()));
    driver.frame.label("timeline.source").requireText("Showing the download story  ");
    assertThat(driver.frame.dialog("story.dialog").textBox("story.steps").text())
        .contains("OK: every step happened in order");
    driver.awaitRow(
        event -> event.layer() == Layer.SESSION && event.what().equals("session relinked"));
  }

  private String networkShown() {
    return ((JLabel) WindowDriver.find(driver.window, "phone.status.network")).getText();
  }

  private long startThrottledDownload(String videoId) throws Exception {
    driver.runtime.server().faults().throttleBytesPerSecond(THROTTLE);
    long task = (Long) driver.command("downloadMovieAndThumbnail", videoId);
    driver.awaitRow(
        event ->
            event.taskId() == task && event.what().equals("didWriteData") && event.launch() == 1);
    return task;
  }

  private int phoneAppViews() {
    return GuiActionRunner.execute(
        () -> ((JComponent) WindowDriver.find(driver.window, "phone.app")).getComponentCount());
  }

  /** The app's video list on the phone shows {@code title} as downloaded, with its thumbnail. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private boolean listsAsDownloaded(String title) {
    Component app = WindowDriver.find(driver.window, "phone.app");
    JList list = firstList((java.awt.Container) app);
    if (list == null) {
      return false;
    }
    ListModel model = list.getModel();
    for (int i = 0; i < model.getSize(); i++) {
      Component cell =
          list.getCellRenderer()
              .getListCellRendererComponent(list, model.getElementAt(i), i, false, false);
      if (cell instanceof JLabel label && label.getText().contains(title)) {
        return label.getText().contains("downloaded") && label.getIcon() != null;
      }
    }
    return false;
  }

  private static JList<?> firstList(java.awt.Container root) {
    for (Component child : root.getComponents()) {
      if (child instanceof JList<?> list) {
        return list;
      }
      if (child instanceof java.awt.Container container) {
        JList<?> found = firstList(container);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
