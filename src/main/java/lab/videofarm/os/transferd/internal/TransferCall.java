package lab.videofarm.os.transferd.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.UploadBody;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * One attempt at one task, on one worker thread: the daemon's transfer read top to bottom in {@link
 * #execute()}. It only moves bytes; everything that touches shared state goes through its {@link
 * TransferListener}, which the daemon implements under its lock ({@link AttemptHooks}). Building
 * the request is {@link RequestBuilder}'s part, handling the response {@link ResponseReader}'s.
 */
final class TransferCall {
  static final int BUFFER_SIZE = 32 * 1024;

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

  private final TransferListener listener;
  private final Attempt attempt;
  private final HttpTransport transport;
  private final Link link;
  private final RequestBuilder requests;
  private final ResponseReader responses;

  TransferCall(TransferListener listener, Attempt attempt, HttpTransport transport, Link link) {
    this.listener = listener;
    this.attempt = attempt;
    this.transport = transport;
    this.link = link;
    this.requests = new RequestBuilder(listener, attempt, transport, link);
    this.responses = new ResponseReader(listener, link);
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

    // 3. Build the request: the app's and the session's headers; Range + If-Range to continue a
    //    download; an upload announces resumable uploads, or continues one (HEAD, then PATCH).
    RequestBuilder.Exchange exchange = requests.prepare(start);

    // 4. Send. The body (if any) streams from its source through the link's throttle.
    HttpUriRequestBase request = exchange.request();
    attempt.setExchange(request);
    listener.requestSent(HttpMessages.requestInfo(request, exchange.target(start)));
    try (ClassicHttpResponse response =
        transport.client().executeOpen(null, request, exchange.context())) {
      ResponseInfo info = HttpMessages.responseInfo(response, exchange.responseUrl(start));

      // 5. Receive. Downloads go to the daemon-owned file, after checking a ranged answer;
      //    data and upload tasks hand the body to the app in chunks.
      if (start.kind() == TaskKind.DOWNLOAD) {
        responses.receiveDownload(start, response, info);
        // 6. Finish: DidWriteData (last), DidFinishDownloading(file), DidComplete(null).
        listener.finishDownload();
      } else {
        if (exchange.append()) {
          ResponseReader.refuseMovedOffset(response);
        }
        listener.responseReceived(info);
        responses.receiveData(response);
        // 6. Finish: DidComplete(null), whatever the status code (rule 17).
        listener.finishData();
      }
    }
  }
}
