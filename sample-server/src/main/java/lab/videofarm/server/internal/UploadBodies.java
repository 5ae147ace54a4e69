package lab.videofarm.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What the plain PUT and the resumable upload share: writing a chunk to disk, the endings of a body
 * (the drop fault, a stream that fails again on close), and the answer once the movie is stored.
 */
final class UploadBodies {
  static final int BUFFER = 64 * 1024;

  /** Returned by a body loop in place of a byte count when the drop fault cut the connection. */
  static final long DROPPED = -1;

  private UploadBodies() {}

  static void write(FileChannel out, byte[] buffer, int n) throws IOException {
    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
    while (chunk.hasRemaining()) {
      out.write(chunk);
    }
  }

  /** Closing a request stream whose body ended early fails again; that end is already handled. */
  static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException e) {
      // Already reported as an interrupted upload or a dropped connection.
    }
  }

  static void dropConnection(Request request, Callback callback, long read) {
    request.getConnectionMetaData().getConnection().getEndPoint().close();
    callback.failed(new EofException("upload dropped after " + read + " body bytes by fault"));
  }

  /** 204 when the upload replaced a movie, else 201 with the movie's Location. */
  static void answerStored(Response response, Callback callback, String id, boolean replaced) {
    response.setStatus(replaced ? 204 : 201);
    if (!replaced) {
      response.getHeaders().put(HttpHeader.LOCATION, "/videos/" + id + "/movie");
    }
    response.write(true, null, callback);
  }

  static ApiException tooLarge(long maxUploadBytes) {
    return new ApiException(
        413, "too_large", "a movie may have at most " + maxUploadBytes + " bytes");
  }
}
