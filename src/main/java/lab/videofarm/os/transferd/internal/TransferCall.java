package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * One attempt at one task, on one worker thread: the daemon's transfer read top to bottom in {@link
 * #execute()}. Everything that touches shared state goes through {@link DaemonCore}, which takes
 * its lock; this class only moves bytes.
 */
final class TransferCall {
  static final int BUFFER_SIZE = 32 * 1024;

  private final DaemonCore core;
  private final TaskRecord task;
  private final Attempt attempt;
  private final HttpTransport transport;
  private final Link link;

  TransferCall(
      DaemonCore core, TaskRecord task, Attempt attempt, HttpTransport transport, Link link) {
    this.core = core;
    this.task = task;
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
    DaemonCore.Start start = core.beginAttempt(task, attempt);

    // 2. The link's latency comes before every request, like a round trip.
    link.awaitLatency();

    // 2b. An upload the server offered to resume continues where the server stands: HEAD for
    //     the offset, then PATCH with the rest. A resource that is gone means starting over.
    if (start.uploadResource() != null) {
      long offset = uploadOffset(start);
      if (offset >= 0) {
        resumeUpload(start, offset);
        return;
      }
      core.uploadResourceGone(task, attempt, "HEAD " + start.uploadResource() + " found nothing");
    }

    // 3. Build the request: the app's headers, the session's extra headers, and for a continued
    //    download Range + If-Range with the validator of the bytes we already have. An upload
    //    from a file announces resumable uploads and listens for the server's 104.
    HttpUriRequestBase request = buildRequest(start);
    HttpClientContext context = HttpClientContext.create();
    if (start.kind() == TaskKind.UPLOAD) {
      request.setEntity(uploadEntity(start));
      if (start.resumableUpload()) {
        announceResumableUpload(start, request, context);
      }
    }

    // 4. Send. The body (if any) streams from its source through the link's throttle.
    attempt.setExchange(request);
    core.requestSent(task, attempt, requestInfo(request, start.request().url()));
    try (ClassicHttpResponse response = transport.client().executeOpen(null, request, context)) {
      ResponseInfo info = responseInfo(response, finalUrl(request, context));

      // 5. Receive. Downloads go to the daemon-owned file, after checking a ranged answer;
      //    data and upload tasks hand the body to the app in chunks.
      if (start.kind() == TaskKind.DOWNLOAD) {
        receiveDownload(start, response, info);
        // 6. Finish: DidWriteData (last), DidFinishDownloading(file), DidComplete(null).
        core.finishDownload(task, attempt);
      } else {
        core.responseReceived(task, attempt, info);
        receiveData(response);
        // 6. Finish: DidComplete(null), whatever the status code (rule 17).
        core.finishData(task, attempt);
      }
    }
  }

  /**
   * Rule 36: the first request of an upload says which draft version it speaks, and asks for {@code
   * 100 Continue} so that the classic client reads the server's {@code 104 Upload Resumption
   * Supported} before the body goes out (iOS reads it whenever it comes).
   */
  private void announceResumableUpload(
      DaemonCore.Start start, HttpUriRequestBase request, HttpClientContext context) {
    ResumableUploadDraft draft = start.uploadDraft();
    draft.announce(request);
    request.setHeader("Expect", "100-continue");
    URI target = start.request().url();
    HttpTransport.listenForInformationalResponses(
        context,
        informational -> {
          if (draft.offersResumption(informational)) {
            URI resource = target.resolve(informational.getFirstHeader("Location").getValue());
            core.uploadResumptionOffered(task, attempt, resource, draft.interopVersion());
          }
        });
  }

  /** HEAD on the upload resource: the bytes the server has, or -1 if the resource is gone. */
  private long uploadOffset(DaemonCore.Start start) throws Exception {
    HttpHead head = new HttpHead(start.uploadResource());
    start.uploadDraft().prepareOffsetRequest(head);
    attempt.setExchange(head);
    core.requestSent(task, attempt, requestInfo(head, start.uploadResource()));
    try (ClassicHttpResponse response = transport.client().executeOpen(null, head, null)) {
      EntityUtils.consume(response.getEntity());
      return start.uploadDraft().offset(response);
    }
  }

