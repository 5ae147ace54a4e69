package lab.videofarm.server.internal;

import com.google.common.util.concurrent.RateLimiter;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import lab.videofarm.server.Faults;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts the response body bytes that really went out and, once {@linkplain #applyFaults armed} for
 * a media response, applies the throttle and the drop-after-bytes faults to them.
 *
 * <p>Threads: Jetty may complete a write callback on a thread that must not block, so a throttled
 * slice waits for its permits on the executor, never on the caller. Slices are written one after
 * the other: the next starts from the previous slice's callback, so at most one write is pending,
 * as Jetty requires.
 */
final class MeteredResponse extends Response.Wrapper {
  private static final int MAX_SLICE = 16 * 1024;

  private final Executor executor;
  private final AtomicLong sent = new AtomicLong();
  private volatile Faults faults;
  private volatile long dropAfter = -1;
  private volatile boolean dropped;
  // Only touched by the one slice in flight at a time.
  private RateLimiter limiter;

  MeteredResponse(Request request, Response wrapped, Executor executor) {
    super(request, wrapped);
    this.executor = executor;
  }

  /**
   * From now on, throttle by the current {@link Faults} and cut after the drop limit in force at
   * this moment.
   */
  void applyFaults(Faults faults) {
    this.dropAfter = faults.dropConnectionAfterBodyBytes();
    this.faults = faults;
  }

  long bodyBytesSent() {
    return sent.get();
  }

  boolean dropped() {
    return dropped;
  }

  @Override
  public void write(boolean last, ByteBuffer content, Callback callback) {
    if (content == null || !content.hasRemaining()) {
      super.write(last, content, callback);
      return;
    }
    if (faults == null) {
      int length = content.remaining();
      super.write(last, content, Callback.from(() -> sent.addAndGet(length), callback));
      return;
    }
    writeSlice(last, content, callback);
  }

  private void writeSlice(boolean last, ByteBuffer content, Callback callback) {
    long budget = dropAfter < 0 ? Long.MAX_VALUE : dropAfter - sent.get();
    if (budget <= 0) {
      drop(callback);
      return;
    }
    long rate = faults.throttleBytesPerSecond();
    int length = content.remaining();
    if (rate > 0) {
      length = (int) Math.min(length, Math.max(1, Math.min(MAX_SLICE, rate / 10)));
    }
    int sliceLength = (int) Math.min(length, budget);
    ByteBuffer slice = content.slice(content.position(), sliceLength);
    content.position(content.position() + sliceLength);
    boolean finished = !content.hasRemaining();
    Callback afterSlice =
        Callback.from(
            () -> {
              sent.addAndGet(sliceLength);
              if (finished) {
                callback.succeeded();
              } else {
                writeSlice(last, content, callback);
              }
            },
            callback::failed);
    if (rate <= 0) {
      getWrapped().write(last && finished, slice, afterSlice);
      return;
    }
    try {
      executor.execute(
          () -> {
            limiter(rate).acquire(sliceLength);
            getWrapped().write(last && finished, slice, afterSlice);
          });
    } catch (RejectedExecutionException e) {
      callback.failed(e);
    }
  }

  private RateLimiter limiter(long rate) {
    if (limiter == null) {
      limiter = RateLimiter.create(rate);
    } else if (limiter.getRate() != rate) {
      limiter.setRate(rate);
    }
    return limiter;
  }

  private void drop(Callback callback) {
    dropped = true;
    EndPoint endPoint = getRequest().getConnectionMetaData().getConnection().getEndPoint();
    if (faults.resetsInsteadOfClosing() && endPoint.getTransport() instanceof SocketChannel tcp) {
      try {
        // Closing with a zero linger time sends a RST instead of a FIN.
        tcp.setOption(StandardSocketOptions.SO_LINGER, 0);
      } catch (IOException e) {
        // Already closed: the client sees the connection end either way.
      }
    }
    endPoint.close();
    callback.failed(new EofException("connection dropped after " + sent.get() + " body bytes"));
  }
}
