package lab.videofarm.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * {@code POST /videos}: a {@code multipart/form-data} form with {@code title} (required), {@code
 * description} and {@code thumbnail} (PNG or JPEG, recognised by its first bytes). Parts are
 * spooled to disk, never held in memory; the video exists only once the whole form checked out.
 */
final class VideoCreation {
  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 4000;

  private final VideoStore store;
  private final long maxUploadBytes;

  VideoCreation(VideoStore store, long maxUploadBytes) {
    this.store = store;
    this.maxUploadBytes = maxUploadBytes;
  }

  /** Creates the video and returns its id. */
  String create(Request request) throws ApiException, IOException {
    String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new ApiException(
          415, "unsupported_media_type", "POST /videos takes multipart/form-data");
    }
    if (request.getLength() > maxUploadBytes) {
      throw tooLarge();
    }
    try (MultiPartFormData.Parts parts = parse(request, contentType, formConfig())) {
      String title = text(parts.getFirst("title"), MAX_TITLE, "title");
      if (title == null || title.isBlank()) {
        throw ApiException.badRequest("missing_title", "a video needs a non-empty title");
      }
      String description = text(parts.getFirst("description"), MAX_DESCRIPTION, "description");
      MultiPart.Part thumbnail = parts.getFirst("thumbnail");
      if (thumbnail == null || thumbnail.getLength() == 0) {
        throw ApiException.badRequest("missing_thumbnail", "a video needs a thumbnail image");
      }
      return storeVideo(title.strip(), description == null ? "" : description, thumbnail);
    }
  }

  /** Every part goes to disk, and no part nor the whole form may exceed the upload limit. */
  private MultiPartConfig formConfig() {
    return new MultiPartConfig.Builder()
        .location(store.tmpDirectory())
        .maxMemoryPartSize(0)
        .maxPartSize(maxUploadBytes)
        .maxSize(maxUploadBytes)
        .maxParts(16)
        .build();
  }

  /** Writes the thumbnail to a temp file, checks it is an image, and stores the video. */
  private String storeVideo(String title, String description, MultiPart.Part thumbnail)
      throws ApiException, IOException {
    Path file = Files.createTempFile(store.tmpDirectory(), "thumbnail-", ".img");
    try {
      // The part may move its own file to the path, which fails if the path exists; the temp file
      // only reserved a unique name.
      Files.delete(file);
      thumbnail.writeTo(file);
      ImageType type = sniff(file);
      return store.create(title, description, file, type.mediaType()).video().id();
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private MultiPartFormData.Parts parse(Request request, String contentType, MultiPartConfig config)
      throws ApiException {
    try {
      return MultiPartFormData.getParts(request, request, contentType, config);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (t instanceof HttpException http && http.getCode() == 413
            || message.contains("max") && message.contains("size")) {
          throw tooLarge();
        }
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw ApiException.badRequest(
          "malformed_form", "the multipart form could not be read: " + cause.getMessage());
    }
  }

  private static String text(MultiPart.Part part, int max, String name)
      throws ApiException, IOException {
    if (part == null) {
      return null;
    }
    if (part.getLength() > max * 4L) {
      throw ApiException.badRequest("field_too_long", name + " may have at most " + max + " chars");
    }
    String value = decode(part, name);
    if (value.length() > max) {
      throw ApiException.badRequest("field_too_long", name + " may have at most " + max + " chars");
    }
    return value;
  }

  /**
   * The field's text in the charset its part declares, UTF-8 when it declares none (as browsers
   * send forms). Bytes that are not valid in that charset are refused: a lenient decoder would
   * store U+FFFD in their place, and Jetty's own fails with an unchecked exception.
   */
  private static String decode(MultiPart.Part part, String name) throws ApiException, IOException {
    Charset charset = declaredCharset(part, name);
    ByteBuffer bytes = Content.Source.asByteBuffer(part.createContentSource());
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest(
          "bad_encoding", name + " is not valid " + charset.name() + " text");
    }
  }

  private static Charset declaredCharset(MultiPart.Part part, String name) throws ApiException {
    String declared =
        MimeTypes.getCharsetFromContentType(part.getHeaders().get(HttpHeader.CONTENT_TYPE));
    if (declared == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(declared);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "bad_encoding", name + " declares a charset this server does not know: " + declared);
    }
  }

  private static ImageType sniff(Path file) throws ApiException, IOException {
    byte[] head = new byte[ImageType.MAGIC_LENGTH];
    int length;
    try (InputStream in = Files.newInputStream(file)) {
      length = in.readNBytes(head, 0, head.length);
    }
    return ImageType.sniff(head, length)
        .orElseThrow(
            () ->
                new ApiException(
                    415,
                    "unsupported_thumbnail",
                    "the thumbnail must be a PNG or JPEG image (checked by its content)"));
  }

  private ApiException tooLarge() {
    return new ApiException(
        413, "too_large", "a form may have at most " + maxUploadBytes + " bytes");
  }
}
