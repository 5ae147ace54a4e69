package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import lab.videofarm.os.transferd.ResponseInfo;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Step 5 of a {@link TransferCall}: what an attempt does with the response. A download checks a
 * ranged answer against the bytes it continues and writes the body to the daemon-owned file; data
 * and upload tasks hand the body to the app in chunks. Either way the body is read no faster than
 * the link lets through, and not at all while the task is suspended. Runs on the call's worker
 * thread, like the call.
 */
final class ResponseReader {
  /** A download reads in larger pieces: fewer system calls and lock round trips per byte. */
  static final int DOWNLOAD_BUFFER_SIZE = 256 * 1024;

  private final TransferListener listener;
  private final Link link;

  ResponseReader(TransferListener listener, Link link) {
    this.listener = listener;
    this.link = link;
  }

  /** A download's response: its body goes to the file the daemon names, from the right offset. */
  void receiveDownload(TransferCall.Start start, ClassicHttpResponse response, ResponseInfo info)
      throws Exception {
    int status = response.getCode();
    long offset = start.offset();
    long expected = info.expectedContentLength();
    if (offset > 0) {
      if (status == 206) {
        expected = rangeTotal(offset, info);
      } else if (status == 416 && completeOnDisk(start, info)) {
        // The last byte reached the disk before the task could complete (the daemon died in
        // between): the file is whole.
        EntityUtils.consume(response.getEntity());
        listener.downloadAlreadyComplete(info, offset);
        return;
      } else if (status == 416) {
        listener.discardPartialFile();
        throw new TransferFailure(
            ErrorCodes.BAD_SERVER_RESPONSE, "416 Range Not Satisfiable when resuming at " + offset);
      } else {
        // The resource changed (or the server ignores ranges): never splice two versions.
        offset = 0;
      }
    }
    String validator = status == 200 || status == 206 ? HttpMessages.validatorOf(info) : null;
    boolean ranges =
        info.header("Accept-Ranges")
                .map(value -> value.trim().equalsIgnoreCase("bytes"))
                .orElse(false)
            || status == 206;
    Path file = listener.downloadResponse(info, offset, expected, validator, ranges);
    writeBody(response.getEntity(), file, offset);
  }

  /** A data or upload task's body: handed to the app chunk by chunk, each chunk a copy. */
  void receiveData(ClassicHttpResponse response) throws Exception {
    readBody(
        response.getEntity(),
        new byte[TransferCall.BUFFER_SIZE],
        (buffer, n) -> listener.dataReceived(Arrays.copyOf(buffer, n)),
        false);
  }

  /** A 409 to a PATCH: someone moved the offset meanwhile; the next attempt asks again. */
  static void refuseMovedOffset(ClassicHttpResponse response) throws IOException {
    if (response.getCode() == 409) {
      EntityUtils.consume(response.getEntity());
      throw new IOException("409: the upload's offset is no longer where the HEAD said");
    }
  }

  /** A 206 must continue exactly where the partial file ends; returns the whole length. */
  private static long rangeTotal(long offset, ResponseInfo info) throws TransferFailure {
    long[] range = HttpMessages.parseContentRange(info.header("Content-Range").orElse(null));
    if (range == null || range[0] != offset) {
      throw new TransferFailure(
          ErrorCodes.BAD_SERVER_RESPONSE,
          "asked for bytes from "
              + offset
              + ", got "
              + info.header("Content-Range").orElse("no Content-Range"));
    }
    return range[2];
  }

  /**
   * A 416 to "bytes from N" whose {@code Content-Range: bytes *}{@code /N} says the resource is
   * exactly the N bytes on disk, and (If-Range held, and any validator it sends is ours) unchanged.
   */
  private static boolean completeOnDisk(TransferCall.Start start, ResponseInfo info) {
    long length = HttpMessages.unsatisfiedLength(info.header("Content-Range").orElse(null));
    String validator = HttpMessages.validatorOf(info);
    return length == start.offset()
        && start.validator() != null
        && (validator == null || validator.equals(start.validator()));
  }

  /**
   * Writes the body from {@code offset} on, durable in steps as it arrives. However the attempt
   * ends, what was written is forced before the daemon hears of the end, so that a finished file is
   * on disk before the app hears of it and resume data counts only bytes really on disk.
   */
  private void writeBody(HttpEntity entity, Path file, long offset) throws Exception {
    try (DownloadWriter out = new DownloadWriter(file, offset, listener::bytesDurable)) {
      ByteBuffer chunk = ByteBuffer.allocate(DOWNLOAD_BUFFER_SIZE);
      try {
        readBody(
            entity,
            chunk.array(),
            (buffer, n) -> {
              out.write(chunk.clear().limit(n));
              listener.bytesWritten(n);
            },
            true);
      } catch (Exception e) {
        try {
          out.finish();
        } catch (IOException | RuntimeException notForced) {
          e.addSuppressed(notForced);
        }
        throw e;
      }
      out.finish();
    }
  }

  /** Takes the {@code n} bytes at the start of {@code buffer}; the buffer is reused afterwards. */
  @FunctionalInterface
  private interface ChunkConsumer {
    void accept(byte[] buffer, int n) throws Exception;
  }

  /**
   * Reads a response body chunk by chunk, never more than the link lets through, and holds while
   * the task is suspended. No body (a HEAD, a 204) reads nothing. With {@code keepWhatArrived} a
   * chunk already read is still taken when the attempt stops meanwhile, so that it is not fetched
   * again on resume.
   */
  private void readBody(
      HttpEntity entity, byte[] buffer, ChunkConsumer consumer, boolean keepWhatArrived)
      throws Exception {
    if (entity == null) {
      return;
    }
    try (InputStream in = entity.getContent()) {
      while (true) {
        listener.awaitRunnable();
        int n = in.read(buffer, 0, link.chunkSize(buffer.length));
        if (n < 0) {
          return;
        }
        try {
          link.pace(n);
        } catch (InterruptedIOException stopped) {
          if (keepWhatArrived) {
            consumer.accept(buffer, n);
          }
          throw stopped;
        }
        consumer.accept(buffer, n);
      }
    }
  }
}
