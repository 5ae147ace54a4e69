package lab.videofarm.app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.videofarm.app.model.MovieStatus;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.app.model.VFMVideo;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.model.VFMVideoUpload;
import org.junit.jupiter.api.Test;

class NotificationRecordsTest {
  private static final VFMRemoteVideo SHEEP =
      new VFMRemoteVideo(
          "v1",
          new VFMVideo("Sheep", "", null),
          URI.create("http://127.0.0.1:1/videos/v1/movie"),
          MovieStatus.READY,
          1000,
          null);

  private static final VFMVideoUpload UPLOAD =
      VFMVideoUpload.preparing(SHEEP.video(), Path.of("/tmp/sheep.mp4"), "v1", "/videos/v1/movie")
          .withTaskIdentifier(4)
          .withProgress(10, 40);

  @Test
  void videosFetchedKeepsItsOwnCopyOfTheList() {
    List<VFMRemoteVideo> videos = new ArrayList<>(List.of(SHEEP));
    VideosFetched fetched = new VideosFetched(videos);

    videos.clear();

    assertThat(fetched.videos()).containsExactly(SHEEP);
  }

  @Test
  void transferNotificationsCarryTheirSessionAndTask() {
    List<Notification> notifications =
        List.of(
            new VideoUploadProgressed("s", 4, UPLOAD),
            new VideoUploadFinished("s", 4, UPLOAD),
            new VideoUploadFailed("s", 4, UPLOAD, "HTTP 500"),
            new VideoUploadSuspended("s", 4, UPLOAD),
            new VideoUploadResumed("s", 4, UPLOAD),
            new VideoDownloadProgressed("s", 4, VFMVideoDownload.starting(SHEEP, 4, 5)),
            new VideoDownloadFinished("s", 4, VFMVideoDownload.starting(SHEEP, 4, 5)),
            new VideoDownloadFailed("s", 4, VFMVideoDownload.starting(SHEEP, 4, 5), "offline"),
            new VideoDownloadPaused("s", 4, VFMVideoDownload.starting(SHEEP, 4, 5)),
            new VideoDownloadResumed("s", 4, VFMVideoDownload.starting(SHEEP, 4, 5)));

    assertThat(notifications)
        .allSatisfy(
            notification -> {
              assertThat(notification.sessionId()).isEqualTo("s");
              assertThat(notification.taskId()).isEqualTo(4);
              assertThat(notification.summary()).startsWith("v1 ");
            });
  }

  @Test
  void onlyUploadAndDownloadProgressAreProgress() {
    assertThat(new VideoUploadProgressed("s", 4, UPLOAD)).isInstanceOf(Notification.Progress.class);
    assertThat(new VideoDownloadProgressed("s", 4, VFMVideoDownload.starting(SHEEP, 4, 5)))
        .isInstanceOf(Notification.Progress.class);
    assertThat(new VideoUploadFinished("s", 4, UPLOAD))
        .isNotInstanceOf(Notification.Progress.class);
  }

  @Test
  void notificationsWithoutATransferHaveNoSessionOrTask() {
    Notification prepared = new VideoPrepared(SHEEP);
    Notification quarantined =
        new ArchiveQuarantined(
            "downloads.json", Path.of("/c/downloads.json.corrupt-1"), "truncated");

    assertThat(prepared.sessionId()).isEqualTo(Notification.NO_SESSION);
    assertThat(prepared.taskId()).isEqualTo(Notification.NO_TASK);
    assertThat(prepared.summary()).isEqualTo("v1 \"Sheep\"");
    assertThat(quarantined.summary())
        .isEqualTo("downloads.json moved to downloads.json.corrupt-1: truncated");
  }

  @Test
  void backgroundEventsFinishedNamesItsSession() {
    assertThat(new BackgroundEventsFinished("s").sessionId()).isEqualTo("s");
    assertThat(new BackgroundEventsFinished("s").taskId()).isEqualTo(Notification.NO_TASK);
  }
}
