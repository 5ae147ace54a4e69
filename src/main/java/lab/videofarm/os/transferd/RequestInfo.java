package lab.videofarm.os.transferd;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A request as the daemon sees it: a copy, never shared with the app. */
public record RequestInfo(String method, URI url, List<HttpHeader> headers) {
  public RequestInfo {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
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
