package lab.videofarm.app.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lab.videofarm.app.RecordingApplication;
import lab.videofarm.app.model.MovieStatus;
import lab.videofarm.app.model.UploadState;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.app.model.VFMVideo;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.model.VFMVideoUpload;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppArchivesTest {
  private static final SavedSession SESSION = new SavedSession("lab.videofarm.background");

  private static final VFMVideo SHEEP =
      new VFMVideo("Sheep", "on a hill", URI.create("file:///tmp/sheep.png"));

  private static final Map<Long, VFMVideoUpload> UPLOADS =
      Map.of(
          2L,
          VFMVideoUpload.preparing(SHEEP, Path.of("/tmp/sheep.mp4"), "v1", "/videos/v1/movie")
              .withTaskIdentifier(2)
              .withState(UploadState.UPLOADING));

  private static final Map<Long, VFMVideoDownload> DOWNLOADS =
      Map.of(
          3L,
          VFMVideoDownload.starting(
              new VFMRemoteVideo("v0", SHEEP, null, MovieStatus.READY, 10, null), 3, 4));

  @TempDir Path container;

  private final ManualClock clock = new ManualClock();

  private void saveEverythingInLaunch(int launch) throws IOException {
    try (RecordingApplication application = new RecordingApplication(container, clock, launch)) {
      AppArchives archives = new AppArchives(application, clock);
      archives.saveSession(SESSION);
      archives.saveUploads(UPLOADS);
      archives.saveDownloads(DOWNLOADS);
    }
  }

  @Test
  void aRelaunchRestoresWhatTheKilledLaunchSaved() throws IOException {
    saveEverythingInLaunch(1);

    try (RecordingApplication relaunched = new RecordingApplication(container, clock, 2)) {
      SavedState saved = new AppArchives(relaunched, clock).restore();

      assertThat(saved.session()).contains(SESSION);
      assertThat(saved.uploads()).isEqualTo(UPLOADS);
      assertThat(saved.downloads()).isEqualTo(DOWNLOADS);
      assertThat(saved.quarantined()).isEmpty();
      assertThat(relaunched.events(Layer.ARCHIVE))
          .extracting(TimelineEvent::what)
          .containsExactly(
              "restored session.json", "restored uploads.json", "restored downloads.json");
    }
  }

  @Test
  void theFirstLaunchRestoresNothing() {
    try (RecordingApplication application = new RecordingApplication(container, clock, 1)) {
      SavedState saved = new AppArchives(application, clock).restore();

      assertThat(saved.session()).isEmpty();
      assertThat(saved.uploads()).isEmpty();
      assertThat(saved.downloads()).isEmpty();
      assertThat(saved.quarantined()).isEmpty();
      assertThat(application.warnings(Layer.ARCHIVE)).isEmpty();
    }
  }

  @Test
  void oneDamagedArchiveCostsOnlyWhatItHeld() throws IOException {
    saveEverythingInLaunch(1);
    Files.writeString(container.resolve("downloads.json"), "{\"format\"");

    try (RecordingApplication relaunched = new RecordingApplication(container, clock, 2)) {
      SavedState saved = new AppArchives(relaunched, clock).restore();

      assertThat(saved.session()).contains(SESSION);
      assertThat(saved.uploads()).isEqualTo(UPLOADS);
      assertThat(saved.downloads()).isEmpty();
      assertThat(saved.quarantined())
          .singleElement()
          .satisfies(damaged -> assertThat(damaged.archive()).isEqualTo("downloads.json"));
      assertThat(relaunched.warnings(Layer.ARCHIVE))
          .extracting(TimelineEvent::what)
          .containsExactly("quarantined downloads.json");
    }
  }

  @Test
  void theArchivesLiveInTheContainer() {
    try (RecordingApplication application = new RecordingApplication(container, clock, 1)) {
      assertThat(new AppArchives(application, clock).files())
          .extracting(ArchiveFile::path)
          .containsExactly(
              container.resolve("session.json"),
              container.resolve("uploads.json"),
              container.resolve("downloads.json"));
    }
  }
}
