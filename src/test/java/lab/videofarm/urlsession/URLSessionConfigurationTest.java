package lab.videofarm.urlsession;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import lab.videofarm.os.transferd.HttpHeader;
import org.junit.jupiter.api.Test;

/** A configuration's defaults, and the copy a session takes of it. */
class URLSessionConfigurationTest extends InsideAnAppProcess {
  @Test
  void theSessionCopiesItsConfigurationAtCreation() {
    URLSessionConfiguration configuration = URLSessionConfiguration.background("bg");
    configuration.setTimeoutIntervalForRequest(Duration.ofSeconds(20));
    configuration.setHttpAdditionalHeaders(Map.of("X-Client", "lab"));
    URLSession session = URLSession.session(configuration, new RecordingDelegate(), null);

    configuration.setTimeoutIntervalForRequest(Duration.ofSeconds(99));
    configuration.setSessionSendsLaunchEvents(false);
    configuration.setHttpAdditionalHeaders(Map.of());

    assertThat(session.configuration().timeoutIntervalForRequest())
        .isEqualTo(Duration.ofSeconds(20));
    assertThat(session.configuration().sessionSendsLaunchEvents()).isTrue();
    assertThat(daemon.last().spec.timeoutIntervalForRequest()).isEqualTo(Duration.ofSeconds(20));
    assertThat(daemon.last().spec.additionalHeaders())
        .containsExactly(new HttpHeader("X-Client", "lab"));
    assertThat(daemon.last().spec.waitsForConnectivity()).isTrue();
    assertThat(daemon.last().spec.bundleId()).isEqualTo("lab.videofarm.TestApp");
  }

  @Test
  void appleDefaultsForANewConfiguration() {
    URLSessionConfiguration configuration = URLSessionConfiguration.defaultConfiguration();

    assertThat(configuration.timeoutIntervalForRequest()).isEqualTo(Duration.ofSeconds(60));
    assertThat(configuration.timeoutIntervalForResource()).isEqualTo(Duration.ofDays(7));
    assertThat(configuration.sessionSendsLaunchEvents()).isTrue();
    assertThat(configuration.isDiscretionary()).isFalse();
    assertThat(configuration.waitsForConnectivity()).isFalse();
  }
}
