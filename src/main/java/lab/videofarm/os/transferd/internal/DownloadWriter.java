package lab.videofarm.os.transferd.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a download's body to its file and makes it durable in steps while it arrives: every {@link
 * #STEP} bytes (or, for a slow transfer, every {@link #SLOW_STEP_NANOS} ns once {@link #SLOW_STEP}
 * bytes are waiting) a flusher thread forces what was written so far, so that the disk works while
 * the network does, the last force has at most a step left, and the durable length it reports (for
 * the journal and for resume data) is never more than the bytes really on disk.
 *
 * <p>The checkpoint window, the bytes written but not yet known durable, is at most two steps: the
 * one being forced and the one being written. The writer waits for the flusher rather than let it
 * grow (a disk slower than the network slows the transfer down instead).
 */
final class DownloadWriter implements Closeable {
  static final long STEP = 16L * 1024 * 1024;
  static final long SLOW_STEP = 64 * 1024;
  static final long SLOW_STEP_NANOS = 250_000_000L;

  /** Told each durable length, from the flusher's thread or the writer's. */
  @FunctionalInterface
  interface DurableLength {
    void reached(long length) throws IOException;
  }

  private static final ExecutorService FLUSHERS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "transferd-flusher");
            thread.setDaemon(true);
            return thread;
          });

  private final FileChannel out;
  private final DurableLength durable;
  private long written;
  private long stepStart;
  private long stepStartNanos = System.nanoTime();
  private volatile long durableLength;
  private Future<?> step;

  /** Opens {@code file} to continue at {@code offset}; what lies beyond it is cut off. */
  DownloadWriter(Path file, long offset, DurableLength durable) throws IOException {
    this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    this.durable = durable;
    try {
      out.truncate(offset);
      out.position(offset);
    } catch (IOException e) {
      out.close();
      throw e;
    }
    this.written = offset;
    this.stepStart = offset;
    this.durableLength = offset;
  }

  /** Writes the chunk (the caller reuses it afterwards) and starts a step force when one is due. */
  void write(ByteBuffer chunk) throws IOException {
    while (chunk.hasRemaining()) {
      written += out.write(chunk);
    }
    long waiting = written - stepStart;
    if (waiting >= STEP
        || waiting >= SLOW_STEP && System.nanoTime() - stepStartNanos >= SLOW_STEP_NANOS) {
      if (step != null && !step.isDone() && written - durableLength < 2 * STEP) {
        return;
      }
      awaitStep();
      long length = written;
      stepStart = length;
      stepStartNanos = System.nanoTime();
      step =
          FLUSHERS.submit(
              () -> {
                out.force(false);
                durableLength = length;
                durable.reached(length);
                return null;
              });
    }
  }

  long written() {
    return written;
  }

  /**
   * Makes every byte written durable and reports the length: after the last byte, before the app
   * hears the file is complete, and when an attempt stops, so that resume data and the journal
   * count what is really on disk.
   */
  long finish() throws IOException {
    awaitStep();
    out.force(true);
    durableLength = written;
    durable.reached(written);
    return written;
  }

  private void awaitStep() throws IOException {
    if (step == null) {
      return;
    }
    try {
      step.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the file was forced to disk");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      step = null;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      awaitStep();
    } finally {
      out.close();
    }
  }
}
