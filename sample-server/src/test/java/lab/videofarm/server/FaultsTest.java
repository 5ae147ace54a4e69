package lab.videofarm.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultsTest {
  private static final byte[] MOVIE = Fixtures.bytes(40_000, 7);

  @TempDir Path data;
  private ServerFixture fixture;
  private TestHttp http;
  private Faults faults;
  private String id;
  private String movie;

  private void start() throws Exception {
    start(b -> {});
  }

  private void start(java.util.function.Consumer<SampleServer.Builder> configure) throws Exception {
    fixture = ServerFixture.start(data, configure);
    http = fixture.http;
    faults = fixture.server.faults();
    id = Fixtures.createVideoWithMovie(http, "Cow", MOVIE);
    movie = "/videos/" + id + "/movie";
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void throttlingSlowsADownloadToTheRate() throws Exception {
    start();
    faults.throttleBytesPerSecond(40_000);

    long started = System.nanoTime();
    TestHttp.Reply reply = http.get(movie);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(reply.body()).isEqualTo(MOVIE);
    // 40 kB at 40 kB/s: the limiter lets the first slice (a tenth) through at once, so at least
    // 0.9 s; half of that is a bound no loaded machine can beat.
    assertThat(elapsed).isGreaterThan(Duration.ofMillis(450));
    assertThat(onlyRequest("GET", movie).duration()).isGreaterThan(Duration.ofMillis(450));
  }

  @Test
  void throttlingSlowsAnUpload() throws Exception {
    start();
    faults.throttleBytesPerSecond(40_000);

    long started = System.nanoTime();
    TestHttp.Reply reply = http.put(movie, Fixtures.bytes(40_000, 8));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertThat(reply.status()).isEqualTo(204);
    assertThat(elapsed).isGreaterThan(Duration.ofMillis(450));
  }

  @Test
  void throttlingLeavesTheCatalogueAlone() throws Exception {
    start();
    faults.throttleBytesPerSecond(1);

    TestHttp.Reply list = http.get("/videos");

    assertThat(list.status()).isEqualTo(200);
    assertThat(onlyRequest("GET", "/videos").bodyBytesSent()).isEqualTo(list.body().length);
  }

  @Test
  void latencyDelaysTheAnswer() throws Exception {
    start();
    faults.latency(Duration.ofMillis(400));

    long started = System.nanoTime();
    http.get(movie, "Range", "bytes=0-0");

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void droppingCutsADownloadMidBody() throws Exception {
    start();
    faults.dropConnectionAfterBodyBytes(1000);

    assertThatThrownBy(() -> http.get(movie)).isInstanceOf(IOException.class);

    RecordedRequest cut = onlyRequest("GET", movie);
    assertThat(cut.status()).isEqualTo(200);
    assertThat(cut.bodyBytesSent()).isEqualTo(1000);
    assertThat(cut.connectionDropped()).isTrue();
  }

  @Test
  void aResetInsteadOfCloseCutsADownloadWithAConnectionReset() throws Exception {
    start();
    TestHttp.Reply set =
        http.putJson(
            "/admin/faults",
            "{\"dropConnectionAfterBodyBytes\": 1000, \"resetInsteadOfClose\": true}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(faults.active())
        .containsExactlyInAnyOrder(Fault.DROP_AFTER_BYTES, Fault.RESET_INSTEAD_OF_CLOSE);

    assertThatThrownBy(() -> http.get(movie))
        .isInstanceOf(IOException.class)
        .hasStackTraceContaining("reset");

    assertThat(onlyRequest("GET", movie).connectionDropped()).isTrue();
  }

  @Test
  void aCutInsideTheHeadersEndsTheConnectionBeforeAnyResponse() throws Exception {
    start();
    faults.cutInsideHeaders(true);

    assertThatThrownBy(() -> http.get(movie)).isInstanceOf(IOException.class);

    RecordedRequest cut = onlyRequest("GET", movie);
    assertThat(cut.connectionDropped()).isTrue();
    assertThat(cut.bodyBytesSent()).isZero();
    assertThat(faults.active()).containsExactly(Fault.CUT_INSIDE_HEADERS);
  }

  @Test
  void aMovieWithoutValidatorsHasNeitherEtagNorLastModified() throws Exception {
    start();
    faults.omitValidators(true);

    TestHttp.Reply reply = http.get(movie);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("ETag")).isEmpty();
    assertThat(reply.header("Last-Modified")).isEmpty();
    assertThat(reply.body()).isEqualTo(MOVIE);
  }

  @Test
  void aStaged503CarriesTheRetryAfterAsGivenAndLeavesTheJsonEndpointsAlone() throws Exception {
    start();
    TestHttp.Reply set =
        http.putJson(
            "/admin/faults",
            "{\"serviceUnavailableRetryAfter\": \"Wed, 21 Oct 2015 07:28:00 GMT\"}");
    assertThat(set.status()).isEqualTo(200);

    TestHttp.Reply reply = http.get(movie);

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.header("Retry-After")).contains("Wed, 21 Oct 2015 07:28:00 GMT");
    assertThat(http.get("/videos").status()).isEqualTo(200);
    assertThat(faults.active()).containsExactly(Fault.SERVICE_UNAVAILABLE);
  }

  @Test
  void aRetryAfterThatIsNotOnePrintableLineIsRefused() throws Exception {
    start();

    assertThat(
            http.putJson("/admin/faults", "{\"serviceUnavailableRetryAfter\": \"1\\r\\nX: y\"}")
                .status())
        .isEqualTo(400);
    assertThat(http.putJson("/admin/faults", "{\"serviceUnavailableRetryAfter\": 5}").status())
        .isEqualTo(400);
    assertThat(faults.active()).isEmpty();
  }

  @Test
  void aThrottledDownloadIsCutAtExactlyTheLimit() throws Exception {
    start();
    faults.throttleBytesPerSecond(200_000).dropConnectionAfterBodyBytes(30_001);

    assertThatThrownBy(() -> http.get(movie)).isInstanceOf(IOException.class);

    assertThat(onlyRequest("GET", movie).bodyBytesSent()).isEqualTo(30_001);
  }

  @Test
  void aResumeAfterADropSendsNoByteTwice() throws Exception {
    start();
    faults.dropConnectionAfterBodyBytes(12_345);
    assertThatThrownBy(() -> http.get(movie)).isInstanceOf(IOException.class);
    faults.dropConnectionAfterBodyBytes(-1);
    onlyRequest("GET", movie);

    TestHttp.Reply rest = http.get(movie, "Range", "bytes=12345-");

    assertThat(rest.status()).isEqualTo(206);
    assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(MOVIE, 12_345, MOVIE.length));
    List<RecordedRequest> downloads = requests("GET", movie, 2);
    assertThat(downloads.stream().mapToLong(RecordedRequest::bodyBytesSent).sum())
        .isEqualTo(MOVIE.length);
  }

  @Test
  void aBodyNoLongerThanTheLimitIsNotCut() throws Exception {
    start();
    faults.dropConnectionAfterBodyBytes(MOVIE.length);

    assertThat(http.get(movie).body()).isEqualTo(MOVIE);
  }

  @Test
  void droppingCutsAnUploadAndKeepsTheOldMovie() throws Exception {
    start();
    faults.dropConnectionAfterBodyBytes(4000);

    assertThatThrownBy(() -> http.put(movie, Fixtures.bytes(200_000, 9)))
        .isInstanceOf(IOException.class);

    faults.reset();
    assertThat(http.get(movie).body()).isEqualTo(MOVIE);
    assertThat(Fixtures.json(http.get("/videos/" + id)).get("movieStatus").asText())
        .isEqualTo("ready");
    // The first PUT put the original movie in place; the second is the cut one.
    RecordedRequest cut = requests("PUT", movie, 2).get(1);
    assertThat(cut.connectionDropped()).isTrue();
    assertThat(cut.bodyBytesReceived()).isLessThan(200_000);
  }

  @Test
  void withoutRangesEveryRequestGetsTheWholeMovie() throws Exception {
    start();
    faults.disableRanges(true);

    TestHttp.Reply reply = http.get(movie, "Range", "bytes=100-");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Accept-Ranges")).isEmpty();
    assertThat(reply.body()).isEqualTo(MOVIE);
  }

  @Test
  void faultsCanBeSetOnTheBuilder() throws Exception {
    start(b -> b.faults(f -> f.disableRanges(true)));

    assertThat(http.get(movie, "Range", "bytes=100-").status()).isEqualTo(200);
    assertThat(faults.active()).containsExactly(Fault.NO_RANGES);
  }

  @Test
  void aChangedEtagMakesIfRangeFail() throws Exception {
    start();
    TestHttp.Reply before = http.get(movie);
    String etag = before.header("ETag").orElseThrow();
    String lastModified = before.header("Last-Modified").orElseThrow();

    faults.changeMovieEtag(id);

    TestHttp.Reply byEtag = http.get(movie, "Range", "bytes=100-", "If-Range", etag);
    assertThat(byEtag.status()).isEqualTo(200);
    assertThat(byEtag.header("ETag")).isPresent().get().isNotEqualTo(etag);
    assertThat(byEtag.body()).isEqualTo(MOVIE);
    TestHttp.Reply byDate = http.get(movie, "Range", "bytes=100-", "If-Range", lastModified);
    assertThat(byDate.status()).isEqualTo(200);
  }

  @Test
  void theChangedEtagSurvivesARestart() throws Exception {
    start();
    faults.changeMovieEtag(id);
    String etag = http.get(movie).header("ETag").orElseThrow();
    fixture.close();

    fixture = ServerFixture.start(data);

    assertThat(fixture.http.get(movie).header("ETag")).contains(etag);
  }

  @Test
  void theAdminEndpointShowsTheFaults() throws Exception {
    start();
    faults.throttleBytesPerSecond(1234).latency(Duration.ofMillis(5));

    JsonNode state = Fixtures.json(http.get("/admin/faults"));

    assertThat(state.get("throttleBytesPerSecond").asLong()).isEqualTo(1234);
    assertThat(state.get("latencyMillis").asLong()).isEqualTo(5);
    assertThat(state.get("dropConnectionAfterBodyBytes").asLong()).isEqualTo(-1);
    assertThat(state.get("disableRanges").asBoolean()).isFalse();
    assertThat(state.get("active")).extracting(JsonNode::asText).contains("THROTTLE", "LATENCY");
  }

  @Test
  void theAdminEndpointSetsTheFaults() throws Exception {
    start();

    TestHttp.Reply reply =
        http.putJson(
            "/admin/faults",
            "{\"throttleBytesPerSecond\": 5000, \"latencyMillis\": 20,"
                + " \"dropConnectionAfterBodyBytes\": 10, \"disableRanges\": true}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(faults.throttleBytesPerSecond()).isEqualTo(5000);
    assertThat(faults.latency()).isEqualTo(Duration.ofMillis(20));
    assertThat(faults.dropConnectionAfterBodyBytes()).isEqualTo(10);
    assertThat(faults.rangesDisabled()).isTrue();
    assertThat(faults.active())
        .containsExactlyInAnyOrder(
            Fault.THROTTLE, Fault.LATENCY, Fault.DROP_AFTER_BYTES, Fault.NO_RANGES);
  }

  @Test
  void theAdminEndpointChangesAnEtag() throws Exception {
    start();
    String etag = http.get(movie).header("ETag").orElseThrow();

    TestHttp.Reply reply = http.putJson("/admin/faults", "{\"changeMovieEtag\": \"" + id + "\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(http.get(movie).header("ETag")).isPresent().get().isNotEqualTo(etag);
  }

  @Test
  void theAdminEndpointResetsTheFaults() throws Exception {
    start();
    faults.throttleBytesPerSecond(10).disableRanges(true).dropConnectionAfterBodyBytes(0);

    TestHttp.Reply reply = http.send("DELETE", "/admin/faults");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(faults.active()).isEmpty();
    assertThat(http.get(movie).body()).isEqualTo(MOVIE);
  }

  @Test
  void theAdminEndpointRefusesBadInputAndChangesNothing() throws Exception {
    start();

    for (String body :
        new String[] {
          "{\"throttle\": 1}",
          "{\"throttleBytesPerSecond\": -5}",
          "{\"throttleBytesPerSecond\": 5, \"disableRanges\": \"yes\"}",
          "not json",
          "[1, 2]",
          "{\"changeMovieEtag\": \"nosuchvideo\"}"
        }) {
      TestHttp.Reply reply = http.putJson("/admin/faults", body);

      assertThat(reply.status()).as(body).isBetween(400, 499);
      assertThat(Fixtures.json(reply).has("error")).as(body).isTrue();
    }
    assertThat(faults.active()).isEmpty();
  }

  @Test
  void anAdminBodyShorterThanItsContentLengthGets400AndChangesNothing() throws Exception {
    start();

    RawHttp.Reply reply =
        RawHttp.exchange(
            fixture.base,
            RawHttp.request(
                List.of(
                    "PUT /admin/faults HTTP/1.1",
                    "Host: x",
                    "Content-Type: application/json",
                    "Content-Length: 100"),
                RawHttp.ascii("{\"throttleBytesPerSecond\": 5")),
            true);

    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    assertThat(reply.text()).contains("\"error\"");
    assertThat(faults.active()).isEmpty();
  }

  @Test
  void anAdminBodyAnnouncedTooLargeGets413BeforeItIsSent() throws Exception {
    start();

    // Only the head and a few bytes are sent: the answer must come from the head alone.
    RawHttp.Reply reply =
        RawHttp.exchange(
            fixture.base,
            RawHttp.request(
                List.of(
                    "PUT /admin/faults HTTP/1.1",
                    "Host: x",
                    "Content-Type: application/json",
                    "Content-Length: " + 9 * 1024 * 1024),
                RawHttp.ascii("{\"thr")));

    assertThat(reply.status()).as(reply.text()).isEqualTo(413);
    assertThat(reply.text()).contains("too_large");
    assertThat(faults.active()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"throttleBytesPerSecond\": 5} x",
        "{\"throttleBytesPerSecond\": 5}{\"latencyMillis\": 5}",
        "{\"throttleBytesPerSecond\": 5} {}",
        "{\"throttleBytesPerSecond\": 5}]"
      })
  void anAdminBodyWithAnythingAfterItsObjectIsRefused(String body) throws Exception {
    start();

    TestHttp.Reply reply = http.putJson("/admin/faults", body);

    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    assertThat(Fixtures.json(reply).get("error").asText()).isEqualTo("malformed_json");
    assertThat(faults.active()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"latencyMillis\": 9223372036854775807}",
        "{\"latencyMillis\": 600001}",
        "{\"throttleBytesPerSecond\": 9223372036854775807}",
        "{\"latencyMillis\": 1e3}",
        "{\"latencyMillis\": 99999999999999999999999}"
      })
  void anAdminValueOutOfItsBoundsIsRefusedWithTheBounds(String body) throws Exception {
    start();

    TestHttp.Reply reply = http.putJson("/admin/faults", body);

    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    assertThat(Fixtures.json(reply).get("detail").asText())
        .containsPattern("between \\d+ and \\d+");
    assertThat(faults.active()).isEmpty();
  }

  @Test
  void aLatencyBeyondTheBoundIsRefusedInJavaToo() throws Exception {
    start();

    assertThatThrownBy(() -> faults.latency(Faults.MAX_LATENCY.plusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most");
  }

  @Test
  void clearingTheFaultsReleasesARequestWaitingOutTheLatency() throws Exception {
    start();
    faults.latency(Faults.MAX_LATENCY);
    CompletableFuture<TestHttp.Reply> waiting = getMovieHeldByLatency();

    assertThat(http.send("DELETE", "/admin/faults").status()).isEqualTo(200);

    assertThat(waiting.get(5, TimeUnit.SECONDS).body()).isEqualTo(MOVIE);
    assertThat(faults.requestsHeldByLatency()).isZero();
  }

  @Test
  void loweringTheLatencyShortensARequestAlreadyWaiting() throws Exception {
    start();
    faults.latency(Faults.MAX_LATENCY);
    CompletableFuture<TestHttp.Reply> waiting = getMovieHeldByLatency();

    faults.latency(Duration.ofMillis(50));

    assertThat(waiting.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  @Test
  void changingTheEtagOfAnUnknownVideoFails() throws Exception {
    start();

    assertThatThrownBy(() -> faults.changeMovieEtag("nosuchvideo"))
        .isInstanceOf(java.util.NoSuchElementException.class);
  }

  /** Starts a movie GET and returns once the server holds it in the latency wait. */
  private CompletableFuture<TestHttp.Reply> getMovieHeldByLatency() {
    CompletableFuture<TestHttp.Reply> reply =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return http.get(movie);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> faults.requestsHeldByLatency() == 1);
    return reply;
  }

  private RecordedRequest onlyRequest(String method, String path) {
    return requests(method, path, 1).get(0);
  }

  /** Waits until the server has recorded this many such requests, in arrival order. */
  private List<RecordedRequest> requests(String method, String path, int count) {
    return org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                fixture.server.requests().stream()
                    .filter(r -> r.method().equals(method) && r.path().equals(path))
                    .toList(),
            list -> list.size() == count);
  }
}
