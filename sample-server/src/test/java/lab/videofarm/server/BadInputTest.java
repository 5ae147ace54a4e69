package lab.videofarm.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal is a 4xx with a JSON {@code error} and {@code detail}, and changes nothing. */
class BadInputTest {
  private static final long LIMIT = 64 * 1024;
  private static final byte[] MOVIE = Fixtures.bytes(1000, 5);

  @TempDir Path data;
  private ServerFixture fixture;
  private TestHttp http;
  private String id;
  private String catalogue;

  @BeforeEach
  void start() throws Exception {
    fixture = ServerFixture.start(data, b -> b.maxUploadBytes(LIMIT));
    http = fixture.http;
    id = Fixtures.createVideoWithMovie(http, "Cow", MOVIE);
    catalogue = http.get("/videos").text();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private void assertRefused(TestHttp.Reply reply, int status) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    assertThat(reply.header("Content-Type").orElseThrow()).startsWith("application/json");
    JsonNode error = Fixtures.json(reply);
    assertThat(error.get("error").asText()).isNotBlank();
    assertThat(error.get("detail").asText()).isNotBlank().doesNotContain("\tat ");
  }

  private void assertNothingChanged() throws Exception {
    assertThat(http.get("/videos").text()).isEqualTo(catalogue);
    assertThat(http.get("/videos/" + id + "/movie").body()).isEqualTo(MOVIE);
  }

  @Test
  void anUnknownVideoIsNotFound() throws Exception {
    assertRefused(http.get("/videos/nosuchvideo"), 404);
    assertRefused(http.get("/videos/nosuchvideo/movie"), 404);
    assertRefused(http.get("/videos/nosuchvideo/thumbnail"), 404);
    assertRefused(http.put("/videos/nosuchvideo/movie", MOVIE), 404);
    assertNothingChanged();
  }

  @Test
  void aVideoWithoutAMovieHasNoMovieToGet() throws Exception {
    String empty = Fixtures.createVideo(http, "Empty");

    assertRefused(http.get("/videos/" + empty + "/movie"), 404);
  }

  @Test
  void anUnknownPathIsNotFound() throws Exception {
    assertRefused(http.get("/nothing/here"), 404);
    assertRefused(http.get("/videos/" + id + "/movie/extra"), 404);
  }

  @Test
  void aPathTraversalIsRefused() throws Exception {
    for (String path :
        new String[] {
          "/videos/..%2F..%2Fetc%2Fpasswd",
          "/videos/..%2Fvideo.json/movie",
          "/videos/%2e%2e/movie",
          "/videos/a%00b"
        }) {
      TestHttp.Reply reply = http.get(path);

      assertThat(reply.status()).as(path).isIn(400, 404);
      assertThat(Fixtures.json(reply).has("error")).as(path).isTrue();
    }
    assertNothingChanged();
  }

  @Test
  void aMalformedIdIsRefused() throws Exception {
    assertRefused(http.get("/videos/" + "a".repeat(65)), 400);
    assertRefused(http.get("/videos/bad%20id"), 400);
    assertRefused(http.get("/videos/bad.id/movie"), 400);
  }

  @Test
  void aFormWithoutATitleIsRefused() throws Exception {
    assertRefused(http.postVideo(null, "no title", Fixtures.png()), 400);
    assertRefused(http.postVideo("   ", "blank title", Fixtures.png()), 400);
    assertNothingChanged();
  }

  @ParameterizedTest
  @ValueSource(strings = {"title", "description"})
  void aTextFieldThatIsNotUtf8IsRefused(String field) throws Exception {
    Map<String, byte[]> fields = new LinkedHashMap<>();
    fields.put("title", "Cow".getBytes(StandardCharsets.UTF_8));
    fields.put("description", "about a cow".getBytes(StandardCharsets.UTF_8));
    // A lone continuation byte and a truncated two-byte sequence: no UTF-8 decoder accepts them.
    fields.put(field, new byte[] {'C', (byte) 0x80, 'w', (byte) 0xC3});

    TestHttp.Reply reply = http.send("POST", "/videos", form(fields, Fixtures.png()));

    assertRefused(reply, 400);
    assertThat(Fixtures.json(reply).get("error").asText()).isEqualTo("bad_encoding");
    assertNothingChanged();
  }