  /** PATCH with the file from {@code offset} on: no byte the server has is sent again. */
  private void resumeUpload(DaemonCore.Start start, long offset) throws Exception {
    Path file = start.uploadFile();
    long size = Files.size(file);
    if (offset > size) {
      throw new TransferFailure(
          ErrorCodes.BAD_SERVER_RESPONSE,
          "the server holds " + offset + " bytes of a " + size + "-byte upload");
    }
    HttpUriRequestBase patch = new HttpUriRequestBase("PATCH", start.uploadResource());
    for (HttpHeader header : start.request().headers()) {
      if (!isHopByHop(header.name()) && !header.name().equalsIgnoreCase("Content-Type")) {
        patch.addHeader(header.name(), header.value());
      }
    }
    for (HttpHeader header : start.sessionHeaders()) {
      if (!patch.containsHeader(header.name())) {
        patch.addHeader(header.name(), header.value());
      }
    }
    start.uploadDraft().prepareAppend(patch, offset);
    patch.setEntity(
        new ProgressEntity(
            ContentType.APPLICATION_OCTET_STREAM,
            size - offset,
            offset,
            true,
            () -> {
              FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
              channel.position(offset);
              return Channels.newInputStream(channel);
            }));
    attempt.setExchange(patch);
    core.uploadResumed(task, attempt, offset, size);
    core.requestSent(task, attempt, requestInfo(patch, start.uploadResource()));
    try (ClassicHttpResponse response = transport.client().executeOpen(null, patch, null)) {
      if (response.getCode() == 409) {
        // Someone moved the offset meanwhile; the next attempt asks again.
        EntityUtils.consume(response.getEntity());
        throw new IOException("409: the upload's offset is no longer " + offset);
      }
      // The app asked to upload to its URL, not to the upload resource.
      ResponseInfo info = responseInfo(response, start.request().url());
      core.responseReceived(task, attempt, info);
      receiveData(response);
      core.finishData(task, attempt);
    }
  }

  private HttpUriRequestBase buildRequest(DaemonCore.Start start) {
    RequestInfo original = start.request();
    HttpUriRequestBase request = new HttpUriRequestBase(original.method(), original.url());
    for (HttpHeader header : original.headers()) {
      if (!isHopByHop(header.name())) {
        request.addHeader(header.name(), header.value());
      }
    }
    for (HttpHeader header : start.sessionHeaders()) {
      if (!request.containsHeader(header.name())) {
        request.addHeader(header.name(), header.value());
      }
    }
    if (start.offset() > 0) {
      request.setHeader("Range", "bytes=" + start.offset() + "-");
      request.setHeader("If-Range", start.validator());
    }
    return request;
  }

  private static boolean isHopByHop(String name) {
    return name.equalsIgnoreCase("Content-Length")
        || name.equalsIgnoreCase("Transfer-Encoding")
        || name.equalsIgnoreCase("Connection")
        || name.equalsIgnoreCase("Host");
  }

