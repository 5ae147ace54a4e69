package lab.videofarm.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@link BadInputCases} against one real server, over a plain socket: a 4xx with the
 * JSON error body (ranges: the documented 200, 206 or 416), never a 5xx; the catalogue, every
 * stored file and the faults are as before; and the server still answers a normal request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputSuiteTest {
  @TempDir static Path data;
  private ServerFixture fixture;
  private String id;

  @BeforeAll
  void start() throws Exception {
    fixture = ServerFixture.start(data, b -> b.maxUploadBytes(BadInputCases.LIMIT));
    id =
        Fixtures.createVideoWithMovie(
            fixture.http, "Cow", Fixtures.bytes(BadInputCases.MOVIE_LENGTH, 3));
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  static Stream<BadInputCases.Case> cases() {
    return BadInputCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aHostileRequestIsAnsweredAndChangesNothing(BadInputCases.Case hostile) throws Exception {
    Map<String, String> before = stored();

    RawHttp.Reply reply = RawHttp.exchange(fixture.base, hostile.bytes(id), hostile.endOfInput());

    assertThat(reply.status()).as(reply.text()).isIn(hostile.statuses());
    if (hostile.jsonError()) {
      assertThat(reply.header("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      JsonNode error = Fixtures.JSON.readTree(reply.body());
      assertThat(error.path("error").asText()).isNotBlank();
      assertThat(error.path("detail").asText()).isNotBlank().doesNotContain("\tat ");
    }
    // Cleanup after a refused body may finish just after the answer; wait for it, briefly.
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .ignoreExceptions()
        .until(() -> stored().equals(before));
    assertThat(fixture.http.get("/videos/" + id).status()).isEqualTo(200);
  }

  @Test
  void theSuiteHasAtLeastSixtyCasesNoneOfThemAllowedAServerError() {
    assertThat(cases().toList())
        .hasSizeGreaterThanOrEqualTo(60)
        .allSatisfy(c -> assertThat(c.statuses()).isNotEmpty().allMatch(s -> s < 500));
  }

  /** The catalogue, the faults and every file in the data directory (with its digest). */
  private Map<String, String> stored() throws IOException {
    Map<String, String> state = new TreeMap<>();
    state.put("catalogue", fixture.http.get("/videos").text());
    state.put("faults", fixture.server.faults().toString());
    try (Stream<Path> files = Files.walk(data)) {
      files
          .filter(Files::isRegularFile)
          .forEach(
              file -> {
                try {
                  state.put(
                      data.relativize(file).toString(), TestHttp.sha256(Files.readAllBytes(file)));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return state;
  }
}
