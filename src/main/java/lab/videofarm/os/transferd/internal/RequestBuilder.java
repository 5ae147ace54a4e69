package lab.videofarm.os.transferd.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
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
 * Step 3 of a {@link TransferCall}: the request an attempt sends, built from where it starts. An
 * upload the server offered to resume continues where the server stands (HEAD for the offset, then
 * PATCH with the rest); a resource that is gone means starting over. Otherwise: the app's headers,
 * the session's extra headers, and for a continued download Range + If-Range with the validator of
 * the bytes already on disk. An upload from a file announces resumable uploads and listens for the
 * server's 104. Runs on the call's worker thread, like the call.
 */
final class RequestBuilder {
  /** The request to send, and whether it appends to a resumable upload (PATCH). */
  record Exchange(HttpUriRequestBase request, HttpClientContext context, boolean append) {
    /** Where the request goes: the upload resource for an append, else the app's URL. */
    URI target(TransferCall.Start start) {
      return append ? start.uploadResource() : start.request().url();
    }

    /**
     * The URL the response is reported for: the app asked for its URL, not for the upload resource;
     * otherwise where the redirects, if any, ended.
     */
    URI responseUrl(TransferCall.Start start) {
      return append ? start.request().url() : HttpMessages.finalUrl(request, context);
    }
  }

  private final TransferListener listener;
  private final Attempt attempt;
  private final HttpTransport transport;
  private final Link link;

  RequestBuilder(TransferListener listener, Attempt attempt, HttpTransport transport, Link link) {
    this.listener = listener;
    this.attempt = attempt;
    this.transport = transport;
    this.link = link;
  }

  /** The exchange that carries the attempt starting at {@code start}. */
  Exchange prepare(TransferCall.Start start) throws Exception {
    HttpClientContext context = HttpClientContext.create();
    if (start.uploadResource() != null) {
      long offset = uploadOffset(start);
      if (offset >= 0) {
        return new Exchange(append(start, offset), context, true);
      }
      listener.uploadResourceGone("HEAD " + start.uploadResource() + " found nothing");
    }
    HttpUriRequestBase request = request(start);
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
      TransferCall.Start start, HttpUriRequestBase request, HttpClientContext context) {
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
  private long uploadOffset(TransferCall.Start start) throws Exception {
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
  private HttpUriRequestBase append(TransferCall.Start start, long offset) throws Exception {
    Path file = start.uploadFile();
    long size = Files.size(file);
    if (offset > size) {
      throw new TransferFailure(
          ErrorCodes.BAD_SERVER_RESPONSE,
          "the server holds " + offset + " bytes of a " + size + "-byte upload");
    }
    HttpUriRequestBase patch = new HttpUriRequestBase("PATCH", start.uploadResource());
    // The PATCH sends raw bytes of the file; the app's Content-Type describes the whole upload.
    copyHeaders(start, patch, name -> !name.equalsIgnoreCase("Content-Type"));
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

  /** The app's request, continuing a download's partial file when the start says so. */
  private static HttpUriRequestBase request(TransferCall.Start start) {
    RequestInfo original = start.request();
    HttpUriRequestBase request = new HttpUriRequestBase(original.method(), original.url());
    copyHeaders(start, request, name -> true);
    if (start.offset() > 0) {
      request.setHeader("Range", "bytes=" + start.offset() + "-");
      request.setHeader("If-Range", start.validator());
    }
    return request;
  }

  /**
   * The app's headers that {@code which} keeps (never those the client sets itself), then the
   * session's extra headers where the app did not set its own.
   */
  private static void copyHeaders(
      TransferCall.Start start, HttpUriRequestBase request, Predicate<String> which) {
    for (HttpHeader header : start.request().headers()) {
      if (!HttpMessages.isHopByHop(header.name()) && which.test(header.name())) {
        request.addHeader(header.name(), header.value());
      }
    }
    for (HttpHeader header : start.sessionHeaders()) {
      if (!request.containsHeader(header.name())) {
        request.addHeader(header.name(), header.value());
      }
    }
  }

  private HttpEntity uploadEntity(TransferCall.Start start) throws Exception {
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
}
