package lab.videofarm.server.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Counts the request body bytes the handlers actually read. */
final class MeteredRequest extends Request.Wrapper {
  private final AtomicLong received = new AtomicLong();

  MeteredRequest(Request wrapped) {
    super(wrapped);
  }

  @Override
  public Content.Chunk read() {
    Content.Chunk chunk = super.read();
    if (chunk != null && chunk.hasRemaining()) {
      received.addAndGet(chunk.remaining());
    }
    return chunk;
  }

  long bodyBytesReceived() {
    return received.get();
  }
}
