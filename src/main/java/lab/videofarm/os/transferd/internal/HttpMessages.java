package lab.videofarm.os.transferd.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/** Between HttpClient's messages and the daemon's values, and the header rules of a transfer. */
final class HttpMessages {
  private HttpMessages() {}

  /** Headers the client sets itself; the app's values for them are not sent. */
  static boolean isHopByHop(String name) {
    return name.equalsIgnoreCase("Content-Length")
        || name.equalsIgnoreCase("Transfer-Encoding")
        || name.equalsIgnoreCase("Connection")
        || name.equalsIgnoreCase("Host");
  }

  /** The strong ETag, else Last-Modified; null when neither can validate a range. */
  static String validatorOf(ResponseInfo info) {
    Optional<String> etag = info.header("ETag").map(String::trim);
    if (etag.isPresent() && !etag.get().startsWith("W/") && !etag.get().isEmpty()) {
      return etag.get();
    }
    return info.header("Last-Modified").orElse(null);
  }

  /** {@code bytes 100-199/1000} as {100, 199, 1000}; total -1 for {@code *}; null if malformed. */
  static long[] parseContentRange(String value) {
    if (value == null) {
      return null;
    }
    String text = value.trim();
    if (!text.regionMatches(true, 0, "bytes ", 0, 6)) {
      return null;
    }
    try {
      String spec = text.substring(6).trim();
      int slash = spec.indexOf('/');
      int dash = spec.indexOf('-');
      if (slash < 0 || dash < 0 || dash > slash) {
        return null;
      }
      long first = Long.parseLong(spec.substring(0, dash).trim());
      long last = Long.parseLong(spec.substring(dash + 1, slash).trim());
      String totalText = spec.substring(slash + 1).trim();
      long total = totalText.equals("*") ? -1 : Long.parseLong(totalText);
      return new long[] {first, last, total};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The length of {@code bytes *}{@code /N} (a 416's Content-Range), or -1. */
  static long unsatisfiedLength(String value) {
    if (value == null) {
      return -1;
    }
    String text = value.trim();
    if (!text.regionMatches(true, 0, "bytes ", 0, 6)) {
      return -1;
    }
    String spec = text.substring(6).trim();
    if (!spec.startsWith("*/")) {
      return -1;
    }
    try {
      return Long.parseLong(spec.substring(2).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static URI finalUrl(HttpUriRequestBase request, HttpClientContext context) {
    try {
      if (context.getRedirectLocations() != null
          && !context.getRedirectLocations().getAll().isEmpty()) {
        List<URI> all = context.getRedirectLocations().getAll();
        return all.get(all.size() - 1);
      }
      return request.getUri();
    } catch (Exception e) {
      return URI.create(request.getRequestUri());
    }
  }

  static RequestInfo requestInfo(HttpUriRequestBase request, URI url) {
    List<HttpHeader> headers = new ArrayList<>();
    for (Header header : request.getHeaders()) {
      headers.add(new HttpHeader(header.getName(), header.getValue()));
    }
    return new RequestInfo(request.getMethod(), url, headers);
  }

  static ResponseInfo responseInfo(ClassicHttpResponse response, URI url) {
    List<HttpHeader> headers = new ArrayList<>();
    for (Header header : response.getHeaders()) {
      headers.add(new HttpHeader(header.getName(), header.getValue()));
    }
    HttpEntity entity = response.getEntity();
    long length = entity == null ? 0 : entity.getContentLength();
    return new ResponseInfo(response.getCode(), url, headers, length < 0 ? -1 : length);
  }
}
