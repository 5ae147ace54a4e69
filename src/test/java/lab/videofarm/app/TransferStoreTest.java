package lab.videofarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lab.videofarm.app.archive.AppArchives;
import lab.videofarm.app.model.MovieStatus;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.app.model.VFMVideo;
import lab.videofarm.app.model.VFMVideoDownload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store says when the app files a record for the first time, and only then. */
class TransferStoreTest {
  @TempDir Path container;

  private final VFMRemoteVideo video =
      new VFMRemoteVideo(
          "v1",
          new VFMVideo("Sheep", "", URI.create("http://127.0.0.1:1/videos/v1/thumbnail")),
          URI.create("http://127.0.0.1:1/videos/v1/movie"),
          MovieStatus.READY,
          1000,
          Instant.parse("2026-01-01T09:00:00Z"));

  private final List<String> created = new ArrayList<>();
  private RecordingApplication application;
  private TransferStore store;

  @BeforeEach
  void launch() {
    application = new RecordingApplication(container);
    AppArchives archives = new AppArchives(application, application.clock());
    store =
        new TransferStore(
            archives,
            archives.restore(),
            (kind, videoId, task) -> created.add(kind + " " + videoId + " #" + task));
  }

  @AfterEach
  void close() {
    application.close();
  }

  @Test
  void aNewDownloadIsAnnouncedOnceAndARekeyIsNoNewRecord() {
    store.putDownload(3, VFMVideoDownload.starting(video, 3, 4));
    store.putDownload(3, VFMVideoDownload.starting(video, 3, 4).withProgress(10, 1000));
    store.rekey(3, 7, VFMVideoDownload.starting(video, 7, 4));

    assertThat(created).containsExactly("download v1 #3");
  }
}