  /** A multipart form built byte by byte, so text fields can hold any bytes at all. */
  static HttpEntity form(Map<String, byte[]> fields, byte[] thumbnail) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) -> {
          body.writeBytes(
              RawHttp.ascii(
                  "--xyz\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"));
          body.writeBytes(value);
          body.writeBytes(RawHttp.ascii("\r\n"));
        });
    body.writeBytes(
        RawHttp.ascii(
            "--xyz\r\nContent-Disposition: form-data; name=\"thumbnail\"; filename=\"t.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"));
    body.writeBytes(thumbnail);
    body.writeBytes(RawHttp.ascii("\r\n--xyz--\r\n"));
    return new ByteArrayEntity(
        body.toByteArray(),
        ContentType.create("multipart/form-data", new BasicNameValuePair("boundary", "xyz")));
  }

  @Test
  void aFormWithoutAThumbnailIsRefused() throws Exception {
    assertRefused(http.postVideo("Cow", "no picture", null), 400);
    assertNothingChanged();
  }

  @Test
  void aThumbnailThatIsNotAnImageIsRefusedWhateverItsName() throws Exception {
    assertRefused(http.postVideo("Cow", "text", "GIF89a not really".getBytes()), 415);
    assertNothingChanged();
  }

  @Test
  void aBodyThatIsNotAFormIsRefused() throws Exception {
    TestHttp.Reply reply =
        http.send("POST", "/videos", new StringEntity("{}", ContentType.APPLICATION_JSON));

    assertRefused(reply, 415);
    assertNothingChanged();
  }

  @Test
  void aBrokenFormIsRefused() throws Exception {
    for (String body :
        new String[] {"garbage", "--xyz\r\nContent-Disposition: form-data; name=\"title\"\r\n"}) {
      TestHttp.Reply reply =
          http.send(
              "POST",
              "/videos",
              new StringEntity(
                  body,
                  ContentType.create(
                      "multipart/form-data", new BasicNameValuePair("boundary", "xyz"))));

      assertThat(reply.status()).as(body).isBetween(400, 499);
      assertThat(Fixtures.json(reply).has("error")).isTrue();
    }
    assertNothingChanged();
  }

  @Test
  void aFormOverTheLimitIsRefused() throws Exception {
    TestHttp.Reply reply = http.postVideo("Cow", "big", Fixtures.bytes((int) LIMIT + 1, 1));

    assertRefused(reply, 413);
    assertNothingChanged();
  }

  @Test
  void aMovieOverTheLimitIsRefused() throws Exception {
    assertRefused(http.put("/videos/" + id + "/movie", Fixtures.bytes((int) LIMIT + 1, 1)), 413);
    assertNothingChanged();
  }

  @Test
  void aStreamedMovieOverTheLimitIsRefusedWhenItPassesIt() throws Exception {
    InputStreamEntity chunked =
        new InputStreamEntity(
            // Only a little over the limit: the client is done sending when the server refuses.
            new java.io.ByteArrayInputStream(Fixtures.bytes((int) LIMIT + 1024, 1)),
            -1,
            ContentType.APPLICATION_OCTET_STREAM);

    TestHttp.Reply reply = http.send("PUT", "/videos/" + id + "/movie", chunked);

    assertRefused(reply, 413);
    assertNothingChanged();
  }

  @Test
  void aWrongMethodIsRefusedWithTheAllowedOnes() throws Exception {
    TestHttp.Reply delete = http.send("DELETE", "/videos/" + id);
    assertRefused(delete, 405);
    assertThat(delete.header("Allow")).contains("GET, HEAD");

    TestHttp.Reply post = http.send("POST", "/videos/" + id + "/movie");
    assertRefused(post, 405);
    assertThat(post.header("Allow")).contains("GET, HEAD, PUT");

    TestHttp.Reply put = http.put("/videos", MOVIE);
    assertRefused(put, 405);
    assertThat(put.header("Allow")).contains("GET, HEAD, POST");
    assertNothingChanged();
  }

  @Test
  void noOddRequestGetsAServerError() throws Exception {
    String video = "/videos/" + id;
    String[][] requests = {
      {"OPTIONS", "/videos"},
      {"TRACE", "/videos"},
      {"PATCH", video},
      {"HEAD", "/videos"},
      {"HEAD", video},
      {"HEAD", video + "/thumbnail"},
      {"HEAD", "/admin/faults"},
      {"GET", "/videos/"},
      {"GET", "/videos//movie"},
      {"GET", video + "/movie?download=1"},
      {"PUT", video},
      {"POST", "/admin/faults"},
      {"GET", "/admin"},
      {"GET", "/admin/faults/extra"},
    };
    for (String[] request : requests) {
      TestHttp.Reply reply = http.send(request[0], request[1]);

      assertThat(reply.status()).as(request[0] + " " + request[1]).isLessThan(500);
    }
    // Targets a client library would refuse to send, so they go over a plain socket.
    for (String target : new String[] {"//videos", "/videos/%", "/videos?x=%zz", "/%zz/..", "*"}) {
      assertThat(rawStatus("GET " + target)).as(target).isBetween(200, 499);
    }
    assertNothingChanged();
  }

  private int rawStatus(String requestLine) throws Exception {
    try (Socket socket = new Socket(fixture.base.getHost(), fixture.base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String response =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      return Integer.parseInt(response.substring(9, 12));
    }
  }

  @Test
  void aRequestInAnHttpVersionNobodySpeaksGets505AsHttpPrescribesInJson() throws Exception {
    RawHttp.Reply reply =
        RawHttp.exchange(
            fixture.base,
            RawHttp.ascii("GET /videos HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n"));

    assertThat(reply.status()).isEqualTo(505);
    assertThat(Fixtures.JSON.readTree(reply.body()).path("error").asText())
        .isEqualTo("http_version_not_supported");
  }

  @Test
  void anUnparseableRequestGetsJsonToo() throws Exception {
    try (Socket socket = new Socket(fixture.base.getHost(), fixture.base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /videos HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n".getBytes());
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);

      assertThat(response).startsWith("HTTP/1.1 400").contains("\"error\"");
    }
  }
}
