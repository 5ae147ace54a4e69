package lab.videofarm.os.transferd.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.UploadBody;
import org.apache.hc.client5.http.classic.methods.HttpHead;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * One attempt at one task, on one worker thread: the daemon's transfer read top to bottom in {@link
 * #execute()}. It only moves bytes; everything that touches shared state goes through its {@link
 * TransferListener}, which the daemon implements under its lock ({@link AttemptHooks}).
 */
final class TransferCall {
  static final int BUFFER_SIZE = 32 * 1024;

  /** A download reads in larger pieces: fewer system calls and lock round trips per byte. */
  static final int DOWNLOAD_BUFFER_SIZE = 256 * 1024;

  /** Where a transfer starts and what to send. */
  record Start(
      TaskKind kind,
      RequestInfo request,
      UploadBody body,
      List<HttpHeader> sessionHeaders,
      long offset,
      String validator,
      Path uploadFile,
      URI uploadResource,
      ResumableUploadDraft uploadDraft) {

    /** An upload from a file: it announces resumable uploads (rules 35-37). */
    boolean resumableUpload() {
      return uploadFile != null;
    }
  }

  /** The request to send, and whether it appends to a resumable upload (PATCH). */
  private record Exchange(HttpUriRequestBase request, HttpClientContext context, boolean append) {}

  private final TransferListener listener;
  private final Attempt attempt;
  private final HttpTransport transport;
  private final Link link;

  TransferCall(TransferListener listener, Attempt attempt, HttpTransport transport, Link link) {
    this.listener = listener;
    this.attempt = attempt;
    this.transport = transport;
    this.link = link;
  }

  /**
   * The steps of a transfer, in order. Returns after the task completed; throws when this attempt
   * failed, and the daemon then decides between retrying, waiting and failing the task.
   */
  void execute() throws Exception {
    // 1. Decide where to start: resume data that cannot be used fails here, an upload's file must
    //    still be in place, and a download continues its partial file only when the server can
    //    prove the bytes are still current (validator + byte ranges); otherwise from zero.
    Start start = listener.begin();

    // 2. The link's latency comes before every request, like a round trip.
    link.awaitLatency();

    // 3. Build the request. An upload the server offered to resume continues where the server
    //    stands (HEAD for the offset, then PATCH with the rest); a resource that is gone means
    //    starting over. Otherwise: the app's headers, the session's extra headers, and for a
    //    continued download Range + If-Range with the validator of the bytes we already have. An
    //    upload from a file announces resumable uploads and listens for the server's 104.
    Exchange exchange = prepare(start);

    // 4. Send. The body (if any) streams from its source through the link's throttle.
    HttpUriRequestBase request = exchange.request();
    attempt.setExchange(request);
    URI target = exchange.append() ? start.uploadResource() : start.request().url();
    listener.requestSent(HttpMessages.requestInfo(request, target));
    try (ClassicHttpResponse response =
        transport.client().executeOpen(null, request, exchange.context())) {
      // The app asked for its URL, not for the upload resource.
      URI url =
          exchange.append()
              ? start.request().url()
              : HttpMessages.finalUrl(request, exchange.context());
      ResponseInfo info = HttpMessages.responseInfo(response, url);

      // 5. Receive. Downloads go to the daemon-owned file, after checking a ranged answer;
      //    data and upload tasks hand the body to the app in chunks.
      if (start.kind() == TaskKind.DOWNLOAD) {
        receiveDownload(start, response, info);
        // 6. Finish: DidWriteData (last), DidFinishDownloading(file), DidComplete(null).
        listener.finishDownload();
      } else {
        if (exchange.append()) {
          refuseMovedOffset(response);
        }
        listener.responseReceived(info);
        receiveData(response);
        // 6. Finish: DidComplete(null), whatever the status code (rule 17).
        listener.finishData();
      }
    }
  }

  private Exchange prepare(Start start) throws Exception {
    HttpClientContext context = HttpClientContext.create();
    if (start.uploadResource() != null) {
      long offset = uploadOffset(start);
      if (offset >= 0) {
        return new Exchange(append(start, offset), context, true);
      }
      listener.uploadResourceGone("HEAD " + start.uploadResource() + " found nothing");
    }
    HttpUriRequestBase request = buildRequest(start);
    if (start.kind() == TaskKind.UPLOAD) {
      request.setEntity(uploadEntity(start));
      if (start.resumableUpload()) {
        announceResumableUpload(start, request, context);
      }
    }
    return new Exchange(request, context, false);
  }

  /**
   * Rule 36: the first request of an upload says which draft version it speaks, and asks for {@code
   * 100 Continue} so that the classic client reads the server's {@code 104 Upload Resumption
   * Supported} before the body goes out (iOS reads it whenever it comes).
   */
  private void announceResumableUpload(
      Start start, HttpUriRequestBase request, HttpClientContext context) {
    ResumableUploadDraft draft = start.uploadDraft();
    draft.announce(request);
    request.setHeader("Expect", "100-continue");
    URI target = start.request().url();
    HttpTransport.listenForInformationalResponses(
        context,
        informational -> {
          if (draft.offersResumption(informational)) {
            URI resource = target.resolve(informational.getFirstHeader("Location").getValue());
            listener.uploadResumptionOffered(resource, draft.interopVersion());
          }
        });
  }

