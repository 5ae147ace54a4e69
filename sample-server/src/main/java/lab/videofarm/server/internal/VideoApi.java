package lab.videofarm.server.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.videofarm.server.Faults;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContent;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST contract, one route per method below. Every refusal is an {@link ApiException} thrown
 * before anything changes, answered as JSON {@code {"error", "detail"}}.
 *
 * <p>URLs in video JSON are absolute, built from the scheme and {@code Host} of the request that
 * asked, so a client can follow them as they are.
 */
final class VideoApi {
  private static final Logger LOG = LoggerFactory.getLogger(VideoApi.class);

  private static final List<String> COLLECTION_METHODS = List.of("GET", "HEAD", "POST");
  private static final List<String> READ_METHODS = List.of("GET", "HEAD");
  private static final List<String> MOVIE_METHODS = List.of("GET", "HEAD", "PUT");
  private static final List<String> UPLOAD_METHODS = List.of("HEAD", "PATCH", "DELETE");

  private final VideoStore store;
  private final Faults faults;
  private final ObjectMapper json;
  private final MovieUpload upload;
  private final ResumableMovieUpload resumable;
  private final VideoCreation creation;
  private final AdminApi admin;
  private final ResourceService withRanges = resourceService(true);
  private final ResourceService withoutRanges = resourceService(false);

  VideoApi(
      VideoStore store,
      Faults faults,
      ObjectMapper json,
      long maxUploadBytes,
      UploadResources uploads) {
    this.store = store;
    this.faults = faults;
    this.json = json;
    this.resumable = new ResumableMovieUpload(store, faults, maxUploadBytes, uploads);
    this.upload = new MovieUpload(store, faults, maxUploadBytes, resumable);
    this.creation = new VideoCreation(store, maxUploadBytes);
    this.admin = new AdminApi(faults, json);
  }

  private static ResourceService resourceService(boolean acceptRanges) {
    ResourceService service = new ResourceService();
    service.setAcceptRanges(acceptRanges);
    service.setEtags(true);
    service.setDirAllowed(false);
    return service;
  }

  /** Whether a request is for a body the faults act on (movie, thumbnail, upload resource). */
  static boolean isMedia(Request request) {
    String[] segments = segments(request);
    return segments.length == 3
            && segments[0].equals("videos")
            && (segments[2].equals("movie") || segments[2].equals("thumbnail"))
        || segments.length == 2 && segments[0].equals("uploads");
  }

  void handle(MeteredRequest request, MeteredResponse response, Callback callback) {
    try {
      route(request, response, callback);
    } catch (ApiException e) {
      writeError(request, response, callback, e);
    } catch (Exception e) {
      LOG.warn("{} {} failed", request.getMethod(), request.getHttpURI().getPathQuery(), e);
      writeError(
          request,
          response,
          callback,
          new ApiException(500, "internal_error", "the server failed: " + e.getClass().getName()));
    }
  }

  private void route(MeteredRequest request, MeteredResponse response, Callback callback)
      throws Exception {
    String method = request.getMethod();
    refuseCodings(request);
    String[] s = segments(request);
    if (s.length == 0) {
      allow(method, READ_METHODS);
      writeJson(request, response, callback, 200, Map.of("videos", base(request) + "/videos"));
    } else if (s[0].equals("videos") && s.length == 1) {
      videos(request, response, callback);
    } else if (s[0].equals("videos") && s.length == 2) {
      allow(method, READ_METHODS);
      writeJson(request, response, callback, 200, videoJson(request, existing(s[1])));
    } else if (s[0].equals("videos") && s.length == 3 && s[2].equals("movie")) {
      movie(request, response, callback, s[1]);
    } else if (s[0].equals("videos") && s.length == 3 && s[2].equals("thumbnail")) {
      allow(method, READ_METHODS);
      sendThumbnail(request, response, callback, existing(s[1]));
    } else if (s[0].equals("uploads") && s.length == 2) {
      uploadResource(request, response, callback, s[1]);
    } else if (s[0].equals("admin") && s.length == 2 && s[1].equals("faults")) {
      allow(method, AdminApi.METHODS);
      writeJson(request, response, callback, 200, admin.handle(request, store));
    } else {
      throw ApiException.notFound("no resource at " + request.getHttpURI().getPath());
    }
  }

  /** {@code /videos}: the list, or a new video from a multipart form (303 to it). */
  private void videos(Request request, Response response, Callback callback) throws Exception {
    allow(request.getMethod(), COLLECTION_METHODS);
    if (request.getMethod().equals("POST")) {
      String id = creation.create(request);
      response.getHeaders().put(HttpHeader.LOCATION, "/videos/" + id);
      writeJson(request, response, callback, 303, videoJson(request, existing(id)));
    } else {
      writeJson(
          request,
          response,
          callback,
          200,
          store.list().stream().map(v -> videoJson(request, v)).toList());
    }
  }

  /** {@code /videos/{id}/movie}: the movie, or its upload. */
  private void movie(Request request, Response response, Callback callback, String id)
      throws Exception {
    allow(request.getMethod(), MOVIE_METHODS);
    if (request.getMethod().equals("PUT")) {
      existing(id);
      upload.receive(request, response, callback, id);
    } else {
      sendMovie(request, response, callback, existing(id).video().id());
    }
  }

