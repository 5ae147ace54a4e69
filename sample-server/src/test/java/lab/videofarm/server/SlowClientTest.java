package lab.videofarm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that trickles its request head keeps a connection (and a parser) busy for as long as it
 * likes unless the whole head has a deadline; the idle timeout alone restarts with every byte.
 */
class SlowClientTest {
  private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(1);

  @TempDir Path data;
  private ServerFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = ServerFixture.start(data, b -> b.requestHeadTimeout(HEAD_TIMEOUT));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aClientSendingItsHeadOneByteAtATimeIsCutOffAtTheDeadline() throws Exception {
    byte[] head =
        ("GET /videos HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(200) + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = new Socket(fixture.base.getHost(), fixture.base.getPort())) {
      // Long enough for the deadline and a sweep, far shorter than trickling the whole head.
      socket.setSoTimeout((int) HEAD_TIMEOUT.multipliedBy(4).toMillis());
      CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> trickle(socket, head));
      long started = System.nanoTime();

      boolean cut = serverEndsTheConnection(socket.getInputStream());

      Duration held = Duration.ofNanos(System.nanoTime() - started);
      trickle.cancel(true);
      assertThat(cut).as("the server ended the connection").isTrue();
      assertThat(held).isGreaterThanOrEqualTo(HEAD_TIMEOUT.minusMillis(100));
    }
  }

  @Test
  void aSlowHeadDoesNotStopTheServerAnsweringOthers() throws Exception {
    try (Socket slow = new Socket(fixture.base.getHost(), fixture.base.getPort())) {
      slow.getOutputStream().write("GET /vid".getBytes(StandardCharsets.US_ASCII));

      assertThat(fixture.http.get("/videos").status()).isEqualTo(200);
    }
  }

  @Test
  void anIdleKeptAliveConnectionIsNotCutByTheHeadDeadline() throws Exception {
    try (Socket socket = new Socket(fixture.base.getHost(), fixture.base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      byte[] request =
          "GET /videos HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
      out.write(request);
      assertThat(RawHttp.read(in).status()).isEqualTo(200);

      // Between requests the connection waits under the idle timeout, not the head deadline.
      LockSupport.parkNanos(HEAD_TIMEOUT.multipliedBy(2).toNanos());
      out.write(request);

      assertThat(RawHttp.read(in).status()).isEqualTo(200);
    }
  }

  /** True when the server closed or reset the connection, false when the read timed out. */
  private static boolean serverEndsTheConnection(InputStream in) throws IOException {
    try {
      while (in.read() >= 0) {
        // A 408 or any other answer is fine too; what matters is that the connection ends.
      }
      return true;
    } catch (SocketException reset) {
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    }
  }

  private static void trickle(Socket socket, byte[] head) {
    try {
      OutputStream out = socket.getOutputStream();
      for (byte b : head) {
        out.write(b);
        out.flush();
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      }
    } catch (IOException cut) {
      // The server closed the connection: what the test waits for.
    }
  }
}
