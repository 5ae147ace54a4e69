package lab.videofarm.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resumable uploads, interop version 3 (draft -01) of "Resumable Uploads for HTTP", over real HTTP.
 * A plain socket shows the informational 104 that ordinary clients hide.
 */
class ResumableUploadTest {
  private static final byte[] OLD_MOVIE = Fixtures.bytes(20_000, 70);
  private static final byte[] NEW_MOVIE = Fixtures.bytes(300_000, 71);
  private static final int CUT_AT = 120_000;

  @TempDir Path data;
  private ServerFixture fixture;
  private TestHttp http;
  private String id;
  private String movie;

  @BeforeEach
  void start() throws Exception {
    fixture = ServerFixture.start(data);
    http = fixture.http;
    id = Fixtures.createVideoWithMovie(http, "resumable", OLD_MOVIE);
    movie = "/videos/" + id + "/movie";
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aPutSpeakingInteropVersion3Gets104WithItsUploadResourceBeforeTheBody() throws Exception {
    try (Socket socket = socket()) {
      sendHead(socket, "PUT", movie, NEW_MOVIE.length, "Upload-Incomplete: ?0");

      List<String> interim = Fixtures.readResponseHead(socket.getInputStream());

      assertThat(interim.get(0)).startsWith("HTTP/1.1 104");
      assertThat(header(interim, "Location")).matches("/uploads/[0-9a-f]{32}");
      assertThat(header(interim, "Upload-Draft-Interop-Version")).isEqualTo("3");
      socket.getOutputStream().write(NEW_MOVIE);
      List<String> last = Fixtures.readResponseHead(socket.getInputStream());
      assertThat(last.get(0)).startsWith("HTTP/1.1 204");
    }
    assertThat(http.get(movie).body()).isEqualTo(NEW_MOVIE);
  }

  @Test
  void aCutUploadResumesWithHeadThenPatchAndNoByteArrivesTwice() throws Exception {
    String location = cutUpload(CUT_AT);

    TestHttp.Reply head = http.send("HEAD", location, "Upload-Draft-Interop-Version", "3");
    assertThat(head.status()).isEqualTo(204);
    assertThat(head.header("Upload-Offset")).contains(Integer.toString(CUT_AT));
    assertThat(head.header("Cache-Control")).contains("no-store");
    assertThat(http.get(movie).body()).isEqualTo(OLD_MOVIE);

    TestHttp.Reply patch = patch(location, CUT_AT, rest(CUT_AT));

    assertThat(patch.status()).as(patch.text()).isEqualTo(204);
    assertThat(TestHttp.sha256(http.get(movie).body())).isEqualTo(TestHttp.sha256(NEW_MOVIE));
    long received =
        fixture.server.requests().stream()
            .filter(r -> r.method().equals("PATCH") || r.method().equals("PUT"))
            .filter(r -> r.path().equals(movie) || r.path().equals(location))
            .mapToLong(RecordedRequest::bodyBytesReceived)
            .sum();
    assertThat(received).isEqualTo(OLD_MOVIE.length + NEW_MOVIE.length);
    assertThat(http.send("HEAD", location).status()).isEqualTo(404);
  }

  @Test
  void anUploadInOneRequestTagsTheMovieWithTheHashOfItsBytes() throws Exception {
    try (Socket socket = socket()) {
      sendHead(socket, "PUT", movie, NEW_MOVIE.length, "Upload-Incomplete: ?0");
      Fixtures.readResponseHead(socket.getInputStream());
      socket.getOutputStream().write(NEW_MOVIE);
      Fixtures.readResponseHead(socket.getInputStream());
    }

    assertThat(http.get(movie).header("ETag").orElseThrow())
        .startsWith("\"" + TestHttp.sha256(NEW_MOVIE).substring(0, 16) + "-");
  }

  @Test
  void anUploadFinishedByPatchTagsTheMovieWithTheHashOfAllItsBytes() throws Exception {
    String location = cutUpload(CUT_AT);

    patch(location, CUT_AT, rest(CUT_AT));

    assertThat(http.get(movie).header("ETag").orElseThrow())
        .startsWith("\"" + TestHttp.sha256(NEW_MOVIE).substring(0, 16) + "-");
  }

  @Test
  void aPatchAtTheWrongOffsetGets409AndChangesNothing() throws Exception {
    String location = cutUpload(CUT_AT);

    TestHttp.Reply patch = patch(location, CUT_AT - 1, rest(CUT_AT - 1));

    assertThat(patch.status()).isEqualTo(409);
    assertThat(Fixtures.json(patch).get("error").asText()).isEqualTo("offset_mismatch");
    assertThat(http.send("HEAD", location).header("Upload-Offset"))
        .contains(Integer.toString(CUT_AT));
    assertThat(http.get(movie).body()).isEqualTo(OLD_MOVIE);
  }

  @Test
  void aPartialUploadNeverReplacesTheOldMovie() throws Exception {
    String etag = http.get(movie).header("ETag").orElseThrow();

    String location = cutUpload(CUT_AT);
    patch(location, CUT_AT, Arrays.copyOfRange(NEW_MOVIE, CUT_AT, CUT_AT + 1000), "?1");

    TestHttp.Reply now = http.get(movie);
    assertThat(now.body()).isEqualTo(OLD_MOVIE);
    assertThat(now.header("ETag")).contains(etag);
    assertThat(http.send("HEAD", location).header("Upload-Offset"))
        .contains(Integer.toString(CUT_AT + 1000));
  }

  @Test
  void deleteGivesTheUploadUp() throws Exception {
    String location = cutUpload(CUT_AT);

    assertThat(http.send("DELETE", location).status()).isEqualTo(204);

    assertThat(http.send("HEAD", location).status()).isEqualTo(404);
    assertThat(patch(location, CUT_AT, rest(CUT_AT)).status()).isEqualTo(404);
    assertThat(http.get(movie).body()).isEqualTo(OLD_MOVIE);
  }

  @Test
  void withResumableUploadsSwitchedOffThereIsNo104AndNoResource() throws Exception {
    fixture.server.faults().resumableUploads(false);
    assertThat(fixture.server.faults().active()).contains(Fault.NO_RESUMABLE_UPLOADS);

    try (Socket socket = socket()) {
      sendHead(socket, "PUT", movie, NEW_MOVIE.length, "Upload-Incomplete: ?0");
      socket.getOutputStream().write(NEW_MOVIE);

      assertThat(Fixtures.readResponseHead(socket.getInputStream()).get(0))
          .startsWith("HTTP/1.1 204");
    }
    try (Stream<Path> uploads = Files.list(data.resolve("uploads"))) {
      assertThat(uploads).isEmpty();
    }
    assertThat(http.get(movie).body()).isEqualTo(NEW_MOVIE);
  }

  @Test
  void theAdminEndpointSwitchesResumableUploadsOffAndOn() throws Exception {
    TestHttp.Reply off = http.putJson("/admin/faults", "{\"disableResumableUploads\": true}");

    assertThat(Fixtures.json(off).get("disableResumableUploads").asBoolean()).isTrue();
    assertThat(fixture.server.faults().resumableUploadsEnabled()).isFalse();
    assertThat(http.send("DELETE", "/admin/faults").status()).isEqualTo(200);
    assertThat(fixture.server.faults().resumableUploadsEnabled()).isTrue();
  }

  @Test
  void anUploadResourceOutlivesARestartButExpiresWhenIdleTooLong() throws Exception {
    String location = cutUpload(CUT_AT);
    fixture.close();
    fixture = ServerFixture.start(data);
    assertThat(fixture.http.send("HEAD", location).header("Upload-Offset"))
        .contains(Integer.toString(CUT_AT));
    fixture.close();

    Clock twoDaysLater = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));
    fixture = ServerFixture.start(data, builder -> builder.clock(twoDaysLater));