  private HttpEntity uploadEntity(DaemonCore.Start start) throws Exception {
    String type = start.request().header("Content-Type").orElse("application/octet-stream");
    ContentType contentType = ContentType.parseLenient(type);
    UploadBody body = task.spec.body();
    if (body instanceof UploadBody.FromFile file) {
      Path path = file.file();
      long length = Files.size(path);
      return new ProgressEntity(contentType, length, 0, true, () -> Files.newInputStream(path));
    }
    if (body instanceof UploadBody.FromData data) {
      byte[] bytes = data.data();
      return new ProgressEntity(
          contentType, bytes.length, 0, true, () -> new java.io.ByteArrayInputStream(bytes));
    }
    if (body instanceof UploadBody.Streamed) {
      InputStream stream = awaitBodyStream(core.requestBodyStream(task, attempt));
      long length = start.request().header("Content-Length").map(Long::parseLong).orElse(-1L);
      return new ProgressEntity(contentType, length, 0, false, () -> stream);
    }
    return new ProgressEntity(contentType, 0, 0, true, InputStream::nullInputStream);
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

  private void receiveDownload(
      DaemonCore.Start start, ClassicHttpResponse response, ResponseInfo info) throws Exception {
    int status = response.getCode();
    long offset = start.offset();
    long expected = info.expectedContentLength();
    if (offset > 0) {
      if (status == 206) {
        long[] range = parseContentRange(info.header("Content-Range").orElse(null));
        if (range == null || range[0] != offset) {
          throw new TransferFailure(
              ErrorCodes.BAD_SERVER_RESPONSE,
              "asked for bytes from "
                  + offset
                  + ", got "
                  + info.header("Content-Range").orElse("no Content-Range"));
        }
        expected = range[2];
      } else if (status == 416) {
        core.discardPartialFile(task);
        throw new TransferFailure(
            ErrorCodes.BAD_SERVER_RESPONSE, "416 Range Not Satisfiable when resuming at " + offset);
      } else {
        // The resource changed (or the server ignores ranges): never splice two versions.
        offset = 0;
      }
    }
    String validator = status == 200 || status == 206 ? validatorOf(info) : null;
    boolean ranges =
        info.header("Accept-Ranges")
                .map(value -> value.trim().equalsIgnoreCase("bytes"))
                .orElse(false)
            || status == 206;
    Path file = core.downloadResponse(task, attempt, info, offset, expected, validator, ranges);
    HttpEntity entity = response.getEntity();
    try (FileChannel out =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      out.truncate(offset);
      out.position(offset);
      readBody(
          entity,
          (buffer, n) -> {
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            while (chunk.hasRemaining()) {
              out.write(chunk);
            }
            core.bytesWritten(task, attempt, n);
          });
      // The app is about to be told the file is complete; a crash after that must not find less.
      out.force(true);
    }
  }

  private void receiveData(ClassicHttpResponse response) throws Exception {
    readBody(
        response.getEntity(),
        (buffer, n) -> core.dataReceived(task, attempt, Arrays.copyOf(buffer, n)));
  }

  /** Takes the {@code n} bytes at the start of {@code buffer}; the buffer is reused afterwards. */
  @FunctionalInterface
  private interface ChunkConsumer {
    void accept(byte[] buffer, int n) throws Exception;
  }

  /**
   * Reads a response body chunk by chunk, never more than the link lets through, and holds while
   * the task is suspended. No body (a HEAD, a 204) reads nothing.
   */
  private void readBody(HttpEntity entity, ChunkConsumer consumer) throws Exception {
    if (entity == null) {
      return;
    }
    try (InputStream in = entity.getContent()) {
      byte[] buffer = new byte[BUFFER_SIZE];
      while (true) {
        core.awaitRunnable(task, attempt);
        int n = in.read(buffer, 0, link.chunkSize(buffer.length));
        if (n < 0) {
          return;
        }
        link.pace(n);
        consumer.accept(buffer, n);
      }
    }
  }

  /** The strong ETag, else Last-Modified; null when neither can validate a range. */
  static String validatorOf(ResponseInfo info) {
    Optional<String> etag = info.header("ETag").map(String::trim);
    if (etag.isPresent() && !etag.get().startsWith("W/") && !etag.get().isEmpty()) {
      return etag.get();
    }
    return info.header("Last-Modified").orElse(null);
  }

  /** {@code bytes 100-199/1000} as {100, 199, 1000}; total -1 for {@code *}; null if malformed. */
  static long[] parseContentRange(String value) {
    if (value == null) {
      return null;
    }
    String text = value.trim();
    if (!text.regionMatches(true, 0, "bytes ", 0, 6)) {
      return null;
    }
    try {
      String spec = text.substring(6).trim();
      int slash = spec.indexOf('/');
      int dash = spec.indexOf('-');
      if (slash < 0 || dash < 0 || dash > slash) {
        return null;
      }
      long first = Long.parseLong(spec.substring(0, dash).trim());
      long last = Long.parseLong(spec.substring(dash + 1, slash).trim());
      String totalText = spec.substring(slash + 1).trim();
      long total = totalText.equals("*") ? -1 : Long.parseLong(totalText);
      return new long[] {first, last, total};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static URI finalUrl(HttpUriRequestBase request, HttpClientContext context) {
    try {
      if (context.getRedirectLocations() != null
          && !context.getRedirectLocations().getAll().isEmpty()) {
        List<URI> all = context.getRedirectLocations().getAll();
        return all.get(all.size() - 1);
      }
      return request.getUri();
    } catch (Exception e) {
      return URI.create(request.getRequestUri());
    }
  }

  private static RequestInfo requestInfo(HttpUriRequestBase request, URI url) {
    List<HttpHeader> headers = new ArrayList<>();
    for (Header header : request.getHeaders()) {
      headers.add(new HttpHeader(header.getName(), header.getValue()));
    }
    return new RequestInfo(request.getMethod(), url, headers);
  }

  private static ResponseInfo responseInfo(ClassicHttpResponse response, URI url) {
    List<HttpHeader> headers = new ArrayList<>();
    for (Header header : response.getHeaders()) {
      headers.add(new HttpHeader(header.getName(), header.getValue()));
    }
    HttpEntity entity = response.getEntity();
    long length = entity == null ? 0 : entity.getContentLength();
    return new ResponseInfo(response.getCode(), url, headers, length < 0 ? -1 : length);
  }

  /** Opens a fresh body stream for each send, so redirects can resend it. */
  @FunctionalInterface
  private interface BodySource {
    InputStream open() throws IOException;
  }

  /** An upload body that streams through the link's throttle and reports DidSendBodyData. */
  private final class ProgressEntity extends AbstractHttpEntity {
    private final long length;
    private final long offset;
    private final boolean repeatable;
    private final BodySource source;

    /** {@code offset}: where in the whole upload this body starts (a resumed upload's PATCH). */
    ProgressEntity(
        ContentType type, long length, long offset, boolean repeatable, BodySource source) {
      super(type, null, length < 0);
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
      core.bodyRestarted(task, attempt, offset);
      try (InputStream in = source.open()) {
        byte[] buffer = new byte[BUFFER_SIZE];
        while (true) {
          try {
            core.awaitRunnable(task, attempt);
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
          core.bodyBytesSent(task, attempt, n);
        }
      }
      out.flush();
      core.bodySent(task, attempt);
    }

    @Override
    public void close() {}
  }
}
