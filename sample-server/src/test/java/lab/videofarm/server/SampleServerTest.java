package lab.videofarm.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleServerTest {
  @TempDir Path data;

  @Test
  void startReturnsALoopbackBaseUrlOnAFreePort() throws Exception {
    try (SampleServer server = SampleServer.builder().dataDirectory(data).seed(false).build()) {
      var base = server.start();

      assertThat(base.getScheme()).isEqualTo("http");
      assertThat(base.getHost()).isEqualTo("127.0.0.1");
      assertThat(base.getPort()).isPositive();
      assertThat(base.getPath()).isEqualTo("/");
      assertThat(server.baseUrl()).isEqualTo(base);
    }
  }

  @Test
  void twoServersRunSideBySide() throws Exception {
    try (SampleServer one =
            SampleServer.builder().dataDirectory(data.resolve("a")).seed(false).build();
        SampleServer two =
            SampleServer.builder().dataDirectory(data.resolve("b")).seed(false).build()) {
      assertThat(one.start().getPort()).isNotEqualTo(two.start().getPort());
    }
  }

  @Test
  void aRestartCanTakeTheSamePortAgain() throws Exception {
    int port;
    try (SampleServer first = SampleServer.builder().dataDirectory(data).seed(false).build()) {
      port = first.start().getPort();
    }

    try (SampleServer second =
            SampleServer.builder().dataDirectory(data).seed(false).port(port).build();
        TestHttp http = new TestHttp(second.start())) {
      assertThat(second.baseUrl().getPort()).isEqualTo(port);
      assertThat(http.get("/videos").status()).isEqualTo(200);
    }
  }

  @Test
  void closingCutsATransferInFlightPromptly() throws Exception {
    // Closed again after the test in case it fails before its own close; a second close is a no-op.
    try (SampleServer server = SampleServer.builder().dataDirectory(data).seed(false).build()) {
      String id;
      try (TestHttp http = new TestHttp(server.start())) {
        id = Fixtures.createVideoWithMovie(http, "Cow", Fixtures.bytes(100_000, 1));
      }
      server.faults().throttleBytesPerSecond(10_000);
      try (Socket socket = new Socket(server.baseUrl().getHost(), server.baseUrl().getPort())) {
        socket
            .getOutputStream()
            .write(
                ("GET /videos/" + id + "/movie HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII))
            .isEqualTo("HTTP/1.1 200");

        long started = System.nanoTime();
        server.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        socket.setSoTimeout(5000);
        // Headers plus whatever body had left before the close: far less than the whole movie.
        assertThat(drain(in)).isLessThan(100_000);
      }
    }
  }

  /** Bytes readable until the connection ends, by EOF or by reset. */
  private static long drain(InputStream in) {
    long total = 0;
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        total += n;
      }
    } catch (java.io.IOException e) {
      // A reset ends the connection as surely as an EOF.
    }
    return total;
  }

  @Test
  void startingTwiceIsRefused() throws Exception {
    try (SampleServer server = SampleServer.builder().dataDirectory(data).seed(false).build()) {
      server.start();

      assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void theBaseUrlIsUnknownBeforeStart() {
    SampleServer server = SampleServer.builder().dataDirectory(data).build();

    assertThatThrownBy(server::baseUrl).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> server.faults().changeMovieEtag("x"))
        .isInstanceOf(IllegalStateException.class);
    server.close();
  }

  @Test
  void aDataDirectoryIsRequired() {
    assertThatThrownBy(() -> SampleServer.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }
}
