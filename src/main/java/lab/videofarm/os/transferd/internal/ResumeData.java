package lab.videofarm.os.transferd.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;

/**
 * What a paused download needs to continue: the daemon's answer to Apple's resume-data property
 * list. Apps see only the encoded bytes and must treat them as opaque.
 *
 * <h2>Encoding, version 1</h2>
 *
 * UTF-8 JSON, one object:
 *
 * <table>
 *   <caption>Fields</caption>
 *   <tr><th>field</th><th>type</th><th>meaning</th></tr>
 *   <tr><td>format</td><td>string</td><td>always {@value #FORMAT}</td></tr>
 *   <tr><td>version</td><td>int</td><td>{@value #VERSION}; other versions are refused</td></tr>
 *   <tr><td>url</td><td>string</td><td>the URL the partial bytes came from (after redirects)</td></tr>
 *   <tr><td>bytesReceived</td><td>long</td><td>length of the partial file when the data was made</td></tr>
 *   <tr><td>expectedTotalBytes</td><td>long</td><td>the full length, or -1</td></tr>
 *   <tr><td>validator</td><td>string</td><td>the strong ETag, else Last-Modified; sent as If-Range</td></tr>
 *   <tr><td>tempFileName</td><td>string</td><td>the partial file, a plain name inside the daemon's download folder</td></tr>
 *   <tr><td>originalRequest, currentRequest</td><td>object</td><td>{@code {method, url, headers: [[name, value]...]}}</td></tr>
 * </table>
 *
 * <p>Decoding is strict: anything malformed, of another format or version, or with a file name that
 * is not a plain name, raises {@link InvalidResumeDataException}. The partial file is adopted by
 * the task that resumes from it, so the same resume data cannot be used twice.
 */
record ResumeData(
    URI url,
    long bytesReceived,
    long expectedTotalBytes,
    String validator,
    String tempFileName,
    RequestInfo originalRequest,
    RequestInfo currentRequest) {

  static final String FORMAT = "lab.videofarm.resume-data";
  static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  ResumeData {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(tempFileName, "tempFileName");
    Objects.requireNonNull(originalRequest, "originalRequest");
    Objects.requireNonNull(currentRequest, "currentRequest");
  }

  /** Raised for resume data this daemon cannot use. */
  static final class InvalidResumeDataException extends Exception {
    InvalidResumeDataException(String message) {
      super(message);
    }
  }

  byte[] encode() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("url", url.toString());
    root.put("bytesReceived", bytesReceived);
    root.put("expectedTotalBytes", expectedTotalBytes);
    root.put("validator", validator);
    root.put("tempFileName", tempFileName);
    root.set("originalRequest", requestNode(originalRequest));
    root.set("currentRequest", requestNode(currentRequest));
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode resume data", e);
    }
  }

  static ResumeData decode(byte[] bytes) throws InvalidResumeDataException {
    JsonNode root = envelope(bytes, FORMAT, VERSION, "resume data");
    try {
      String tempFileName = text(root, "tempFileName");
      if (tempFileName.isEmpty()
          || tempFileName.contains("/")
          || tempFileName.contains("\\")
          || tempFileName.startsWith(".")) {
        throw new InvalidResumeDataException("resume data names an invalid file");
      }
      long received = root.path("bytesReceived").asLong(-1);
      if (received < 0) {
        throw new InvalidResumeDataException("resume data has no byte count");
      }
      return new ResumeData(
          URI.create(text(root, "url")),
          received,
          root.path("expectedTotalBytes").asLong(-1),
          text(root, "validator"),
          tempFileName,
          request(root.path("originalRequest")),
          request(root.path("currentRequest")));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidResumeDataException("resume data is incomplete: " + e.getMessage());
    }
  }

  /**
   * The JSON object of {@code bytes}, checked to be of {@code format} at {@code version}; {@code
   * kind} names the data in the version's error.
   */
  static JsonNode envelope(byte[] bytes, String format, int version, String kind)
      throws InvalidResumeDataException {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidResumeDataException("resume data is empty");
    }
    JsonNode root;
    try {
      root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InvalidResumeDataException("resume data is not readable: " + e.getMessage());
    }
    if (root == null || !root.isObject() || !format.equals(root.path("format").asText())) {
      throw new InvalidResumeDataException("resume data is not in the " + format + " format");
    }
    int found = root.path("version").asInt(-1);
    if (found != version) {
      throw new InvalidResumeDataException(kind + " version " + found + " is not supported");
    }
    return root;
  }

  private static String text(JsonNode node, String field) throws InvalidResumeDataException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new InvalidResumeDataException("resume data lacks " + field);
    }
    return value.asText();
  }

  static ObjectNode requestNode(RequestInfo request) {
    ObjectNode node = JSON.createObjectNode();
    node.put("method", request.method());
    node.put("url", request.url().toString());
    ArrayNode headers = node.putArray("headers");
    for (HttpHeader header : request.headers()) {
      headers.addArray().add(header.name()).add(header.value());
    }
    return node;
  }

  static RequestInfo request(JsonNode node) throws InvalidResumeDataException {
    if (node == null || !node.isObject()) {
      throw new InvalidResumeDataException("resume data lacks a request");
    }
    List<HttpHeader> headers = new ArrayList<>();
    for (JsonNode pair : node.path("headers")) {
      headers.add(new HttpHeader(pair.path(0).asText(), pair.path(1).asText()));
    }
    return new RequestInfo(text(node, "method"), URI.create(text(node, "url")), headers);
  }
}
