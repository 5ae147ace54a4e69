package lab.videofarm.os.transferd.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import lab.videofarm.os.transferd.RequestInfo;

/**
 * What a cut upload needs to continue (rules 35-37): the daemon's upload resume data. Apps see only
 * the encoded bytes ({@code NSURLSessionUploadTaskResumeData}) and must treat them as opaque.
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
 *   <tr><td>interopVersion</td><td>int</td><td>the draft's {@code Upload-Draft-Interop-Version} the upload speaks (3)</td></tr>
 *   <tr><td>uploadResource</td><td>string</td><td>the absolute URL from the server's 104 {@code Location}</td></tr>
 *   <tr><td>file</td><td>string</td><td>the absolute path of the file being uploaded</td></tr>
 *   <tr><td>fileSize, fileModifiedMillis</td><td>long</td><td>the file when the upload began; a file that changed since cannot be resumed (rule 37)</td></tr>
 *   <tr><td>originalRequest</td><td>object</td><td>{@code {method, url, headers: [[name, value]...]}}</td></tr>
 * </table>
 *
 * <p>Unlike download resume data it names no daemon file: the bytes already sent are on the server,
 * which tells the offset when asked, so the data may be used again after a failed resume.
 */
record UploadResumeData(
    int interopVersion,
    URI uploadResource,
    Path file,
    long fileSize,
    long fileModifiedMillis,
    RequestInfo originalRequest) {

  public static final String FORMAT = "lab.videofarm.upload-resume-data";
  public static final int VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  public UploadResumeData {
    Objects.requireNonNull(uploadResource, "uploadResource");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(originalRequest, "originalRequest");
  }

  public byte[] encode() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("interopVersion", interopVersion);
    root.put("uploadResource", uploadResource.toString());
    root.put("file", file.toString());
    root.put("fileSize", fileSize);
    root.put("fileModifiedMillis", fileModifiedMillis);
    root.set("originalRequest", ResumeData.requestNode(originalRequest));
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode upload resume data", e);
    }
  }

  public static UploadResumeData decode(byte[] bytes) throws ResumeData.InvalidResumeDataException {
    if (bytes == null || bytes.length == 0) {
      throw new ResumeData.InvalidResumeDataException("resume data is empty");
    }
    JsonNode root;
    try {
      root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ResumeData.InvalidResumeDataException(
          "resume data is not readable: " + e.getMessage());
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new ResumeData.InvalidResumeDataException(
          "resume data is not in the " + FORMAT + " format");
    }
    int version = root.path("version").asInt(-1);
    if (version != VERSION) {
      throw new ResumeData.InvalidResumeDataException(
          "upload resume data version " + version + " is not supported");
    }
    int interop = root.path("interopVersion").asInt(-1);
    if (ResumableUploadDraft.version(interop).isEmpty()) {
      throw new ResumeData.InvalidResumeDataException(
          "upload resume data speaks interop version " + interop + ", which is not supported");
    }
    try {
      URI resource = URI.create(root.path("uploadResource").asText(""));
      Path file = Path.of(root.path("file").asText(""));
      if (!resource.isAbsolute() || !file.isAbsolute()) {
        throw new ResumeData.InvalidResumeDataException("upload resume data is incomplete");
      }
      return new UploadResumeData(
          interop,
          resource,
          file,
          root.path("fileSize").asLong(-1),
          root.path("fileModifiedMillis").asLong(-1),
          ResumeData.request(root.path("originalRequest")));
    } catch (IllegalArgumentException e) {
      throw new ResumeData.InvalidResumeDataException(
          "upload resume data is incomplete: " + e.getMessage());
    }
  }
}
