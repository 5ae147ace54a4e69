package lab.videofarm.urlsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import lab.videofarm.os.process.AppProcess;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.TaskState;
import org.junit.jupiter.api.Test;

class ConversionsTest {
  private static final URI MOVIE = URI.create("http://127.0.0.1:9/videos/1/movie");

  @Test
  void repeatedResponseHeaderFieldsBecomeOneCommaSeparatedField() {
    ResponseInfo info =
        new ResponseInfo(
            200,
            MOVIE,
            List.of(
                new HttpHeader("Vary", "Accept"),
                new HttpHeader("ETag", "\"v1\""),
                new HttpHeader("Vary", "Range")),
            -1);

    HTTPURLResponse response = Conversions.httpResponse(info);

    assertThat(response.allHeaderFields())
        .containsExactly(
            java.util.Map.entry("Vary", "Accept, Range"), java.util.Map.entry("ETag", "\"v1\""));
    assertThat(response.expectedContentLength()).isEqualTo(-1);
  }

  @Test
  void aRequestSurvivesTheRoundTripThroughTheDaemonWithItsHeadersInOrder() {
    URLRequest request =
        URLRequest.of(MOVIE)
            .withHttpMethod("PUT")
            .withValue("*/*", "Accept")
            .withValue("lab", "X-Client");

    RequestInfo info = Conversions.requestInfo(request);
    URLRequest back = Conversions.urlRequest(info);

    assertThat(info.headers())
        .containsExactly(new HttpHeader("Accept", "*/*"), new HttpHeader("X-Client", "lab"));
    assertThat(back.toString()).isEqualTo("PUT " + MOVIE);
    assertThat(back.allHTTPHeaderFields()).isEqualTo(request.allHTTPHeaderFields());
  }

  @Test
  void theSessionsConnectionsPerHostReachTheDaemon() {
    URLSessionConfiguration configuration = URLSessionConfiguration.background("bg");
    configuration.setHttpMaximumConnectionsPerHost(2);

    assertThat(Conversions.sessionSpec(process(), configuration).httpMaximumConnectionsPerHost())
        .isEqualTo(2);
  }

  @Test
  void aSessionHasSixConnectionsPerHostUnlessItsConfigurationSaysOtherwise() {
    assertThat(
            Conversions.sessionSpec(process(), URLSessionConfiguration.defaultConfiguration())
                .httpMaximumConnectionsPerHost())
        .isEqualTo(6);
  }

  @Test
  void fewerThanOneConnectionPerHostIsRefused() {
    assertThatThrownBy(
            () ->
                URLSessionConfiguration.defaultConfiguration().setHttpMaximumConnectionsPerHost(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("httpMaximumConnectionsPerHost");
  }

  /** A process that only says who it is, which is all a session spec needs. */
  private static AppProcess process() {
    return (AppProcess)
        Proxy.newProxyInstance(
            AppProcess.class.getClassLoader(),
            new Class<?>[] {AppProcess.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "bundleId" -> "lab.videofarm.app";
                  case "launchNumber" -> 1;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  void everyDaemonTaskStateIsTheTaskStateOfTheSameName() {
    for (TaskState state : TaskState.values()) {
      assertThat(Conversions.state(state).name()).isEqualTo(state.name());
    }
  }

  @Test
  void noDaemonValueConvertsToNoApiValue() {
    assertThat(Conversions.urlRequest(null)).isNull();
    assertThat(Conversions.httpResponse(null)).isNull();
    assertThat(Conversions.urlError(null, true)).isNull();
  }
}
