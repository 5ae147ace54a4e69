package lab.videofarm.app;

import static lab.videofarm.app.AppScenario.MOVIE_BYTES;
import static lab.videofarm.app.AppScenario.archive;
import static lab.videofarm.app.AppScenario.delegate;
import static lab.videofarm.app.AppScenario.movieInLibrary;
import static lab.videofarm.app.AppScenario.notification;
import static lab.videofarm.story.VideoFarmPhone.APP;
import static lab.videofarm.story.VideoFarmPhone.event;
import static lab.videofarm.story.VideoFarmPhone.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import lab.videofarm.os.AppState;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.story.VideoFarmPhone;
import org.junit.jupiter.api.Test;

/**
 * The app across kills, force-quits and relaunches: it rebuilds itself from its archives and from
 * what the daemon hands back for the same session identifier. Observed only from outside: the
 * timeline, the app's container and the server.
 */
class AppRelaunchTest extends PhoneScenario {
  private static final long THROTTLE = 400_000;

  @Test
  void aDownloadKilledMidwayIsCompletedByABackgroundRelaunch() throws Exception {
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 21);
    String id = phone.addVideoWithMovie("Hay", movie);
    long task = startThrottledDownloadThenKill(id);

    // The thumbnail may finish first and have the app relaunched for it; the movie's events then
    // wake that same launch again. Either way the story ends with a completion handler call.
    TimelineEvent finished = phone.awaitEvent(notification("VideoDownloadFinished", task));
    phone.awaitEvent(completionHandlerCalled().and(e -> e.sequence() > finished.sequence()));

