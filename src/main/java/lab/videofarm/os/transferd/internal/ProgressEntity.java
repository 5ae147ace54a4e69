package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * An upload body that streams through the link's throttle and reports its progress.
 *
 * <p>The body is sent with a {@code Content-Length} whenever its length is known (chunked framing
 * only for a streamed body of unknown length), in pieces of {@link #CHUNK} bytes through one buffer
 * per send. A suspend or a cancel takes effect between pieces, and progress is reported per piece,
 * so a piece is what a slow server may keep a task from stopping for. Larger pieces save little:
 * 256 KiB pieces cut the daemon's CPU from 0.23–0.27 s to 0.14–0.22 s per GiB, but an upload over
 * loopback waits on the server either way (see {@code bench/notes.md}), and with them a small
 * upload went out in one piece.
 */
final class ProgressEntity extends AbstractHttpEntity {
  static final int CHUNK = 32 * 1024;

  /** Opens a fresh body stream for each send, so redirects can resend it. */
  @FunctionalInterface
  interface BodySource {
    InputStream open() throws IOException;
  }

  private final TransferListener listener;
  private final Link link;
  private final long length;
  private final long offset;
  private final boolean repeatable;
  private final BodySource source;

  /** {@code offset}: where in the whole upload this body starts (a resumed upload's PATCH). */
  ProgressEntity(
      TransferListener listener,
      Link link,
      ContentType type,
      long length,
      long offset,
      boolean repeatable,
      BodySource source) {
    super(type, null, length < 0);
    this.listener = listener;
    this.link = link;
    this.length = length;
    this.offset = offset;
    this.repeatable = repeatable;
    this.source = source;
  }

  @Override
  public boolean isRepeatable() {
    return repeatable;
  }

  @Override
  public long getContentLength() {
    return length;
  }

  @Override
  public InputStream getContent() throws IOException {
    return source.open();
  }

  @Override
  public boolean isStreaming() {
    return !repeatable;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    listener.bodyRestarted(offset);
    try (InputStream in = source.open()) {
      byte[] buffer = new byte[CHUNK];
      while (true) {
        try {
          listener.awaitRunnable();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted");
        }
        int n = in.read(buffer, 0, link.chunkSize(buffer.length));
        if (n < 0) {
          break;
        }
        link.pace(n);
        out.write(buffer, 0, n);
        listener.bodyBytesSent(n);
      }
    }
    out.flush();
    listener.bodySent();
  }

  @Override
  public void close() {}
}
