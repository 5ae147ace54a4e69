package lab.videofarm.server.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import lab.videofarm.server.Faults;
import lab.videofarm.server.RecordedRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The outermost handler: numbers each request on arrival, meters its bodies, applies the
 * per-request faults to media requests (latency now, throttle and drop while bodies flow), and
 * records the exchange in the journal when it ends, however it ends.
 *
 * <p>Runs on a Jetty worker thread that may block (the default invocation type), which the latency
 * fault and the blocking upload copy rely on.
 */
final class RecordingHandler extends Handler.Abstract {
  private final VideoApi api;
  private final Faults faults;
  private final RequestJournal journal;
  private final Clock clock;
  private final Executor executor;
  private final AtomicLong sequence = new AtomicLong();

  RecordingHandler(
      VideoApi api, Faults faults, RequestJournal journal, Clock clock, Executor executor) {
    this.api = api;
    this.faults = faults;
    this.journal = journal;
    this.clock = clock;
    this.executor = executor;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long number = sequence.incrementAndGet();
    Instant receivedAt = clock.instant();
    MeteredRequest metered = new MeteredRequest(request);
    MeteredResponse meteredResponse = new MeteredResponse(metered, response, executor);
    Callback recording =
        Callback.from(
            () -> {
              record(number, receivedAt, metered, meteredResponse, false);
              callback.succeeded();
            },
            failure -> {
              record(number, receivedAt, metered, meteredResponse, true);
              callback.failed(failure);
            });
    if (VideoApi.isMedia(request) && answeredByFault(metered, meteredResponse, recording)) {
      return true;
    }
    api.handle(metered, meteredResponse, recording);
    return true;
  }

  /**
   * Applies the per-request faults to a media request: arms the body faults, waits out the latency,
   * and answers instead of the API when a fault stages the whole answer (a cut inside the headers,
   * a 503). Returns whether the request is answered.
   */
  private boolean answeredByFault(
      MeteredRequest request, MeteredResponse response, Callback recording) {
    response.applyFaults(faults);
    try {
      faults.awaitLatency();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      recording.failed(e);
      return true;
    }
    if (faults.cutsInsideHeaders()) {
      cutInsideHeaders(request, recording);
      return true;
    }
    String retryAfter = faults.serviceUnavailableRetryAfter();
    if (retryAfter == null) {
      return false;
    }
    response.getHeaders().put("Retry-After", retryAfter);
    try {
      api.writeJson(
          request,
          response,
          recording,
          503,
          Map.of("error", "unavailable", "message", "the server is staging a 503"));
    } catch (IOException e) {
      recording.failed(e);
    }
    return true;
  }

  /** Writes the first bytes of a status line and headers straight to the socket, then closes it. */
  private static void cutInsideHeaders(Request request, Callback recording) {
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    byte[] partial = "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Le".getBytes(US_ASCII);
    Callback closing =
        Callback.from(
            () -> {
              endPoint.close();
              recording.failed(new EofException("connection cut inside the headers"));
            },
            failure -> {
              endPoint.close();
              recording.failed(failure);
            });
    endPoint.write(closing, ByteBuffer.wrap(partial));
  }

  private void record(
      long number,
      Instant receivedAt,
      MeteredRequest request,
      MeteredResponse response,
      boolean failed) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers
          .computeIfAbsent(field.getLowerCaseName(), k -> new ArrayList<>())
          .add(field.getValue());
    }
    boolean sentStatus = !failed || response.isCommitted();
    journal.record(
        new RecordedRequest(
            number,
            request.getMethod(),
            request.getHttpURI().getPathQuery(),
            headers,
            sentStatus ? response.getStatus() : 0,
            response.bodyBytesSent(),
            request.bodyBytesReceived(),
            failed,
            receivedAt,
            clock.instant()));
  }
}
