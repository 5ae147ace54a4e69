package lab.videofarm.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import lab.videofarm.server.Faults;
import org.eclipse.jetty.server.Request;

/**
 * {@code /admin/faults}: the fault knobs over HTTP, for a shell or the instructor's window.
 *
 * <ul>
 *   <li>{@code GET} answers the knobs as JSON: {@code throttleBytesPerSecond}, {@code
 *       latencyMillis}, {@code dropConnectionAfterBodyBytes}, {@code disableRanges}, {@code
 *       resetInsteadOfClose}, {@code cutInsideHeaders}, {@code omitValidators}, {@code
 *       serviceUnavailableRetryAfter} (a string or null), {@code disableResumableUploads} and
 *       {@code active} (the names of the faults in force).
 *   <li>{@code PUT} takes a JSON object with any of those fields (except {@code active}) and sets
 *       them; {@code "changeMovieEtag": "<video id>"} stages the changed-ETag fault. Answers the
 *       knobs as they are now.
 *   <li>{@code DELETE} switches every fault off.
 * </ul>
 */
final class AdminApi {
  static final List<String> METHODS = List.of("GET", "HEAD", "PUT", "DELETE");
  private static final Set<String> FIELDS =
      Set.of(
          "throttleBytesPerSecond",
          "latencyMillis",
          "dropConnectionAfterBodyBytes",
          "disableRanges",
          "resetInsteadOfClose",
          "cutInsideHeaders",
          "omitValidators",
          "serviceUnavailableRetryAfter",
          "disableResumableUploads",
          "changeMovieEtag");
  private static final int MAX_BODY = 16 * 1024;

  private final Faults faults;
  private final ObjectReader strict;

  AdminApi(Faults faults, ObjectMapper json) {
    this.faults = faults;
    // One object and nothing after it: a second object or stray bytes would be dropped silently.
    this.strict = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  Map<String, Object> handle(Request request, VideoStore store) throws ApiException {
    switch (request.getMethod()) {
      case "PUT" -> update(read(request), store);
      case "DELETE" -> faults.reset();
      default -> {}
    }
    return state();
  }

  private JsonNode read(Request request) throws ApiException {
    if (request.getLength() > MAX_BODY) {
      // Refused from the head alone, as the movie and form endpoints do, before any byte is read.
      throw tooLarge();
    }
    byte[] body;
    try (InputStream in = Request.asInputStream(request)) {
      body = in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw ApiException.badRequest(
          "incomplete_body", "the body ended before its Content-Length: " + e.getMessage());
    }
    if (body.length > MAX_BODY) {
      throw tooLarge();
    }
    try {
      JsonNode node = strict.readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiException.badRequest("malformed_json", "expected a JSON object");
      }
      return node;
    } catch (IOException e) {
      String detail =
          e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.toString();
      throw ApiException.badRequest("malformed_json", detail);
    }
  }

  private static ApiException tooLarge() {
    return new ApiException(413, "too_large", "the admin body may have at most 16 KiB");
  }

