package lab.videofarm.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class VFMVideoDownloadTest {
  private final VFMRemoteVideo remote =
      new VFMRemoteVideo(
          "v1",
          new VFMVideo("Sheep", "", URI.create("http://127.0.0.1:1/videos/v1/thumbnail")),
          URI.create("http://127.0.0.1:1/videos/v1/movie"),
          MovieStatus.READY,
          4096,
          Instant.parse("2026-01-01T09:00:00Z"));

  @Test
  void startsDownloadingWithTheMovieSizeAsExpectedBytes() {
    VFMVideoDownload download = VFMVideoDownload.starting(remote, 4, 5);

    assertThat(download.state()).isEqualTo(DownloadState.DOWNLOADING);
    assertThat(download.bytesExpected()).isEqualTo(4096);
    assertThat(download.ownsTask(4)).isTrue();
    assertThat(download.ownsTask(5)).isTrue();
    assertThat(download.ownsTask(6)).isFalse();
  }

  @Test
  void pausingDropsTheMovieTaskAndKeepsResumeData() {
    VFMVideoDownload paused =
        VFMVideoDownload.starting(remote, 4, 5).withProgress(1000, 4096).paused(new byte[] {1, 2});

    assertThat(paused.state()).isEqualTo(DownloadState.PAUSED);
    assertThat(paused.movieTaskIdentifier()).isEqualTo(VFMVideoDownload.NO_TASK);
    assertThat(paused.ownsTask(VFMVideoDownload.NO_TASK)).isFalse();
    assertThat(paused.resumeData()).containsExactly(1, 2);
    assertThat(paused.bytesReceived()).isEqualTo(1000);
  }

  @Test
  void resumingUsesUpTheResumeData() {
    VFMVideoDownload resumed =
        VFMVideoDownload.starting(remote, 4, 5).paused(new byte[] {1, 2}).resumed(9);

    assertThat(resumed.state()).isEqualTo(DownloadState.DOWNLOADING);
    assertThat(resumed.movieTaskIdentifier()).isEqualTo(9);
    assertThat(resumed.hasResumeData()).isFalse();
  }

  @Test
  void aNewThumbnailTaskReplacesOnlyTheThumbnailTask() {
    VFMVideoDownload download =
        VFMVideoDownload.starting(remote, 4, 5).withThumbnailTaskIdentifier(8);

    assertThat(download.thumbnailTaskIdentifier()).isEqualTo(8);
    assertThat(download.movieTaskIdentifier()).isEqualTo(4);
    assertThat(download.ownsTask(5)).isFalse();
    assertThat(download.ownsTask(8)).isTrue();
  }

  @Test
  void resumeDataCannotBeChangedFromOutside() {
    byte[] data = {1, 2, 3};
    VFMVideoDownload paused = VFMVideoDownload.starting(remote, 4, 5).paused(data);

    data[0] = 99;
    paused.resumeData()[1] = 99;

    assertThat(paused.resumeData()).containsExactly(1, 2, 3);
  }

  @Test
  void downloadsWithEqualResumeDataAreEqual() {
    VFMVideoDownload one = VFMVideoDownload.starting(remote, 4, 5).paused(new byte[] {7});
    VFMVideoDownload two = VFMVideoDownload.starting(remote, 4, 5).paused(new byte[] {7});

    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one).isNotEqualTo(VFMVideoDownload.starting(remote, 4, 5).paused(new byte[] {8}));
  }

  @Test
  void roundTripsThroughJsonWithResumeDataAsBase64() throws IOException {
    byte[] resumeData = {0, 1, 2, (byte) 0xff};
    VFMVideoDownload download =
        VFMVideoDownload.starting(remote, 4, 5)
            .withThumbnailFile(Path.of("/container/v1.png"))
            .paused(resumeData);

    String json = VFMJson.writer().writeValueAsString(download);

    assertThat(VFMJson.reader().forType(VFMVideoDownload.class).<VFMVideoDownload>readValue(json))
        .isEqualTo(download);
    assertThat(json)
        .contains("\"resumeData\" : \"" + Base64.getEncoder().encodeToString(resumeData) + "\"");
  }
}
