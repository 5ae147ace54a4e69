package lab.videofarm.server.internal;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.server.Request;

/**
 * Decides whether a {@code Range} header may reach Jetty's resource service, which does the range
 * arithmetic (206, suffix ranges, 416 with {@code bytes *}/N) but ignores {@code If-Range} and
 * would answer several ranges with {@code multipart/byteranges}. The header is dropped, so the
 * client gets a full 200, when:
 *
 * <ul>
 *   <li>ranges are switched off (the {@code NO_RANGES} fault);
 *   <li>it is not exactly one well-formed range ({@code bytes=a-b}, {@code bytes=a-}, {@code
 *       bytes=-n}): several ranges or a malformed one;
 *   <li>{@code If-Range} is present and does not match the current validator: a strong ETag equal
 *       to ours (weak tags never match), or an HTTP date equal to our Last-Modified.
 * </ul>
 */
final class RangeGate {
  private static final Pattern SINGLE_RANGE =
      Pattern.compile("bytes=(?:(\\d{1,18})-(\\d{1,18})?|-\\d{1,18})", Pattern.CASE_INSENSITIVE);

  private RangeGate() {}

  static Request filter(Request request, HttpContent content, boolean rangesEnabled) {
    List<String> ranges = request.getHeaders().getValuesList(HttpHeader.RANGE);
    if (ranges.isEmpty()) {
      return request;
    }
    if (rangesEnabled
        && ranges.size() == 1
        && isSingleRange(ranges.get(0))
        && ifRangeMatches(request.getHeaders().get(HttpHeader.IF_RANGE), content)) {
      return request;
    }
    HttpFields withoutRange = HttpFields.build(request.getHeaders()).remove(HttpHeader.RANGE);
    return new Request.Wrapper(request) {
      @Override
      public HttpFields getHeaders() {
        return withoutRange;
      }
    };
  }

  static boolean isSingleRange(String range) {
    var matcher = SINGLE_RANGE.matcher(range.replace(" ", ""));
    if (!matcher.matches()) {
      return false;
    }
    if (matcher.group(1) != null && matcher.group(2) != null) {
      return Long.parseLong(matcher.group(1)) <= Long.parseLong(matcher.group(2));
    }
    return true;
  }

  static boolean ifRangeMatches(String ifRange, HttpContent content) {
    if (ifRange == null) {
      return true;
    }
    String validator = ifRange.trim();
    if (validator.startsWith("\"") || validator.startsWith("W/")) {
      String etag = content.getETagValue();
      return etag != null && !etag.startsWith("W/") && etag.equals(validator);
    }
    String lastModified =
        content.getLastModified() == null ? null : content.getLastModified().getValue();
    if (lastModified == null) {
      return false;
    }
    if (lastModified.equals(validator)) {
      return true;
    }
    try {
      return parseDate(lastModified).toInstant().equals(parseDate(validator).toInstant());
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static ZonedDateTime parseDate(String date) {
    return ZonedDateTime.parse(
        date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
  }
}
