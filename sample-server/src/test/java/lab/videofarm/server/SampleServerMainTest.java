package lab.videofarm.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleServerMainTest {
  @TempDir Path data;

  @Test
  void theCommandLineConfiguresARealServer() throws Exception {
    SampleServer.Builder builder =
        SampleServerMain.parse(
                "--port",
                "0",
                "--data",
                data.toString(),
                "--bind",
                "127.0.0.1",
                "--max-upload",
                "10",
                "--send-buffer",
                "65536",
                "--no-seed")
            .orElseThrow();

    try (SampleServer server = builder.build();
        TestHttp http = new TestHttp(server.start())) {
      assertThat(server.baseUrl().getHost()).isEqualTo("127.0.0.1");
      assertThat(server.baseUrl().getPort()).isPositive();
      assertThat(server.dataDirectory()).isEqualTo(data);
      assertThat(http.get("/videos").text()).isEqualTo("[]");
      assertThat(http.postVideo("Cow", "", Fixtures.png()).status()).isEqualTo(413);
    }
  }

  @Test
  void helpAsksForNoServer() {
    assertThat(SampleServerMain.parse("--help")).isEmpty();
  }

  @Test
  void anUnknownOptionIsRefused() {
    assertThatThrownBy(() -> SampleServerMain.parse("--prot", "80"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--prot");
  }

  @Test
  void anOptionWithoutItsValueIsRefused() {
    assertThatThrownBy(() -> SampleServerMain.parse("--data"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SampleServerMain.parse("--port", "eighty"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SampleServerMain.parse("--send-buffer", "-1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
