package lab.videofarm.server.internal;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.WRITE;
import static lab.videofarm.server.internal.UploadBodies.BUFFER;
import static lab.videofarm.server.internal.UploadBodies.DROPPED;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import lab.videofarm.server.Faults;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;

/**
 * A movie PUT that speaks a version of "Resumable Uploads for HTTP" the server knows ({@link
 * ResumableUploadProtocol}; interop version 3, draft -01, as iOS 17 sends it) gets an informational
 * {@code 104 Upload Resumption Supported} with {@code Location: /uploads/<token>} before its body
 * is read, and its bytes go into that upload resource ({@link UploadResources}), which keeps what
 * arrived when the upload is cut. Then, on the upload resource:
 *
 * <ul>
 *   <li>{@code HEAD} answers 204 with {@code Upload-Offset} (the bytes kept) and {@code
 *       Cache-Control: no-store};
 *   <li>{@code PATCH} with {@code Upload-Offset: N} appends its body when N is that offset (else
 *       409 and nothing changes); with {@code Upload-Incomplete: ?0} a complete body ends the
 *       upload and is answered like the PUT would have been (201 or 204);
 *   <li>{@code DELETE} cancels the upload: 204, the resource is gone.
 * </ul>
 *
 * The partial file becomes the movie by an atomic rename only once the whole upload is there, so a
 * partial upload never replaces the old movie.
 */
final class ResumableMovieUpload {
  private static final long INTERIM_TIMEOUT_SECONDS = 10;
  private static final long BUSY_TIMEOUT_SECONDS = 5;

  private final VideoStore store;
  private final Faults faults;
  private final long maxUploadBytes;
  private final UploadResources uploads;

  ResumableMovieUpload(
      VideoStore store, Faults faults, long maxUploadBytes, UploadResources uploads) {
    this.store = store;
    this.faults = faults;
    this.maxUploadBytes = maxUploadBytes;
    this.uploads = uploads;
  }

