package lab.videofarm.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VFMVideoUploadTest {
  private final VFMVideo video =
      new VFMVideo("Sheep", "On a hill", URI.create("file:///tmp/sheep.png"));

  @Test
  void startsPreparingWithoutATask() {
    VFMVideoUpload upload =
        VFMVideoUpload.preparing(video, Path.of("/tmp/sheep.mp4"), "v1", "/videos/v1/movie");

    assertThat(upload.state()).isEqualTo(UploadState.PREPARING);
    assertThat(upload.taskIdentifier()).isEqualTo(VFMVideoUpload.NO_TASK);
    assertThat(upload.fractionCompleted()).isEqualTo(-1);
  }

  @Test
  void withMethodsChangeOnlyTheirOwnField() {
    VFMVideoUpload preparing =
        VFMVideoUpload.preparing(video, Path.of("/tmp/sheep.mp4"), "v1", "/videos/v1/movie");

    VFMVideoUpload uploading =
        preparing.withTaskIdentifier(7).withState(UploadState.UPLOADING).withProgress(250, 1000);

    assertThat(uploading)
        .isEqualTo(
            new VFMVideoUpload(
                video,
                7,
                Path.of("/tmp/sheep.mp4"),
                "v1",
                "/videos/v1/movie",
                250,
                1000,
                UploadState.UPLOADING));
    assertThat(uploading.fractionCompleted()).isEqualTo(0.25);
    assertThat(preparing.state()).isEqualTo(UploadState.PREPARING);
  }

  @Test
  void roundTripsThroughJson() throws IOException {
    VFMVideoUpload upload =
        VFMVideoUpload.preparing(video, Path.of("/tmp/sheep.mp4"), "v1", "/videos/v1/movie")
            .withTaskIdentifier(3)
            .withState(UploadState.SUSPENDED)
            .withProgress(10, 20);

    String json = VFMJson.writer().writeValueAsString(upload);

    assertThat(VFMJson.reader().forType(VFMVideoUpload.class).<VFMVideoUpload>readValue(json))
        .isEqualTo(upload);
    assertThat(json).contains("\"state\" : \"SUSPENDED\"");
  }
}
