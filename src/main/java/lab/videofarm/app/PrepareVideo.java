package lab.videofarm.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.urlsession.HTTPURLResponse;
import lab.videofarm.urlsession.URLError;
import lab.videofarm.urlsession.URLRequest;
import lab.videofarm.urlsession.URLSession;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * {@code POST /videos} with the title, description and thumbnail as a multipart body, written to a
 * temp file first so that it streams from disk; the server answers 303 with the new video's
 * Location, which a default session follows by itself (rule 19 says the same of background
 * sessions). The multipart body and the follow-up {@code GET} are provided; lesson 3 writes the
 * request and reads the answer.
 */
final class PrepareVideo {
  private final Supplier<URLSession> foreground;
  private final URI baseURL;
  private final Path temporaryDirectory;
  private final AppLog log;

  PrepareVideo(Supplier<URLSession> foreground, URI baseURL, Path temporaryDirectory, AppLog log) {
    this.foreground = foreground;
    this.baseURL = baseURL;
    this.temporaryDirectory = temporaryDirectory;
    this.log = log;
  }

  /** Lesson 3: the {@code POST} of a multipart form whose Content-Type is {@code contentType}. */
  static URLRequest prepareRequest(URI baseURL, String contentType) {
    // BEGIN SOLUTION lesson 3 prepareRequest
    return URLRequest.of(baseURL.resolve("videos"))
        .withHttpMethod("POST")
        .withValue(contentType, "Content-Type");
    // END SOLUTION
  }

  /**
   * Lesson 3: where the created video is still to be fetched: the 303's {@code Location}, resolved
   * against the server's address. Empty when the session already followed the 303 (as a default
   * session does): the reply is then the created video itself.
   */
  static Optional<URI> locationToFollow(URI baseURL, HTTPURLResponse response, URLError error)
      throws IOException {
    // BEGIN SOLUTION lesson 3 locationToFollow
    Responses.checkSuccess(response, error);
    if (response.statusCode() != 303) {
      return Optional.empty();
    }
    String location =
        response.value("Location").orElseThrow(() -> new IOException("303 without a Location"));
    return Optional.of(baseURL.resolve(location));
    // END SOLUTION
  }

  /** Posts the form, follows the 303, and hands {@code success} the created video. */
  void prepare(
      String title,
      Path thumbnail,
      String description,
      Consumer<VFMRemoteVideo> success,
      Consumer<Exception> failure)
      throws IOException {
    Path body =
        Files.createTempFile(Files.createDirectories(temporaryDirectory), "prepare-", ".multipart");
    String contentType = writeMultipartBody(title, thumbnail, description, body);
    URLRequest request = prepareRequest(baseURL, contentType);
    foreground
        .get()
        .uploadTask(
            request,
            body,
            (reply, response, error) -> {
              deleteQuietly(body);
              attempt(failure, () -> created(reply, response, error, success, failure));
            })
        .resume();
  }

  private void created(
      byte[] reply,
      HTTPURLResponse response,
      URLError error,
      Consumer<VFMRemoteVideo> success,
      Consumer<Exception> failure)
      throws IOException {
    Optional<URI> location = locationToFollow(baseURL, response, error);
    if (location.isPresent()) {
      follow(location.get(), success, failure);
    } else {
      success.accept(VFMRemoteVideo.fromJson(new ByteArrayInputStream(reply), baseURL));
    }
  }

  /** The 303's Location: {@code GET /videos/{id}}. */
  private void follow(URI location, Consumer<VFMRemoteVideo> success, Consumer<Exception> failure) {
    foreground
        .get()
        .dataTask(
            location,
            (body, response, error) ->
                attempt(
                    failure,
                    () -> {
                      Responses.checkSuccess(response, error);
                      success.accept(
                          VFMRemoteVideo.fromJson(new ByteArrayInputStream(body), baseURL));
                    }))
        .resume();
  }

  /** A step that may fail; a failure goes to {@code failure}, an unwritten exercise too. */
  private void attempt(Consumer<Exception> failure, IOStep step) {
    try {
      step.run();
    } catch (NotImplementedYet missing) {
      log.notImplementedYet(missing, -1);
      failure.accept(missing);
    } catch (IOException | RuntimeException e) {
      log.warn("prepareVideo failed", -1, String.valueOf(e));
      failure.accept(e);
    }
  }

  @FunctionalInterface
  private interface IOStep {
    void run() throws IOException;
  }

  /** Writes the form into {@code body}; returns its Content-Type, boundary included. */
  private static String writeMultipartBody(
      String title, Path thumbnail, String description, Path body) throws IOException {
    ContentType text = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);
    HttpEntity form =
        MultipartEntityBuilder.create()
            .addTextBody("title", title, text)
            .addTextBody("description", description, text)
            .addBinaryBody(
                "thumbnail",
                thumbnail.toFile(),
                imageType(thumbnail),
                thumbnail.getFileName().toString())
            .build();
    try (OutputStream out = Files.newOutputStream(body)) {
      form.writeTo(out);
    }
    return form.getContentType();
  }

  private static ContentType imageType(Path image) {
    String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") ? ContentType.IMAGE_PNG : ContentType.IMAGE_JPEG;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover temp body is harmless; the container's tmp folder is scratch space.
    }
  }
}
