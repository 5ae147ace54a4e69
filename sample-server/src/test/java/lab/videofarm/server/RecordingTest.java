package lab.videofarm.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir Path data;
  private ServerFixture fixture;
  private SampleServer server;

  @BeforeEach
  void start() throws Exception {
    fixture = ServerFixture.start(data);
    server = fixture.server;
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void anUploadIsRecordedWithTheBytesReceived() throws Exception {
    String id = Fixtures.createVideo(fixture.http, "Cow");
    server.takeRequest(WAIT);

    byte[] movie = Fixtures.bytes(5000, 1);
    fixture.http.put("/videos/" + id + "/movie", movie);

    RecordedRequest put = server.takeRequest(WAIT);
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.path()).isEqualTo("/videos/" + id + "/movie");
    assertThat(put.status()).isEqualTo(201);
    assertThat(put.bodyBytesReceived()).isEqualTo(movie.length);
    assertThat(put.bodyBytesSent()).isZero();
    assertThat(put.connectionDropped()).isFalse();
  }

  @Test
  void aRangedDownloadIsRecordedWithItsHeadersAndTheBytesSent() throws Exception {
    byte[] movie = Fixtures.bytes(5000, 1);
    String id = Fixtures.createVideoWithMovie(fixture.http, "Cow", movie);
    server.takeRequest(WAIT);
    server.takeRequest(WAIT);

    fixture.http.get("/videos/" + id + "/movie", "Range", "bytes=1000-", "If-Range", "\"x\"");

    RecordedRequest get = server.takeRequest(WAIT);
    assertThat(get.header("range")).contains("bytes=1000-");
    assertThat(get.header("IF-RANGE")).contains("\"x\"");
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.bodyBytesSent()).isEqualTo(movie.length);
  }

  @Test
  void requestsAreListedInArrivalOrder() throws Exception {
    fixture.http.get("/videos");
    fixture.http.get("/videos/nosuch");
    fixture.http.send("DELETE", "/videos");

    assertThat(server.takeRequest(WAIT).sequence()).isEqualTo(1);
    assertThat(server.takeRequest(WAIT).status()).isEqualTo(404);
    assertThat(server.takeRequest(WAIT).status()).isEqualTo(405);
    assertThat(server.requests())
        .extracting(RecordedRequest::method)
        .containsExactly("GET", "GET", "DELETE");
    assertThat(server.requests()).extracting(RecordedRequest::sequence).containsExactly(1L, 2L, 3L);
  }

  @Test
  void takingARequestWhenNoneComesFails() {
    assertThatThrownBy(() -> server.takeRequest(Duration.ofMillis(50)))
        .isInstanceOf(NoSuchElementException.class);
  }
}
