package lab.videofarm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.assertj.swing.core.BasicRobot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plays the nine lessons' moments in one window and renders each, as the lessons' pictures. Into
 * {@code target/lesson-pictures} on every build, so the script cannot rot; into {@code lessons/}
 * with {@code -Dpictures=lessons} (see {@code lessons/PICTURES.md}).
 */
class LessonPicturesTest {
  private static final int MOVIE_BYTES = 1024 * 1024;
  private static final long THROTTLE = 150_000;

  @TempDir Path root;
  private WindowDriver driver;
  private LessonPictures pictures;

  @BeforeEach
  void openTheWindow() {
    driver = WindowDriver.open(BasicRobot.robotWithNewAwtHierarchy(), root);
    pictures = new LessonPictures(driver, LessonPictures.outputFolder(), root);
  }

  @AfterEach
  void closeTheWindow() throws Exception {
    // What the scenario's rows were, to adjust the script when the app's events change.
    pictures.dumpTimeline(Path.of("target/lesson-pictures-timeline.txt"));
    driver.close();
  }

  @Test
  void rendersEveryLessonsMomentFromOneScriptedRun() throws Exception {
    sessionsAndTheVideoList();
    String videoId = prepareAVideo();
    downloadIt(videoId);
    pauseAndResumeIt(videoId);
    uploadAndSuspend();
    terminateMidDownloadAndRelink(videoId);
    backgroundFetch();
    resumableUpload();

    for (String picture : pictures.rendered()) {
      assertThat(Files.size(pictures.folder().resolve(picture))).as(picture).isPositive();
    }
    assertThat(pictures.rendered()).hasSize(13);
  }

  private void sessionsAndTheVideoList() throws Exception {
    driver.frame.button("controls.launch").click();
    driver.awaitPhoneShows("app");
    TimelineEvent attached =
        driver.awaitRow(
            event -> event.layer() == Layer.SESSION && event.what().equals("session created"));
    pictures.render("01-sessions", "window-session-attached.png", attached);

    pictures.showAppTab("Videos");
    driver.command("fetchVideos");
    TimelineEvent fetched = driver.awaitRow(what(Layer.NOTIFICATION, "VideosFetched"));
    pictures.render("02-video-list", "window-video-list.png", fetched);
  }

  private String prepareAVideo() throws Exception {
    pictures.showAppTab("Add video");
    Path thumbnail = pictures.thumbnail("Lambs");
    Path movie = pictures.movieFile("Lambs", MOVIE_BYTES);
    pictures.addVideoWithTheForm("Lambs", "Spring on the farm", thumbnail, movie);
    TimelineEvent prepared = driver.awaitRow(what(Layer.NOTIFICATION, "VideoPrepared"));
    pictures.render("03-prepare-video", "window-prepared.png", prepared);
    driver.awaitRow(what(Layer.NOTIFICATION, "VideoUploadFinished"));
    return prepared.detail().split(" ")[0];
  }

  private void downloadIt(String videoId) throws Exception {
    driver.runtime.server().faults().throttleBytesPerSecond(THROTTLE);
    long task = (Long) driver.command("downloadMovieAndThumbnail", videoId);
    pictures.showAppTab("Transfers");
    TimelineEvent midway =
        driver.awaitRow(
            event ->
                event.taskId() == task
                    && event.what().equals("didWriteData")
                    && event.detail().matches(".* [3-9]\\d{5}/.*"));
    pictures.render("04-download", "window-downloading.png", midway);
    driver.runtime.server().faults().throttleBytesPerSecond(0);
    TimelineEvent moved =
        driver.awaitRow(event -> event.taskId() == task && event.what().contains("moved"));
    driver.awaitRow(what(Layer.NOTIFICATION, "VideoDownloadFinished"));
    pictures.render("04-download", "window-moved-into-library.png", moved);
  }

  private void pauseAndResumeIt(String videoId) throws Exception {
    deleteTheMovie(videoId);
    driver.runtime.server().faults().throttleBytesPerSecond(THROTTLE);
    long task = (Long) driver.command("downloadMovieAndThumbnail", videoId);
    driver.awaitRow(
        event ->
            event.taskId() == task
                && event.what().equals("didWriteData")
                && event.detail().matches(".* [2-9]\\d{5}/.*"));
    driver.command("pauseDownloads", videoId);
    TimelineEvent paused =
        driver.awaitRow(
            what(Layer.NOTIFICATION, "VideoDownloadPaused").and(event -> event.taskId() == task));
    pictures.render("05-pause-resume", "window-paused.png", paused);
    long resumed = (Long) driver.command("resumeDownloads", videoId);
    TimelineEvent atOffset =
        driver.awaitRow(
            event -> event.taskId() == resumed && event.what().equals("didResumeAtOffset"));
    pictures.render("05-pause-resume", "window-resumed-at-offset.png", atOffset);
    driver.runtime.server().faults().throttleBytesPerSecond(0);
    driver.awaitRow(
        what(Layer.NOTIFICATION, "VideoDownloadFinished").and(event -> event.taskId() == resumed));
  }

