package lab.videofarm.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the sample server saw it, recorded when its exchange ended (response complete or
 * connection dropped).
 *
 * @param sequence arrival order, starting at 1 for the first request the server received
 * @param method the HTTP method
 * @param path the path and query as sent, not decoded
 * @param headers the request headers, names in lower case, values in the order they came
 * @param status the response status, or 0 if the connection was dropped before a status was sent
 * @param bodyBytesSent response body bytes the server actually handed to the network
 * @param bodyBytesReceived request body bytes the server actually read
 * @param connectionDropped whether the exchange ended by dropping the connection (a fault, a client
 *     that went away, an interrupted upload)
 * @param receivedAt when the request arrived
 * @param completedAt when the exchange ended
 */
public record RecordedRequest(
    long sequence,
    String method,
    String path,
    Map<String, List<String>> headers,
    int status,
    long bodyBytesSent,
    long bodyBytesReceived,
    boolean connectionDropped,
    Instant receivedAt,
    Instant completedAt) {

  public RecordedRequest {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
  }

  /** The first value of a request header, the name compared without case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** How long the exchange took, from arrival to end. */
  public Duration duration() {
    return Duration.between(receivedAt, completedAt);
  }
}
