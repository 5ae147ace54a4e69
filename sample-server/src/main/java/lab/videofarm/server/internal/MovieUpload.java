package lab.videofarm.server.internal;

import com.google.common.util.concurrent.RateLimiter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import lab.videofarm.server.Faults;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code PUT /videos/{id}/movie}: streams the body into a temp file while hashing it, and only a
 * complete body (as long as its {@code Content-Length}) is forced and renamed over the movie. Any
 * other ending (the client goes away, the body is short, too large, the drop fault) deletes the
 * temp file and leaves the previous movie, its status and its ETag as they were.
 */
final class MovieUpload {
  private static final int BUFFER = 64 * 1024;

  private final VideoStore store;
  private final Faults faults;
  private final long maxUploadBytes;

  MovieUpload(VideoStore store, Faults faults, long maxUploadBytes) {
    this.store = store;
    this.faults = faults;
    this.maxUploadBytes = maxUploadBytes;
  }

  void receive(Request request, Response response, Callback callback, String id)
      throws ApiException, IOException {
    long declared = request.getLength();
    if (declared > maxUploadBytes) {
      throw tooLarge();
    }
    long dropAfter = faults.dropConnectionAfterBodyBytes();
    store.beginUpload(id);
    boolean uploading = true;
    Path temp = null;
    try {
      temp = Files.createTempFile(store.tmpDirectory(), id + "-", ".upload");
      MessageDigest digest = Hashing.sha256();
      long total = 0;
      InputStream in = Content.Source.asInputStream(request);
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        RateLimiter limiter = null;
        byte[] buffer = new byte[BUFFER];
        while (true) {
          long rate = faults.throttleBytesPerSecond();
          int want = rate > 0 ? (int) Math.max(1, Math.min(BUFFER, rate / 10)) : BUFFER;
          int n;
          try {
            n = in.read(buffer, 0, want);
          } catch (IOException | RuntimeException e) {
            // The client went away or broke the framing mid-body.
            throw interrupted(total, declared);
          }
          if (n == -1) {
            break;
          }
          if (dropAfter >= 0 && total + n > dropAfter) {
            // Back to the previous status before the client can notice the drop and look.
            store.endUpload(id);
            uploading = false;
            dropConnection(request, callback, total + n);
            return;
          }
          total += n;
          if (total > maxUploadBytes) {
            throw tooLarge();
          }
          if (rate > 0) {
            if (limiter == null) {
              limiter = RateLimiter.create(rate);
            } else if (limiter.getRate() != rate) {
              limiter.setRate(rate);
            }
            limiter.acquire(n);
          }
          digest.update(buffer, 0, n);
          ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
          while (chunk.hasRemaining()) {
            out.write(chunk);
          }
        }
        if (declared >= 0 && total != declared) {
          throw interrupted(total, declared);
        }
        out.force(true);
      } finally {
        closeQuietly(in);
      }
      boolean replaced =
          store.commitMovie(id, temp, total, HexFormat.of().formatHex(digest.digest()));
      // The status must read "ready" before the client can see the answer and ask again.
      store.endUpload(id);
      uploading = false;
      response.setStatus(replaced ? 204 : 201);
      if (!replaced) {
        response.getHeaders().put(HttpHeader.LOCATION, "/videos/" + id + "/movie");
      }
      response.write(true, null, callback);
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
      if (uploading) {
        store.endUpload(id);
      }
    }
  }

  /** Closing a request stream whose body ended early fails again; that end is already handled. */
  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException e) {
      // Already reported as an interrupted upload or a dropped connection.
    }
  }

  private static void dropConnection(Request request, Callback callback, long read) {
    request.getConnectionMetaData().getConnection().getEndPoint().close();
    callback.failed(new EofException("upload dropped after " + read + " body bytes by fault"));
  }

  private static ApiException interrupted(long total, long declared) {
    return ApiException.badRequest(
        "upload_interrupted",
        "the body ended after "
            + total
            + " of "
            + (declared >= 0 ? declared + " bytes" : "an unknown number of bytes")
            + "; the previous movie is kept");
  }

  private ApiException tooLarge() {
    return new ApiException(
        413, "too_large", "a movie may have at most " + maxUploadBytes + " bytes");
  }
}
