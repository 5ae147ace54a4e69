package lab.videofarm.os.transferd;

import java.time.Duration;
import java.util.List;

/** The background session most daemon tests need: Apple's defaults, the lab app's identifier. */
public final class SessionSpecs {
  public static final String BUNDLE = "lab.videofarm.app";
  public static final String IDENTIFIER = "lab.videofarm.background";

  private SessionSpecs() {}

  /** Launch 1's background session, no extra headers, six connections per host. */
  public static SessionSpec background() {
    return background(List.of());
  }

  /** Launch 1's background session with {@code headers} on every request. */
  public static SessionSpec background(List<HttpHeader> headers) {
    return background(headers, SessionSpec.DEFAULT_MAXIMUM_CONNECTIONS_PER_HOST);
  }

  /** Launch 1's background session with {@code headers} and {@code connectionsPerHost}. */
  public static SessionSpec background(List<HttpHeader> headers, int connectionsPerHost) {
    return new SessionSpec(
        BUNDLE,
        1,
        IDENTIFIER,
        Duration.ofSeconds(60),
        Duration.ofDays(7),
        true,
        true,
        false,
        headers,
        connectionsPerHost);
  }
}