    assertThat(fixture.http.send("HEAD", location).status()).isEqualTo(404);
    assertThat(fixture.http.get(movie).body()).isEqualTo(OLD_MOVIE);
  }

  /** Sends the first {@code bytes} of the new movie as a resumable PUT, then drops the socket. */
  private String cutUpload(int bytes) throws Exception {
    String location;
    try (Socket socket = socket()) {
      sendHead(socket, "PUT", movie, NEW_MOVIE.length, "Upload-Incomplete: ?0");
      location = header(Fixtures.readResponseHead(socket.getInputStream()), "Location");
      socket.getOutputStream().write(NEW_MOVIE, 0, bytes);
      socket.getOutputStream().flush();
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fixture.server.requests().stream()
                    .anyMatch(r -> r.method().equals("PUT") && r.path().equals(movie)));
    return location;
  }

  private TestHttp.Reply patch(String location, long offset, byte[] body) throws IOException {
    return patch(location, offset, body, "?0");
  }

  private TestHttp.Reply patch(String location, long offset, byte[] body, String incomplete)
      throws IOException {
    return http.send(
        "PATCH",
        location,
        new ByteArrayEntity(body, ContentType.APPLICATION_OCTET_STREAM),
        "Upload-Draft-Interop-Version",
        "3",
        "Upload-Offset",
        Long.toString(offset),
        "Upload-Incomplete",
        incomplete);
  }

  private static byte[] rest(int from) {
    return Arrays.copyOfRange(NEW_MOVIE, from, NEW_MOVIE.length);
  }

  private Socket socket() throws IOException {
    Socket socket = new Socket(fixture.base.getHost(), fixture.base.getPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static void sendHead(
      Socket socket, String method, String path, long length, String... extra) throws IOException {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: localhost\r\n");
    head.append("Content-Type: video/mp4\r\n");
    head.append("Content-Length: ").append(length).append("\r\n");
    head.append("Upload-Draft-Interop-Version: 3\r\n");
    for (String line : extra) {
      head.append(line).append("\r\n");
    }
    head.append("\r\n");
    OutputStream out = socket.getOutputStream();
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String header(List<String> head, String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    return head.stream()
        .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
        .map(line -> line.substring(prefix.length()).trim())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + head));
  }
}
