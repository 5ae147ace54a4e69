package lab.videofarm.server.internal;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
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
 *       bytes=-n}, the unit in any case, RFC 9110 section 14.1): several ranges or a malformed one,
 *       such as space between the unit and {@code =};
 *   <li>{@code If-Range} is present and does not match the current validator: a strong ETag equal
 *       to ours (weak tags never match), or an HTTP date equal to our Last-Modified.
 * </ul>
 *
 * A range that passes reaches Jetty rewritten as {@code bytes=a-b}: Jetty's own parser knows only
 * the lower-case unit and would answer {@code BYTES=0-5} with 416.
 */
final class RangeGate {
  // Whitespace may follow the "=" (as list elements may be preceded by it), never precede it.
  private static final Pattern SINGLE_RANGE =
      Pattern.compile(
          "bytes=[ \\t]*(?:(\\d{1,18})-(\\d{1,18})?|-(\\d{1,18}))[ \\t]*",
          Pattern.CASE_INSENSITIVE);

  private RangeGate() {}

  static Request filter(Request request, HttpContent content, boolean rangesEnabled) {
    List<String> ranges = request.getHeaders().getValuesList(HttpHeader.RANGE);
    if (ranges.isEmpty()) {
      return request;
    }
    Optional<String> canonical =
        rangesEnabled && ranges.size() == 1 ? canonical(ranges.get(0)) : Optional.empty();
    HttpFields.Mutable headers = HttpFields.build(request.getHeaders()).remove(HttpHeader.RANGE);
    if (canonical.isPresent()
        && ifRangeMatches(request.getHeaders().get(HttpHeader.IF_RANGE), content)) {
      headers.put(HttpHeader.RANGE, canonical.get());
    }
    HttpFields filtered = headers.asImmutable();
    return new Request.Wrapper(request) {
      @Override
      public HttpFields getHeaders() {
        return filtered;
      }
    };
  }

  static boolean isSingleRange(String range) {
    return canonical(range).isPresent();
  }

  /** The range as {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}, if it is one. */
  static Optional<String> canonical(String range) {
    Matcher matcher = SINGLE_RANGE.matcher(range.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String first = matcher.group(1);
    String last = matcher.group(2);
    if (first == null) {
      return Optional.of("bytes=-" + Long.parseLong(matcher.group(3)));
    }
    if (last != null && Long.parseLong(first) > Long.parseLong(last)) {
      return Optional.empty();
    }
    return Optional.of(
        "bytes=" + Long.parseLong(first) + "-" + (last == null ? "" : Long.parseLong(last)));
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