  /** HEAD on the upload resource: the bytes the server has, or -1 if the resource is gone. */
  private long uploadOffset(Start start) throws Exception {
    HttpHead head = new HttpHead(start.uploadResource());
    start.uploadDraft().prepareOffsetRequest(head);
    attempt.setExchange(head);
    listener.requestSent(HttpMessages.requestInfo(head, start.uploadResource()));
    try (ClassicHttpResponse response = transport.client().executeOpen(null, head, null)) {
      EntityUtils.consume(response.getEntity());
      return start.uploadDraft().offset(response);
    }
  }

  /** PATCH with the file from {@code offset} on: no byte the server has is sent again. */
  private HttpUriRequestBase append(Start start, long offset) throws Exception {
    Path file = start.uploadFile();
    long size = Files.size(file);
    if (offset > size) {
      throw new TransferFailure(
          ErrorCodes.BAD_SERVER_RESPONSE,
          "the server holds " + offset + " bytes of a " + size + "-byte upload");
    }
    HttpUriRequestBase patch = new HttpUriRequestBase("PATCH", start.uploadResource());
    for (HttpHeader header : start.request().headers()) {
      if (!HttpMessages.isHopByHop(header.name())
          && !header.name().equalsIgnoreCase("Content-Type")) {
        patch.addHeader(header.name(), header.value());
      }
    }
    addSessionHeaders(start, patch);
    start.uploadDraft().prepareAppend(patch, offset);
    patch.setEntity(
        entity(
            ContentType.APPLICATION_OCTET_STREAM,
            size - offset,
            offset,
            true,
            () -> {
              FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
              channel.position(offset);
              return Channels.newInputStream(channel);
            }));
    listener.uploadResumed(offset, size);
    return patch;
  }

  /** A 409 to a PATCH: someone moved the offset meanwhile; the next attempt asks again. */
  private static void refuseMovedOffset(ClassicHttpResponse response) throws IOException {
    if (response.getCode() == 409) {
      EntityUtils.consume(response.getEntity());
      throw new IOException("409: the upload's offset is no longer where the HEAD said");
    }
  }

  private HttpUriRequestBase buildRequest(Start start) {
    RequestInfo original = start.request();
    HttpUriRequestBase request = new HttpUriRequestBase(original.method(), original.url());
    for (HttpHeader header : original.headers()) {
      if (!HttpMessages.isHopByHop(header.name())) {
        request.addHeader(header.name(), header.value());
      }
    }
    addSessionHeaders(start, request);
    if (start.offset() > 0) {
      request.setHeader("Range", "bytes=" + start.offset() + "-");
      request.setHeader("If-Range", start.validator());
    }
    return request;
  }

  private static void addSessionHeaders(Start start, HttpUriRequestBase request) {
    for (HttpHeader header : start.sessionHeaders()) {
      if (!request.containsHeader(header.name())) {
        request.addHeader(header.name(), header.value());
      }
    }
  }

  private HttpEntity uploadEntity(Start start) throws Exception {
    String type = start.request().header("Content-Type").orElse("application/octet-stream");
    ContentType contentType = ContentType.parseLenient(type);
    UploadBody body = start.body();
    if (body instanceof UploadBody.FromFile file) {
      Path path = file.file();
      return entity(contentType, Files.size(path), 0, true, () -> Files.newInputStream(path));
    }
    if (body instanceof UploadBody.FromData data) {
      byte[] bytes = data.data();
      return entity(contentType, bytes.length, 0, true, () -> new ByteArrayInputStream(bytes));
    }
    if (body instanceof UploadBody.Streamed) {
      InputStream stream = awaitBodyStream(listener.requestBodyStream());
      long length = start.request().header("Content-Length").map(Long::parseLong).orElse(-1L);
      return entity(contentType, length, 0, false, () -> stream);
    }
    return entity(contentType, 0, 0, true, InputStream::nullInputStream);
  }

  private ProgressEntity entity(
      ContentType type,
      long length,
      long offset,
      boolean repeatable,
      ProgressEntity.BodySource source) {
    return new ProgressEntity(listener, link, type, length, offset, repeatable, source);
  }

  private InputStream awaitBodyStream(Future<InputStream> future) throws Exception {
    while (true) {
      if (attempt.isStopped()) {
        throw new InterruptedIOException("attempt stopped while waiting for a body stream");
      }
      try {
        return future.get(100, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // keep waiting: the app answers NeedNewBodyStream on its delegate queue
      } catch (ExecutionException e) {
        throw new IOException("no body stream", e.getCause());
      }
    }
  }

  private void receiveDownload(Start start, ClassicHttpResponse response, ResponseInfo info)
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
  private static boolean completeOnDisk(Start start, ResponseInfo info) {
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

  private void receiveData(ClassicHttpResponse response) throws Exception {
    readBody(
        response.getEntity(),
        new byte[BUFFER_SIZE],
        (buffer, n) -> listener.dataReceived(Arrays.copyOf(buffer, n)),
        false);
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
