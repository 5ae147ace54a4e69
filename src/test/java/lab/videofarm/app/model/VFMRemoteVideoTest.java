package lab.videofarm.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VFMRemoteVideoTest {
  private static final URI BASE = URI.create("http://127.0.0.1:54321/");

  /** What GET /videos answers, per the REST contract, plus a field this app does not know. */
  private static final String VIDEOS_JSON =
      """
      [
        {
          "id": "v1",
          "title": "Sheep",
          "description": "Sheep on a hill",
          "thumbnailURL": "/videos/v1/thumbnail",
          "movieURL": "/videos/v1/movie",
          "movieStatus": "ready",
          "movieSize": 1048576,
          "createdAt": "2026-01-01T09:00:00Z",
          "likes": 12
        },
        {
          "id": "v2",
          "title": "Goats",
          "description": "",
          "thumbnailURL": "http://127.0.0.1:54321/videos/v2/thumbnail",
          "movieURL": "http://127.0.0.1:54321/videos/v2/movie",
          "movieStatus": "missing",
          "movieSize": 0,
          "createdAt": "2026-01-02T10:30:00.250Z"
        }
      ]
      """;

  private static InputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parsesTheServersVideoList() throws IOException {
    List<VFMRemoteVideo> videos = VFMRemoteVideo.listFromJson(stream(VIDEOS_JSON), BASE);

    assertThat(videos)
        .containsExactly(
            new VFMRemoteVideo(
                "v1",
                new VFMVideo(
                    "Sheep",
                    "Sheep on a hill",
                    URI.create("http://127.0.0.1:54321/videos/v1/thumbnail")),
                URI.create("http://127.0.0.1:54321/videos/v1/movie"),
                MovieStatus.READY,
                1_048_576,
                Instant.parse("2026-01-01T09:00:00Z")),
            new VFMRemoteVideo(
                "v2",
                new VFMVideo("Goats", "", URI.create("http://127.0.0.1:54321/videos/v2/thumbnail")),
                URI.create("http://127.0.0.1:54321/videos/v2/movie"),
                MovieStatus.MISSING,
                0,
                Instant.parse("2026-01-02T10:30:00.250Z")));
  }

  @Test
  void readsThroughToTheVideoItContains() throws IOException {
    VFMRemoteVideo sheep = VFMRemoteVideo.listFromJson(stream(VIDEOS_JSON), BASE).get(0);

    assertThat(sheep.title()).isEqualTo("Sheep");
    assertThat(sheep.description()).isEqualTo("Sheep on a hill");
    assertThat(sheep.thumbnailURL()).isEqualTo(sheep.video().thumbnail());
    assertThat(sheep.isMovieReady()).isTrue();
  }

  @Test
  void parsesOneVideoAndToleratesMissingOptionalFields() throws IOException {
    VFMRemoteVideo video =
        VFMRemoteVideo.fromJson(stream("{\"id\":\"v3\",\"title\":\"Ducks\"}"), BASE);

    assertThat(video.id()).isEqualTo("v3");
    assertThat(video.title()).isEqualTo("Ducks");
    assertThat(video.description()).isEmpty();
    assertThat(video.movieStatus()).isEqualTo(MovieStatus.MISSING);
    assertThat(video.movieURL()).isNull();
    assertThat(video.createdAt()).isNull();
  }

  @Test
  void readsAnUnknownMovieStatusAsMissing() throws IOException {
    VFMRemoteVideo video =
        VFMRemoteVideo.fromJson(
            stream("{\"id\":\"v4\",\"title\":\"Cows\",\"movieStatus\":\"transcoding\"}"), BASE);

    assertThat(video.movieStatus()).isEqualTo(MovieStatus.MISSING);
  }

  @Test
  void rejectsAVideoWithoutId() {
    assertThatThrownBy(() -> VFMRemoteVideo.fromJson(stream("{\"title\":\"Nobody\"}"), BASE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("id");
  }

  @Test
  void rejectsATruncatedList() {
    String truncated = VIDEOS_JSON.substring(0, VIDEOS_JSON.length() / 2);

    assertThatThrownBy(() -> VFMRemoteVideo.listFromJson(stream(truncated), BASE))
        .isInstanceOf(IOException.class);
  }

  @Test
  void roundTripsThroughTheAppsOwnJson() throws IOException {
    VFMRemoteVideo sheep = VFMRemoteVideo.listFromJson(stream(VIDEOS_JSON), BASE).get(0);

    String json = VFMJson.writer().writeValueAsString(sheep);
    VFMRemoteVideo back = VFMJson.reader().forType(VFMRemoteVideo.class).readValue(json);

    assertThat(back).isEqualTo(sheep);
    assertThat(json)
        .contains("\"createdAt\" : \"2026-01-01T09:00:00Z\"")
        .doesNotContain("movieReady");
  }
}
