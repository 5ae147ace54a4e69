package lab.videofarm.server.internal;

import static lab.videofarm.server.internal.UploadBodies.BUFFER;
import static lab.videofarm.server.internal.UploadBodies.DROPPED;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import lab.videofarm.server.Faults;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code PUT /videos/{id}/movie}: streams the body into a temp file while hashing it, and only a
 * complete body (as long as its {@code Content-Length}) is forced and renamed over the movie. Any
 * other ending (the client goes away, the body is short, too large, the drop fault) deletes the
 * temp file and leaves the previous movie, its status and its ETag as they were.
 *
 * <p>A PUT that speaks a version of "Resumable Uploads for HTTP" the server knows goes to {@link
 * ResumableMovieUpload} instead, unless the resumable-upload fault is switched off ({@code
 * Faults.resumableUploads(false)}); then the upload is a plain PUT.
 */
final class MovieUpload {
  private final VideoStore store;
  private final Faults faults;
  private final long maxUploadBytes;
  private final ResumableMovieUpload resumable;

  MovieUpload(
      VideoStore store, Faults faults, long maxUploadBytes, ResumableMovieUpload resumable) {
    this.store = store;
    this.faults = faults;
    this.maxUploadBytes = maxUploadBytes;
    this.resumable = resumable;
  }

  void receive(Request request, Response response, Callback callback, String id)
      throws ApiException, IOException {
    if (request.getLength() > maxUploadBytes) {
      throw UploadBodies.tooLarge(maxUploadBytes);
    }
    if (faults.resumableUploadsEnabled()) {
      Optional<ResumableUploadProtocol> protocol = ResumableUploadProtocol.of(request);
      if (protocol.isPresent()) {
        resumable.start(request, response, callback, id, protocol.get());
        return;
      }
    }
    store.beginUpload(id);
    boolean uploading = true;
    Path temp = null;
    try {
      temp = Files.createTempFile(store.tmpDirectory(), id + "-", ".upload");
      MessageDigest digest = Hashing.sha256();
      long total = streamToTemp(request, callback, id, temp, digest);
      if (total == DROPPED) {
        uploading = false;
        return;
      }
      boolean replaced =
          store.commitMovie(id, temp, total, HexFormat.of().formatHex(digest.digest()));
      // The status must read "ready" before the client can see the answer and ask again.
      store.endUpload(id);
      uploading = false;
      UploadBodies.answerStored(response, callback, id, replaced);
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
      if (uploading) {
        store.endUpload(id);
      }
    }
  }

  /**
   * Copies the whole body into {@code temp}, hashing it, and forces it to disk. Returns the bytes
   * read, or {@link UploadBodies#DROPPED} when the drop fault ended the upload (and the
   * connection).
   */
  private long streamToTemp(
      Request request, Callback callback, String id, Path temp, MessageDigest digest)
      throws ApiException, IOException {
    long declared = request.getLength();
    long dropAfter = faults.dropConnectionAfterBodyBytes();
    long total = 0;
    InputStream in = Content.Source.asInputStream(request);
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      UploadPacer pacer = new UploadPacer(faults);
      byte[] buffer = new byte[BUFFER];
      while (true) {
        int n = readChunk(in, buffer, pacer, total, declared);
        if (n == -1) {
          break;
        }
        if (dropAfter >= 0 && total + n > dropAfter) {
          // Back to the previous status before the client can notice the drop and look.
          store.endUpload(id);
          UploadBodies.dropConnection(request, callback, total + n);
          return DROPPED;
        }
        total += n;
        if (total > maxUploadBytes) {
          throw UploadBodies.tooLarge(maxUploadBytes);
        }
        pacer.pace(n);
        digest.update(buffer, 0, n);
        UploadBodies.write(out, buffer, n);
      }
      if (declared >= 0 && total != declared) {
        throw interrupted(total, declared);
      }
      out.force(true);
      return total;
    } finally {
      UploadBodies.closeQuietly(in);
    }
  }

  private static int readChunk(
      InputStream in, byte[] buffer, UploadPacer pacer, long total, long declared)
      throws ApiException {
    try {
      return in.read(buffer, 0, pacer.nextChunk(BUFFER));
    } catch (IOException | RuntimeException e) {
      // The client went away or broke the framing mid-body.
      throw interrupted(total, declared);
    }
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
}