    assertThat(inLaunch(2, event(Layer.DEVICE, "launch")))
        .singleElement()
        .satisfies(event -> assertThat(event.detail()).contains("URL_SESSION_EVENTS"));
    assertThat(inLaunch(2, event(Layer.ARCHIVE, "restored downloads.json"))).hasSize(1);
    assertThat(inLaunch(2, delegate("didFinishDownloadingTo", task))).hasSize(1);
    assertThat(inLaunch(2, notification("VideoDownloadFinished", task))).hasSize(1);
    assertThat(inLaunch(2, event(Layer.APP, "calling the completion handler"))).isNotEmpty();
    assertThat(sha256(movieInLibrary(phone, id))).isEqualTo(sha256(movie));
    assertThat(archive(phone, "downloads")).contains("\"state\" : \"FINISHED\"");
  }

  @Test
  void theKilledLaunchIsCollectedAndNoneOfItsNotificationsReachTheNext() throws Exception {
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 22);
    String id = phone.addVideoWithMovie("Straw", movie);
    long task = startThrottledDownload(id);
    phone.awaitEvent(notification("VideoDownloadProgressed", task));
    WeakReference<ClassLoader> firstLaunch =
        new WeakReference<>(phone.device().classLoader(APP).orElseThrow());

    phone.device().terminate(APP);
    long killedAt = phone.awaitEvent(killed()).sequence();
    phone.awaitEvent(completionHandlerCalled());

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              System.gc();
              return firstLaunch.get() == null;
            });
    // Broadcasts only: the dead launch may still report a post it dropped ("posted after close")
    // or a delivery handed to its main thread before the kill ("unheard ..."), as Notifications
    // documents, but nothing it posts reaches anybody.
    assertThat(phone.events())
        .filteredOn(event -> event.layer() == Layer.NOTIFICATION && event.sequence() > killedAt)
        .filteredOn(event -> !event.what().startsWith("unheard "))
        .filteredOn(event -> !event.what().startsWith("posted after close"))
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event.launch()).isEqualTo(2));
  }

  @Test
  void anUploadKilledMidwayIsCompletedByABackgroundRelaunch() throws Exception {
    Path thumbnail = Files.write(root.resolve("thumb.png"), VideoFarmPhone.png());
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 23);
    phone.launch();
    String id = (String) phone.command("prepareVideo", "Silo", thumbnail.toString(), "");
    phone.server().faults().throttleBytesPerSecond(THROTTLE);
    long task = (Long) phone.command("uploadVideo", movie.toString(), id);
    phone.awaitEvent(delegate("didSendBodyData", task));

    phone.device().terminate(APP);
    phone.awaitEvent(completionHandlerCalled());

    assertThat(inLaunch(2, event(Layer.ARCHIVE, "restored uploads.json"))).hasSize(1);
    assertThat(inLaunch(2, delegate("didCompleteWithError", task)))
        .singleElement()
        .satisfies(event -> assertThat(event.detail()).isEqualTo("nil"));
    assertThat(inLaunch(2, notification("VideoUploadFinished", task))).hasSize(1);
    assertThat(phone.serverMovieSha256(id)).isEqualTo(sha256(movie));
    assertThat(archive(phone, "uploads")).contains("\"state\" : \"FINISHED\"");
  }

  @Test
  void aForceQuitDownloadResumesOnTheNextLaunchWithoutResendingBytes() throws Exception {
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 24);
    String id = phone.addVideoWithMovie("Plough", movie);
    long task = startThrottledDownload(id);
    phone.awaitEvent(notification("VideoDownloadProgressed", task));

    phone.device().forceQuit(APP);
    phone.awaitEvent(event(Layer.DAEMON, "force quit"));
    phone.server().faults().throttleBytesPerSecond(0);
    phone.launch();

    TimelineEvent failed = phone.awaitEvent(notification("VideoDownloadFailed", task));
    assertThat(failed.launch()).isEqualTo(2);
    assertThat(failed.detail()).contains("-999").contains("force-quit by the user");
    assertThat(phone.events())
        .filteredOn(event(Layer.DEVICE, "launch"))
        .noneMatch(event -> event.detail().contains("URL_SESSION_EVENTS"));
    assertThat(archive(phone, "downloads"))
        .contains("\"state\" : \"PAUSED\"")
        .containsPattern("\"resumeData\" : \"[A-Za-z0-9+/=]+\"");

    long resumed = (Long) phone.command("resumeDownloads", id);

    phone.awaitEvent(notification("VideoDownloadFinished", resumed));
    assertThat(sha256(movieInLibrary(phone, id))).isEqualTo(sha256(movie));
    AppScenario.assertResumedWithoutResending(phone, id, resumed);
  }

  @Test
  void aDownloadResumedAfterAForceQuitSaysTheOffsetItReallyResumesAt() throws Exception {
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 27);
    String id = phone.addVideoWithMovie("Harrow", movie);
    long task = startThrottledDownload(id);
    phone.awaitEvent(
        notification("VideoDownloadProgressed", task).and(e -> !e.detail().contains(" 0/")));
    phone.device().forceQuit(APP);
    phone.awaitEvent(event(Layer.DAEMON, "force quit"));
    phone.server().faults().throttleBytesPerSecond(0);
    phone.launch();
    phone.awaitEvent(notification("VideoDownloadFailed", task));

    long resumed = (Long) phone.command("resumeDownloads", id);

    String offset = phone.awaitEvent(delegate("didResumeAtOffset", resumed)).detail().split(" ")[0];
    assertThat(Long.parseLong(offset)).isPositive();
    assertThat(phone.awaitEvent(notification("VideoDownloadResumed", resumed)).detail())
        .endsWith("from " + offset + " bytes");
    assertThat(phone.events()).filteredOn(notification("VideoDownloadResumed")).singleElement();
    phone.awaitEvent(notification("VideoDownloadFinished", resumed));
  }

  @Test
  void anUploadCutByAForceQuitGoesOnFromItsResumeDataOnTheNextLaunch() throws Exception {
    Path thumbnail = Files.write(root.resolve("thumb.png"), VideoFarmPhone.png());
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 28);
    phone.launch();
    String id = (String) phone.command("prepareVideo", "Byre", thumbnail.toString(), "");
    phone.server().faults().throttleBytesPerSecond(THROTTLE);
    long task = (Long) phone.command("uploadVideo", movie.toString(), id);
    phone.awaitEvent(delegate("didSendBodyData", task).and(e -> !e.detail().startsWith("0 ")));
    phone.device().forceQuit(APP);
    phone.awaitEvent(event(Layer.DAEMON, "force quit"));
    phone.server().faults().throttleBytesPerSecond(0);
    phone.launch();
    phone.awaitEvent(notification("VideoUploadFailed", task));

    phone.command("resumeUpload", id);

    TimelineEvent resumed = phone.awaitEvent(notification("VideoUploadResumed"));
    assertThat(resumed.taskId()).isNotEqualTo(task);
    phone.awaitEvent(notification("VideoUploadFinished", resumed.taskId()));
    assertThat(phone.serverMovieSha256(id)).isEqualTo(sha256(movie));
    assertThat(phone.server().requests())
        .as("the rest of the movie is sent with a PATCH, not the whole movie again")
        .anyMatch(request -> request.method().equals("PATCH"));
  }

  @Test
  void aPausedDownloadKeepsItsResumeDataAcrossAKill() throws Exception {
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 25);
    String id = phone.addVideoWithMovie("Trough", movie);
    long task = startThrottledDownload(id);
    phone.awaitEvent(notification("VideoDownloadProgressed", task));
    phone.command("pauseDownloads", id);
    phone.awaitEvent(notification("VideoDownloadPaused", task));

    phone.device().terminate(APP);
    phone.server().faults().throttleBytesPerSecond(0);
    phone.launch();
    long resumed = (Long) phone.command("resumeDownloads", id);

    assertThat(phone.awaitEvent(notification("VideoDownloadResumed", resumed)).launch())
        .isGreaterThan(1);
    phone.awaitEvent(notification("VideoDownloadFinished", resumed));
    assertThat(sha256(movieInLibrary(phone, id))).isEqualTo(sha256(movie));
    assertThat(phone.events()).noneMatch(event(Layer.APP, "no resume data"));
    AppScenario.assertResumedWithoutResending(phone, id, resumed);
  }

  @Test
  void backgroundFetchReportsNewDataOnlyWhenAVideoAppeared() throws Exception {
    phone.addVideo("Fence");

    assertThat(backgroundFetch()).isEqualTo("NEW_DATA");
    assertThat(backgroundFetch()).isEqualTo("NO_DATA");
    phone.addVideo("Gate");
    assertThat(backgroundFetch()).isEqualTo("NEW_DATA");
    assertThat(archive(phone, "known-videos")).contains("\"contents\" : [");
  }

  @Test
  void aCorruptArchiveAtLaunchIsQuarantinedAndTheAppStillStarts() throws Exception {
    Files.writeString(phone.container().resolve("downloads.json"), "{\"format\": \"lab.vid");

    phone.launch();

    assertThat(phone.events())
        .filteredOn(event(Layer.ARCHIVE, "quarantined downloads.json"))
        .hasSize(1);
    assertThat(phone.awaitEvent(event(Layer.APP, "started without an archive")).detail())
        .startsWith("downloads.json moved to downloads.json.corrupt-");
    try (var files = Files.list(phone.container())) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .anyMatch(name -> name.startsWith("downloads.json.corrupt-"));
    }
    phone.addVideo("Well");
    assertThat(phone.command("fetchVideos")).asList().hasSize(1);
  }

  @Test
  void aRecordWhoseTaskVanishedIsMarkedFailedAtLaunch() throws Exception {
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), 64 * 1024, 26);
    String id = phone.addVideoWithMovie("Pond", movie);
    phone.launch();
    long task = (Long) phone.command("downloadMovieAndThumbnail", id);
    phone.awaitEvent(notification("VideoDownloadFinished", task));
    phone.device().terminate(APP);
    // As if the daemon had lost a running task: the archive says downloading, the daemon has none.
    Path downloads = phone.container().resolve("downloads.json");
    Files.writeString(
        downloads, Files.readString(downloads).replace("\"FINISHED\"", "\"DOWNLOADING\""));

    phone.launch();

    assertThat(phone.awaitEvent(event(Layer.APP, "reconciled").and(e -> e.launch() == 2)).detail())
        .contains("vanished [#" + task + "]");
    assertThat(phone.awaitEvent(notification("VideoDownloadFailed", task)).detail())
        .contains("its task vanished");
    assertThat(archive(phone, "downloads")).contains("\"state\" : \"FAILED\"");
  }

  // ---- steps and what they look for ----

  /** Launches the app and starts a download slow enough to still be running when a test acts. */
  private long startThrottledDownload(String id) throws Exception {
    phone.server().faults().throttleBytesPerSecond(THROTTLE);
    phone.launch();
    return (Long) phone.command("downloadMovieAndThumbnail", id);
  }

  private long startThrottledDownloadThenKill(String id) throws Exception {
    long task = startThrottledDownload(id);
    phone.awaitEvent(delegate("didWriteData", task));
    phone.device().terminate(APP);
    return task;
  }

  /**
   * Simulates a background fetch and returns what the app told the system, once the app is
   * suspended again (as it would be long before the next fetch).
   */
  private String backgroundFetch() throws Exception {
    long before = phone.events().size();
    phone.device().simulateBackgroundFetch(APP);
    String result =
        phone
            .awaitEvent(
                event(Layer.DEVICE, "fetch completed").and(event -> event.sequence() > before))
            .detail();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> phone.device().state(APP) == AppState.SUSPENDED);
    return result;
  }

  private List<TimelineEvent> inLaunch(int launch, Predicate<TimelineEvent> matching) {
    return phone.events().stream()
        .filter(matching)
        .filter(event -> event.launch() == launch)
        .toList();
  }

  private static Predicate<TimelineEvent> completionHandlerCalled() {
    return event(Layer.DEVICE, "completionHandler").and(event -> event.detail().equals("called"));
  }

  private static Predicate<TimelineEvent> killed() {
    return event(Layer.DEVICE, "app state")
        .and(event -> event.detail().contains("NOT_RUNNING (terminated by the system)"));
  }
}