  /** The movie PUT: creates the upload resource, announces it, and appends the body from 0. */
  void start(
      Request request,
      Response response,
      Callback callback,
      String id,
      ResumableUploadProtocol protocol)
      throws ApiException, IOException {
    UploadResources.Resource resource = uploads.create(id, protocol.interopVersion());
    ReentrantLock lock = uploads.lock(resource);
    lock.lock();
    try {
      HttpFields.Mutable interim = HttpFields.build();
      interim.put(HttpHeader.LOCATION, "/uploads/" + resource.token());
      protocol.describe(interim, -1, false);
      sendUploadResumptionSupported(request, response, interim);
      append(request, response, callback, resource, protocol, 0);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends {@code 104 Upload Resumption Supported} and waits until it is written. Jetty 12.1's
   * HTTP/1.1 generator sends header fields only with {@code 103 Early Hints}; any other 1xx leaves
   * as a bare status line, which would lose the Location. So over HTTP/1.1 the interim response is
   * written on the connection directly. That is safe here: nothing else of this exchange has been
   * written, and nothing will be until the handler reads the body (a {@code 100 Continue}, if the
   * client asked for one) or answers, both after this returns.
   */
  private static void sendUploadResumptionSupported(
      Request request, Response response, HttpFields interim) throws IOException {
    try {
      if (request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_1) {
        StringBuilder head = new StringBuilder("HTTP/1.1 104 Upload Resumption Supported\r\n");
        for (HttpField field : interim) {
          head.append(field.getName()).append(": ").append(field.getValue()).append("\r\n");
        }
        head.append("\r\n");
        FutureCallback written = new FutureCallback();
        request
            .getConnectionMetaData()
            .getConnection()
            .getEndPoint()
            .write(written, ByteBuffer.wrap(head.toString().getBytes(StandardCharsets.US_ASCII)));
        written.get(INTERIM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } else {
        response.writeInterim(104, interim).get(INTERIM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while sending 104");
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("could not send 104 Upload Resumption Supported", e);
    }
  }

  /** {@code HEAD /uploads/<token>}: the offset the client must continue at. */
  void offset(Request request, Response response, Callback callback, String token)
      throws ApiException, IOException {
    UploadResources.Resource resource = existingResource(token);
    ReentrantLock lock = busyLock(resource);
    long offset;
    try {
      offset = uploads.offset(resource);
    } finally {
      lock.unlock();
    }
    response.setStatus(204);
    protocolOf(resource).describe(response.getHeaders(), offset, false);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, null, callback);
  }

  /** {@code PATCH /uploads/<token>}: appends the body at the offset it claims. */
  void resume(Request request, Response response, Callback callback, String token)
      throws ApiException, IOException {
    UploadResources.Resource resource = existingResource(token);
    ResumableUploadProtocol protocol = protocolOf(resource);
    if (!protocol.spokenBy(request)) {
      throw ApiException.badRequest(
          "interop_version",
          "this upload speaks Upload-Draft-Interop-Version " + protocol.interopVersion());
    }
    ReentrantLock lock = busyLock(resource);
    try {
      long offset = uploads.offset(resource);
      long claimed = protocol.claimedOffset(request);
      if (claimed != offset) {
        throw new ApiException(
            409,
            "offset_mismatch",
            "the upload holds "
                + offset
                + " bytes; Upload-Offset said "
                + (claimed < 0 ? "nothing usable" : claimed));
      }
      if (request.getLength() >= 0 && offset + request.getLength() > maxUploadBytes) {
        throw UploadBodies.tooLarge(maxUploadBytes);
      }
      append(request, response, callback, resource, protocol, offset);
    } finally {
      lock.unlock();
    }
  }

  /** {@code DELETE /uploads/<token>}: the client gives the upload up. */
  void cancel(Request request, Response response, Callback callback, String token)
      throws ApiException, IOException {
    UploadResources.Resource resource = existingResource(token);
    ReentrantLock lock = busyLock(resource);
    try {
      uploads.delete(resource);
    } finally {
      lock.unlock();
    }
    response.setStatus(204);
    response.write(true, null, callback);
  }

  /**
   * Streams the body onto the end of the partial file. A body that completes the upload makes the
   * partial file the movie; any other ending leaves the old movie alone.
   */
  private void append(
      Request request,
      Response response,
      Callback callback,
      UploadResources.Resource resource,
      ResumableUploadProtocol protocol,
      long offset)
      throws ApiException, IOException {
    String id = resource.videoId();
    long declared = request.getLength();
    boolean completes = protocol.completesUpload(request);
    store.beginUpload(id);
    boolean uploading = true;
    try {
      // A body that starts the upload is hashed as it arrives, as a whole PUT's is; only an upload
      // continued by PATCH reads its file again to hash it.
      MessageDigest digest = offset == 0 ? Hashing.sha256() : null;
      long read = appendBody(request, callback, resource, offset, digest);
      if (read == DROPPED) {
        uploading = false;
        return;
      }
      if (declared >= 0 && read != declared) {
        throw interrupted(offset + read);
      }
      boolean replaced = completes && commit(resource, offset + read, digest);
      // The status must read "ready" before the client can see the answer and ask again.
      store.endUpload(id);
      uploading = false;
      if (completes) {
        UploadBodies.answerStored(response, callback, id, replaced);
      } else {
        response.setStatus(204);
        protocol.describe(response.getHeaders(), offset + read, false);
        response.write(true, null, callback);
      }
    } finally {
      if (uploading) {
        store.endUpload(id);
      }
    }
  }

  /**
   * Makes the whole upload the movie and removes the upload resource.
   *
   * @return true if it replaced an earlier movie
   */
  private boolean commit(UploadResources.Resource resource, long total, MessageDigest digest)
      throws IOException {
    String sha256 =
        digest != null
            ? HexFormat.of().formatHex(digest.digest())
            : Hashing.sha256Hex(resource.partial());
    boolean replaced = store.commitMovie(resource.videoId(), resource.partial(), total, sha256);
    uploads.delete(resource);
    return replaced;
  }

  /**
   * Appends the body to the partial file, every byte read written before the next read, so a cut
   * keeps exactly what arrived. Returns the bytes read, or {@link UploadBodies#DROPPED} when the
   * drop fault ended the upload (and the connection).
   */
  private long appendBody(
      Request request,
      Callback callback,
      UploadResources.Resource resource,
      long offset,
      MessageDigest digest)
      throws ApiException, IOException {
    long dropAfter = faults.dropConnectionAfterBodyBytes();
    long read = 0;
    InputStream in = Content.Source.asInputStream(request);
    try (FileChannel out = FileChannel.open(resource.partial(), WRITE, APPEND)) {
      UploadPacer pacer = new UploadPacer(faults);
      byte[] buffer = new byte[BUFFER];
      while (true) {
        int n = readChunk(in, buffer, pacer, out, offset + read);
        if (n == -1) {
          break;
        }
        if (offset + read + n > maxUploadBytes) {
          uploads.delete(resource);
          throw UploadBodies.tooLarge(maxUploadBytes);
        }
        pacer.pace(n);
        UploadBodies.write(out, buffer, n);
        if (digest != null) {
          digest.update(buffer, 0, n);
        }
        read += n;
        if (dropAfter >= 0 && read > dropAfter) {
          keepBuffered(in, out, buffer);
          store.endUpload(resource.videoId());
          UploadBodies.dropConnection(request, callback, read);
          return DROPPED;
        }
      }
      out.force(true);
      return read;
    } finally {
      UploadBodies.closeQuietly(in);
    }
  }

  /** Reads the next chunk; a failed read forces what arrived so far, which the upload keeps. */
  private static int readChunk(
      InputStream in, byte[] buffer, UploadPacer pacer, FileChannel out, long kept)
      throws ApiException, IOException {
    try {
      return in.read(buffer, 0, pacer.nextChunk(BUFFER));
    } catch (IOException | RuntimeException e) {
      out.force(true);
      throw interrupted(kept);
    }
  }

  /** What the server already took off the wire is kept: the offset stays honest. */
  private static void keepBuffered(InputStream in, FileChannel out, byte[] buffer)
      throws IOException {
    int buffered;
    while ((buffered = Math.min(in.available(), buffer.length)) > 0) {
      int more = in.read(buffer, 0, buffered);
      if (more <= 0) {
        break;
      }
      UploadBodies.write(out, buffer, more);
    }
    out.force(true);
  }

  private UploadResources.Resource existingResource(String token) throws ApiException {
    return uploads
        .find(token)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "no upload resource "
                        + token
                        + " (finished, cancelled, or expired after "
                        + uploads.lifetime()
                        + " without progress)"));
  }

  private static ResumableUploadProtocol protocolOf(UploadResources.Resource resource)
      throws ApiException {
    return ResumableUploadProtocol.SUPPORTED.stream()
        .filter(protocol -> protocol.interopVersion() == resource.interopVersion())
        .findFirst()
        .orElseThrow(
            () -> ApiException.notFound("upload of unknown version " + resource.interopVersion()));
  }

  /** Waits briefly for the request that works on the resource (a cut one ends promptly). */
  private ReentrantLock busyLock(UploadResources.Resource resource) throws ApiException {
    ReentrantLock lock = uploads.lock(resource);
    try {
      if (lock.tryLock(BUSY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        if (Files.isRegularFile(resource.partial())) {
          return lock;
        }
        // The request it waited for finished or cancelled the upload.
        lock.unlock();
        throw ApiException.notFound("upload resource " + resource.token() + " is gone");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new ApiException(409, "upload_busy", "another request is working on this upload");
  }

  private static ApiException interrupted(long kept) {
    return ApiException.badRequest(
        "upload_interrupted",
        "the body ended early; the upload resource keeps "
            + kept
            + " bytes to resume from, and the previous movie is kept");
  }
}
