package lab.videofarm.urlsession;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request, immutable: the {@code with...} methods return changed copies (Apple's {@code
 * NSMutableURLRequest} in Java shape).
 */
public final class URLRequest {
  private final URI url;
  private final String httpMethod;
  private final Map<String, String> headers;
  private final byte[] httpBody;

  private URLRequest(URI url, String httpMethod, Map<String, String> headers, byte[] httpBody) {
    this.url = Objects.requireNonNull(url, "url");
    this.httpMethod = Objects.requireNonNull(httpMethod, "httpMethod");
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.httpBody = httpBody == null ? null : httpBody.clone();
  }

  /** A GET request. */
  public static URLRequest of(URI url) {
    return new URLRequest(url, "GET", Map.of(), null);
  }

  public static URLRequest of(String url) {
    return of(URI.create(url));
  }

  public URI url() {
    return url;
  }

  public String httpMethod() {
    return httpMethod;
  }

  /** The header fields, in the order they were set. */
  public Map<String, String> allHTTPHeaderFields() {
    return headers;
  }

  /** The value of a header field, ignoring case. */
  public Optional<String> value(String headerField) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(headerField))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** A copy of the body, or null. Background sessions ignore it for uploads: they need a file. */
  public byte[] httpBody() {
    return httpBody == null ? null : httpBody.clone();
  }

  public URLRequest withHttpMethod(String method) {
    return new URLRequest(url, method, headers, httpBody);
  }

  public URLRequest withUrl(URI newUrl) {
    return new URLRequest(newUrl, httpMethod, headers, httpBody);
  }

  /** Sets a header field, replacing any value it had (ignoring case). */
  public URLRequest withValue(String value, String headerField) {
    Map<String, String> changed = new LinkedHashMap<>(headers);
    changed.keySet().removeIf(name -> name.equalsIgnoreCase(headerField));
    if (value != null) {
      changed.put(headerField, value);
    }
    return new URLRequest(url, httpMethod, changed, httpBody);
  }

  public URLRequest withHttpBody(byte[] body) {
    return new URLRequest(url, httpMethod, headers, body);
  }

  @Override
  public String toString() {
    return httpMethod + " " + url;
  }
}