  /** {@code /uploads/{token}}: a resumable upload's offset, continuation or cancellation. */
  private void uploadResource(Request request, Response response, Callback callback, String token)
      throws Exception {
    allow(request.getMethod(), UPLOAD_METHODS);
    switch (request.getMethod()) {
      case "HEAD" -> resumable.offset(request, response, callback, token);
      case "PATCH" -> resumable.resume(request, response, callback, token);
      default -> resumable.cancel(request, response, callback, token);
    }
  }

  /**
   * Bodies are stored as they arrive, so a coding the server would have to undo is refused rather
   * than stored still encoded: a movie uploaded with {@code Content-Encoding: gzip} would otherwise
   * be kept as gzip bytes. Jetty undoes {@code chunked} itself and passes any other transfer coding
   * through untouched.
   */
  private static void refuseCodings(Request request) throws ApiException {
    if (!List.of("PUT", "POST", "PATCH").contains(request.getMethod())) {
      return;
    }
    String contentCoding = request.getHeaders().get(HttpHeader.CONTENT_ENCODING);
    if (contentCoding != null && !contentCoding.strip().equalsIgnoreCase("identity")) {
      throw new ApiException(
          415,
          "unsupported_content_coding",
          "bodies are taken as they are; send this one without Content-Encoding: " + contentCoding);
    }
    for (String coding : request.getHeaders().getCSV(HttpHeader.TRANSFER_ENCODING, false)) {
      if (!coding.strip().equalsIgnoreCase("chunked")) {
        throw ApiException.badRequest(
            "unsupported_transfer_coding",
            "the only transfer coding understood here is chunked, not " + coding);
      }
    }
  }

  private static String[] segments(Request request) {
    String path = request.getHttpURI().getPath();
    if (path == null) {
      return new String[0];
    }
    String trimmed = path.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  private static void allow(String method, List<String> allowed) throws ApiException {
    if (!allowed.contains(method)) {
      throw ApiException.methodNotAllowed(method, allowed);
    }
  }

  private VideoView existing(String id) throws ApiException {
    if (!VideoStore.ID.matcher(id).matches()) {
      throw ApiException.badRequest(
          "malformed_id", "a video id is 1 to 64 letters, digits, '-' or '_'");
    }
    return store.find(id).orElseThrow(() -> ApiException.notFound("no video " + id));
  }

  private void sendMovie(Request request, Response response, Callback callback, String id)
      throws ApiException, IOException {
    MovieSnapshot snapshot =
        store
            .openMovie(id)
            .orElseThrow(() -> ApiException.notFound("video " + id + " has no movie yet"));
    Callback closing =
        Callback.from(
            () -> {
              snapshot.close();
              callback.succeeded();
            },
            failure -> {
              snapshot.close();
              callback.failed(failure);
            });
    HttpContent content =
        new MovieContent(
            new ResourceHttpContent(
                ResourceFactory.root().newResource(store.moviePath(id)), "video/mp4"),
            snapshot,
            new ByteBufferPool.Sized(request.getComponents().getByteBufferPool(), false, 32 * 1024),
            !faults.validatorsOmitted());
    try {
      sendFile(request, response, closing, content);
    } catch (RuntimeException e) {
      snapshot.close();
      throw e;
    }
  }

  private void sendThumbnail(
      Request request, Response response, Callback callback, VideoView view) {
    StoredVideo video = view.video();
    HttpContent content =
        new ResourceHttpContent(
            ResourceFactory.root().newResource(store.thumbnailPath(video.id())),
            video.thumbnailType());
    sendFile(request, response, callback, content);
  }

  private void sendFile(
      Request request, Response response, Callback callback, HttpContent content) {
    boolean ranges = !faults.rangesDisabled();
    (ranges ? withRanges : withoutRanges)
        .doGet(RangeGate.filter(request, content, ranges), response, callback, content);
  }

  /** The public JSON shape of a video; see {@code lab.videofarm.server.SampleServer}. */
  private Map<String, Object> videoJson(Request request, VideoView view) {
    StoredVideo video = view.video();
    String self = base(request) + "/videos/" + video.id();
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", video.id());
    map.put("title", video.title());
    map.put("description", video.description());
    map.put("thumbnailURL", self + "/thumbnail");
    map.put("movieURL", self + "/movie");
    map.put("movieStatus", view.status().json());
    map.put("movieSize", video.movieSize());
    map.put("createdAt", video.createdAt().toString());
    return map;
  }

  private static String base(Request request) {
    HttpURI uri = request.getHttpURI();
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  void writeJson(Request request, Response response, Callback callback, int status, Object body)
      throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    boolean head = request.getMethod().equals("HEAD");
    response.write(true, head ? null : ByteBuffer.wrap(bytes), callback);
  }

  private void writeError(
      Request request, Response response, Callback callback, ApiException error) {
    if (response.isCommitted()) {
      callback.failed(error);
      return;
    }
    try {
      response.reset();
      if (!error.allow().isEmpty()) {
        response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", error.allow()));
      }
      if (error.status() == 413
          || List.of(400, 409, 415).contains(error.status()) && request.getLength() != 0) {
        // The rest of the body was not read; this connection cannot carry another request.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", error.error());
      body.put("detail", error.detail());
      writeJson(request, response, callback, error.status(), body);
    } catch (IOException | RuntimeException e) {
      callback.failed(e);
    }
  }
}