  /** Checks the whole body before changing anything, so a refused PUT leaves every knob alone. */
  private void update(JsonNode node, VideoStore store) throws ApiException {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw ApiException.badRequest("unknown_field", "unknown field " + name + "; use " + FIELDS);
      }
    }
    apply(parse(node, store));
  }

  /**
   * The knobs a PUT sets, each null when the body leaves it as it is ({@code setRetryAfter} tells a
   * missing {@code serviceUnavailableRetryAfter} from an explicit null, which lifts the fault).
   */
  private record Changes(
      Long throttle,
      Long latency,
      Long drop,
      Boolean ranges,
      Boolean reset,
      Boolean cut,
      Boolean omit,
      boolean setRetryAfter,
      String retryAfter,
      Boolean resumable,
      String etagVideo) {}

  /** Validates the fields in the order they are listed; the first bad one is the answer. */
  private static Changes parse(JsonNode node, VideoStore store) throws ApiException {
    return new Changes(
        number(node, "throttleBytesPerSecond", 0, Faults.MAX_THROTTLE_BYTES_PER_SECOND),
        number(node, "latencyMillis", 0, Faults.MAX_LATENCY.toMillis()),
        number(node, "dropConnectionAfterBodyBytes", -1, Long.MAX_VALUE),
        flag(node, "disableRanges"),
        flag(node, "resetInsteadOfClose"),
        flag(node, "cutInsideHeaders"),
        flag(node, "omitValidators"),
        node.has("serviceUnavailableRetryAfter"),
        retryAfter(node),
        enabledUnless(flag(node, "disableResumableUploads")),
        etagVideo(node, store));
  }

  /** The knob says "disable"; {@code Faults} takes "enabled". */
  private static Boolean enabledUnless(Boolean disabled) {
    return disabled == null ? null : !disabled;
  }

  private static String retryAfter(JsonNode node) throws ApiException {
    JsonNode value = node.get("serviceUnavailableRetryAfter");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()
        || value.textValue().isEmpty()
        || value.textValue().length() > 64
        || !value.textValue().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw ApiException.badRequest(
          "bad_field",
          "serviceUnavailableRetryAfter must be null or 1 to 64 printable ASCII characters");
    }
    return value.textValue();
  }

  private static String etagVideo(JsonNode node, VideoStore store) throws ApiException {
    if (!node.has("changeMovieEtag")) {
      return null;
    }
    if (!node.get("changeMovieEtag").isTextual()) {
      throw ApiException.badRequest("bad_field", "changeMovieEtag must be a video id");
    }
    String id = node.get("changeMovieEtag").textValue();
    if (store.find(id).filter(v -> v.video().hasMovie()).isEmpty()) {
      throw ApiException.notFound("no movie for video " + id);
    }
    return id;
  }

  private void apply(Changes changes) throws ApiException {
    if (changes.throttle() != null) {
      faults.throttleBytesPerSecond(changes.throttle());
    }
    if (changes.latency() != null) {
      faults.latency(Duration.ofMillis(changes.latency()));
    }
    if (changes.drop() != null) {
      faults.dropConnectionAfterBodyBytes(changes.drop());
    }
    if (changes.ranges() != null) {
      faults.disableRanges(changes.ranges());
    }
    if (changes.reset() != null) {
      faults.resetInsteadOfClose(changes.reset());
    }
    if (changes.cut() != null) {
      faults.cutInsideHeaders(changes.cut());
    }
    if (changes.omit() != null) {
      faults.omitValidators(changes.omit());
    }
    if (changes.setRetryAfter()) {
      faults.serviceUnavailable(changes.retryAfter());
    }
    if (changes.resumable() != null) {
      faults.resumableUploads(changes.resumable());
    }
    if (changes.etagVideo() != null) {
      try {
        faults.changeMovieEtag(changes.etagVideo());
      } catch (NoSuchElementException e) {
        throw ApiException.notFound(e.getMessage());
      }
    }
  }

  private static Boolean flag(JsonNode node, String field) throws ApiException {
    if (!node.has(field)) {
      return null;
    }
    if (!node.get(field).isBoolean()) {
      throw ApiException.badRequest("bad_field", field + " must be true or false");
    }
    return node.get(field).booleanValue();
  }

  private static Long number(JsonNode node, String field, long min, long max) throws ApiException {
    if (!node.has(field)) {
      return null;
    }
    JsonNode value = node.get(field);
    if (!value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.longValue() < min
        || value.longValue() > max) {
      throw ApiException.badRequest(
          "bad_field", field + " must be a whole number between " + min + " and " + max);
    }
    return value.longValue();
  }

  Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("throttleBytesPerSecond", faults.throttleBytesPerSecond());
    state.put("latencyMillis", faults.latency().toMillis());
    state.put("dropConnectionAfterBodyBytes", faults.dropConnectionAfterBodyBytes());
    state.put("disableRanges", faults.rangesDisabled());
    state.put("resetInsteadOfClose", faults.resetsInsteadOfClosing());
    state.put("cutInsideHeaders", faults.cutsInsideHeaders());
    state.put("omitValidators", faults.validatorsOmitted());
    state.put("serviceUnavailableRetryAfter", faults.serviceUnavailableRetryAfter());
    state.put("disableResumableUploads", !faults.resumableUploadsEnabled());
    state.put("active", faults.active().stream().map(Enum::name).toList());
    return state;
  }
}