  private void deleteTheMovie(String videoId) throws Exception {
    // A second download of the same video, for the pause; the library keeps one copy.
    Path library =
        driver.runtime.device().containerDirectory(LabRuntime.APP).resolve("Library/Videos");
    Files.deleteIfExists(library.resolve(videoId).resolve("movie"));
  }

  private void uploadAndSuspend() throws Exception {
    String videoId = pictures.prepare("Tractor");
    Path movie = pictures.movieFile("Tractor", MOVIE_BYTES);
    driver.frame.button("controls.preset.EDGE").click();
    long task = (Long) driver.command("uploadVideo", movie.toString(), videoId);
    driver.awaitRow(
        what(Layer.DAEMON, "sending")
            .and(event -> event.taskId() == task && event.detail().matches("[1-9]\\d{5} .*")));
    driver.command("suspendUpload", videoId);
    TimelineEvent suspended =
        driver.awaitRow(
            what(Layer.NOTIFICATION, "VideoUploadSuspended").and(event -> event.taskId() == task));
    pictures.render("06-upload", "window-upload-suspended.png", suspended);
    driver.frame.button("controls.unlimited").click();
    driver.command("resumeUpload", videoId);
    driver.awaitRow(
        what(Layer.NOTIFICATION, "VideoUploadFinished").and(event -> event.taskId() == task));
  }

  private void terminateMidDownloadAndRelink(String videoId) throws Exception {
    deleteTheMovie(videoId);
    driver.runtime.server().faults().throttleBytesPerSecond(THROTTLE);
    long task = (Long) driver.command("downloadMovieAndThumbnail", videoId);
    driver.awaitRow(
        event ->
            event.taskId() == task
                && event.what().equals("didWriteData")
                && event.detail().matches(".* [2-9]\\d{5}/.*"));
    driver.frame.button("controls.terminate").click();
    driver.awaitPhoneShows("notRunning");
    long terminatedAt = pictures.lastSequence();
    TimelineEvent stillGoing =
        driver.awaitRow(
            event ->
                event.taskId() == task
                    && event.layer() == Layer.DAEMON
                    && event.sequence() > terminatedAt);
    pictures.render("07-relaunch", "window-terminated.png", stillGoing);

    driver.runtime.server().faults().throttleBytesPerSecond(0);
    TimelineEvent relinked =
        driver.awaitRow(
            event -> event.layer() == Layer.SESSION && event.what().equals("session relinked"));
    driver.awaitRow(
        event ->
            event.layer() == Layer.DEVICE
                && event.what().equals("completionHandler")
                && event.detail().equals("called"));
    pictures.render("07-relaunch", "window-relinked.png", relinked);
  }

  private void backgroundFetch() throws Exception {
    long before = pictures.lastSequence();
    driver.frame.button("controls.fetch").click();
    TimelineEvent completed =
        driver.awaitRow(
            what(Layer.DEVICE, "fetch completed").and(event -> event.sequence() > before));
    pictures.render("08-background-fetch", "window-background-fetch.png", completed);
    pictures.renderPanel(
        "08-background-fetch",
        "window-relaunch-delay.png",
        "daemonInspector",
        new Dimension(900, 120),
        completed);
  }

  private void resumableUpload() throws Exception {
    driver.frame.button("controls.launch").click();
    driver.awaitPhoneShows("app");
    driver.runtime.server().faults().dropConnectionAfterBodyBytes(400_000);
    String videoId = pictures.prepare("Barn");
    Path movie = pictures.movieFile("Barn", MOVIE_BYTES);
    pictures.showAppTab("Transfers");
    long task = (Long) driver.command("uploadVideo", movie.toString(), videoId);
    driver.awaitRow(event -> event.taskId() == task && event.what().equals("upload resumed"));
    driver.runtime.server().faults().reset();
    driver.awaitRow(
        what(Layer.NOTIFICATION, "VideoUploadFinished").and(event -> event.taskId() == task));
    // The last continuation: the rows above it show the drop, the HEAD and the PATCH.
    TimelineEvent resumed =
        pictures.lastRow(event -> event.taskId() == task && event.what().equals("upload resumed"));
    pictures.render("09-resumable-uploads", "window-upload-continued.png", resumed);
  }

  private static Predicate<TimelineEvent> what(Layer layer, String what) {
    return event -> event.layer() == layer && event.what().equals(what);
  }
}
