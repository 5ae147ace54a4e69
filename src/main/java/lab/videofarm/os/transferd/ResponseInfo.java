package lab.videofarm.os.transferd;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A response's status line and headers.
 *
 * @param expectedContentLength the body length the response announced, or -1 when unknown
 */
public record ResponseInfo(
    int statusCode, URI url, List<HttpHeader> headers, long expectedContentLength) {
  public ResponseInfo {
    headers = List.copyOf(headers);
  }

  /** The first value of the named header, ignoring case. */
  public Optional<String> header(String name) {
    return headers.stream()
        .filter(header -> header.name().equalsIgnoreCase(name))
        .map(HttpHeader::value)
        .findFirst();
  }
}
