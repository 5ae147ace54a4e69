package lab.videofarm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieTransferTest {
  private static final byte[] MOVIE = Fixtures.bytes(10_000, 1);

  @TempDir Path data;
  private ServerFixture fixture;
  private TestHttp http;
  private String id;
  private String movie;

  @BeforeEach
  void start() throws Exception {
    fixture = ServerFixture.start(data);
    http = fixture.http;
    id = Fixtures.createVideoWithMovie(http, "Cow", MOVIE);
    movie = "/videos/" + id + "/movie";
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aFullGetAdvertisesRangesAndStrongValidators() throws Exception {
    TestHttp.Reply reply = http.get(movie);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo(MOVIE);
    assertThat(reply.header("Accept-Ranges")).contains("bytes");
    assertThat(reply.header("ETag").orElseThrow()).startsWith("\"").doesNotStartWith("W/");
    assertThat(reply.header("Last-Modified")).isPresent();
    assertThat(reply.header("Content-Length")).contains(String.valueOf(MOVIE.length));
  }

  @Test
  void theFirstByteComesAsPartialContent() throws Exception {
    TestHttp.Reply reply = http.get(movie, "Range", "bytes=0-0");

    assertThat(reply.status()).isEqualTo(206);
    assertThat(reply.header("Content-Range")).contains("bytes 0-0/10000");
    assertThat(reply.body()).containsExactly(MOVIE[0]);
  }

  @Test
  void aMiddleRangeComesAsPartialContent() throws Exception {
    TestHttp.Reply reply = http.get(movie, "Range", "bytes=1000-1999");

    assertThat(reply.status()).isEqualTo(206);
    assertThat(reply.header("Content-Range")).contains("bytes 1000-1999/10000");
    assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(MOVIE, 1000, 2000));
  }

  @Test
  void anOpenRangeResumesToTheEnd() throws Exception {
    TestHttp.Reply reply = http.get(movie, "Range", "bytes=9000-");

    assertThat(reply.status()).isEqualTo(206);
    assertThat(reply.header("Content-Range")).contains("bytes 9000-9999/10000");
    assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(MOVIE, 9000, 10_000));
  }

  @Test
  void aSuffixRangeGivesTheLastBytes() throws Exception {
    TestHttp.Reply reply = http.get(movie, "Range", "bytes=-100");

    assertThat(reply.status()).isEqualTo(206);
    assertThat(reply.header("Content-Range")).contains("bytes 9900-9999/10000");
    assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(MOVIE, 9900, 10_000));
  }

  @Test
  void aRangeBeyondTheEndIsUnsatisfiable() throws Exception {
    TestHttp.Reply reply = http.get(movie, "Range", "bytes=10000-");

    assertThat(reply.status()).isEqualTo(416);
    assertThat(reply.header("Content-Range")).contains("bytes */10000");
    assertThat(Fixtures.json(reply).has("error")).isTrue();
  }

  @Test
  void aRangeEndingPastTheEndIsCutToTheEnd() throws Exception {
    TestHttp.Reply reply = http.get(movie, "Range", "bytes=9990-20000");

    assertThat(reply.status()).isEqualTo(206);
    assertThat(reply.header("Content-Range")).contains("bytes 9990-9999/10000");
  }

  @Test
  void ifRangeWithTheCurrentEtagGivesTheRange() throws Exception {
    String etag = http.get(movie).header("ETag").orElseThrow();

    TestHttp.Reply reply = http.get(movie, "Range", "bytes=5000-", "If-Range", etag);

    assertThat(reply.status()).isEqualTo(206);
    assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(MOVIE, 5000, 10_000));
  }

  @Test
  void ifRangeWithAStaleEtagGivesTheWholeMovie() throws Exception {
    TestHttp.Reply reply = http.get(movie, "Range", "bytes=5000-", "If-Range", "\"stale\"");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Range")).isEmpty();
    assertThat(reply.body()).isEqualTo(MOVIE);
  }

  @Test
  void ifRangeWithAWeakEtagNeverMatches() throws Exception {
    String etag = http.get(movie).header("ETag").orElseThrow();

    TestHttp.Reply reply = http.get(movie, "Range", "bytes=5000-", "If-Range", "W/" + etag);

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void ifRangeWithTheLastModifiedDateGivesTheRange() throws Exception {
    String date = http.get(movie).header("Last-Modified").orElseThrow();

    TestHttp.Reply reply = http.get(movie, "Range", "bytes=5000-", "If-Range", date);

    assertThat(reply.status()).isEqualTo(206);
  }

  @Test
  void ifRangeWithAnOlderDateGivesTheWholeMovie() throws Exception {
    TestHttp.Reply reply =
        http.get(movie, "Range", "bytes=5000-", "If-Range", "Mon, 01 Jan 2001 00:00:00 GMT");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo(MOVIE);
  }

  @Test
  void severalRangesGetTheWholeMovieNeverMultipart() throws Exception {
    TestHttp.Reply reply = http.get(movie, "Range", "bytes=0-9,20-29");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).contains("video/mp4");
    assertThat(reply.body()).isEqualTo(MOVIE);
  }

  @Test
  void theRangeUnitIsCaseInsensitive() throws Exception {
    TestHttp.Reply reply = http.get(movie, "Range", "BYTES=0-5");

    assertThat(reply.status()).isEqualTo(206);
    assertThat(reply.header("Content-Range")).contains("bytes 0-5/" + MOVIE.length);
    assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(MOVIE, 0, 6));
  }

  @Test
  void aMalformedRangeGetsTheWholeMovie() throws Exception {
    for (String range :
        new String[] {"bytes=abc", "bytes=20-10", "items=0-9", "bytes=-", "bytes =0-5"}) {
      TestHttp.Reply reply = http.get(movie, "Range", range);

      assertThat(reply.status()).as(range).isEqualTo(200);
      assertThat(reply.body()).as(range).isEqualTo(MOVIE);
    }
  }

  @Test
  void replacingAMovieAnswers204AndChangesTheEtag() throws Exception {
    String before = http.get(movie).header("ETag").orElseThrow();
    byte[] replacement = Fixtures.bytes(7_000, 2);

    TestHttp.Reply put = http.put(movie, replacement);

    assertThat(put.status()).isEqualTo(204);
    TestHttp.Reply after = http.get(movie);
    assertThat(after.body()).isEqualTo(replacement);
    assertThat(after.header("ETag")).isPresent().get().isNotEqualTo(before);
    assertThat(Fixtures.json(http.get("/videos/" + id)).get("movieSize").asLong())
        .isEqualTo(replacement.length);
  }

  @Test
  void replacingWithTheSameBytesStillChangesTheEtag() throws Exception {
    String before = http.get(movie).header("ETag").orElseThrow();

    http.put(movie, MOVIE);

    assertThat(http.get(movie).header("ETag")).isPresent().get().isNotEqualTo(before);
  }

  @Test
  void aFewMegabytesRoundTripByteForByte() throws Exception {
    byte[] big = Fixtures.bytes(3 * 1024 * 1024 + 17, 3);

    assertThat(http.put(movie, big).status()).isEqualTo(204);

    assertThat(TestHttp.sha256(http.get(movie).body())).isEqualTo(TestHttp.sha256(big));
  }

  @Test
  void anInterruptedUploadLeavesTheOldMovie() throws Exception {
    String etag = http.get(movie).header("ETag").orElseThrow();
    try (Socket socket = new Socket(fixture.base.getHost(), fixture.base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT " + movie + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[40_000]);
      out.flush();
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> "uploading".equals(movieStatus()));
    }

    RecordedRequest put = takeRequest("PUT", "100000");
    assertThat(put.bodyBytesReceived()).isLessThan(100_000);
    assertThat(put.connectionDropped() || put.status() == 400).isTrue();
    assertThat(movieStatus()).isEqualTo("ready");
    TestHttp.Reply after = http.get(movie);
    assertThat(after.body()).isEqualTo(MOVIE);
    assertThat(after.header("ETag")).contains(etag);
  }

  @Test
  void aBodyShorterThanItsContentLengthGets400AndChangesNothing() throws Exception {
    try (Socket socket = new Socket(fixture.base.getHost(), fixture.base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT " + movie + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[1000]);
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);

      assertThat(response).startsWith("HTTP/1.1 400").contains("upload_interrupted");
    }
    assertThat(http.get(movie).body()).isEqualTo(MOVIE);
  }

  @Test
  void aMovieIsUploadingWhileItsBodyStreams() throws Exception {
    fixture.server.faults().throttleBytesPerSecond(20_000);
    try (Socket socket = new Socket(fixture.base.getHost(), fixture.base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("PUT " + movie + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[1000]);
      out.flush();
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> "uploading".equals(movieStatus()));
      out.write(new byte[2000]);
      out.flush();

      String response =
          new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(response).isEqualTo("HTTP/1.1 204");
    }
    assertThat(movieStatus()).isEqualTo("ready");
    assertThat(http.get(movie).body()).hasSize(3000);
  }

  @Test
  void aDownloadInFlightKeepsTheBytesItStartedWithWhenTheMovieIsReplaced() throws Exception {
    byte[] original = Fixtures.bytes(40_000, 11);
    http.put(movie, original);
    fixture.server.faults().throttleBytesPerSecond(20_000);
    try (Socket socket = new Socket(fixture.base.getHost(), fixture.base.getPort())) {
      socket
          .getOutputStream()
          .write(
              ("GET " + movie + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      List<String> head = Fixtures.readResponseHead(in);
      assertThat(head.get(0)).startsWith("HTTP/1.1 200");
      assertThat(head).contains("Content-Length: 40000");

      fixture.server.faults().throttleBytesPerSecond(0);
      assertThat(http.put(movie, Fixtures.bytes(40_000, 12)).status()).isEqualTo(204);
      fixture.server.faults().throttleBytesPerSecond(20_000);

      assertThat(in.readAllBytes()).isEqualTo(original);
    }
  }

  @Test
  void aHeadRequestHasTheHeadersButNoBody() throws Exception {
    TestHttp.Reply reply = http.send("HEAD", movie);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Length")).contains(String.valueOf(MOVIE.length));
    assertThat(reply.body()).isEmpty();
  }

  private String movieStatus() throws Exception {
    return Fixtures.json(http.get("/videos/" + id)).get("movieStatus").asText();
  }

  private RecordedRequest takeRequest(String method, String contentLength)
      throws InterruptedException {
    while (true) {
      RecordedRequest request = fixture.server.takeRequest(Duration.ofSeconds(5));
      if (request.method().equals(method)
          && request.header("Content-Length").orElse("").equals(contentLength)) {
        return request;
      }
    }
  }
}
