package lab.videofarm.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoCatalogueTest {
  @TempDir Path data;
  private SampleServer server;
  private TestHttp http;

  private void start(boolean seed) throws Exception {
    server = SampleServer.builder().dataDirectory(data).seed(seed).build();
    http = new TestHttp(server.start());
  }

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void postingAFormCreatesAVideoAndRedirectsToIt() throws Exception {
    start(false);

    TestHttp.Reply created = http.postVideo("My cow", "She moos", Fixtures.png());

    assertThat(created.status()).isEqualTo(303);
    String location = created.header("Location").orElseThrow();
    assertThat(location).matches("/videos/[A-Za-z0-9_-]+");
    TestHttp.Reply video = http.get(location);
    assertThat(video.status()).isEqualTo(200);
    JsonNode json = Fixtures.json(video);
    assertThat(json.get("title").asText()).isEqualTo("My cow");
    assertThat(json.get("description").asText()).isEqualTo("She moos");
    assertThat(json.get("movieStatus").asText()).isEqualTo("missing");
    assertThat(json.get("movieSize").asLong()).isZero();
    assertThat(json.get("movieURL").asText())
        .isEqualTo(server.baseUrl() + location.substring(1) + "/movie");
  }
}
