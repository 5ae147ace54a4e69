package lab.videofarm.urlsession;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP response's status and headers. Any status is a successful response as far as the session
 * is concerned; check {@link #statusCode()}.
 *
 * @param expectedContentLength the announced body length, or -1 when unknown
 */
public record HTTPURLResponse(
    URI url, int statusCode, Map<String, String> allHeaderFields, long expectedContentLength) {

  public HTTPURLResponse {
    allHeaderFields = Collections.unmodifiableMap(new LinkedHashMap<>(allHeaderFields));
  }

  /** The value of a header field, ignoring case. */
  public Optional<String> value(String headerField) {
    return allHeaderFields.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(headerField))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
