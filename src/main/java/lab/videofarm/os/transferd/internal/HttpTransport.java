package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The daemon's HTTP client: Apache HttpClient 5 classic, used from the daemon's worker threads.
 *
 * <p>Content compression is off, so byte offsets in Range requests and resume data mean bytes of
 * the resource. Socket timeouts are off as well: the daemon's own idle timer
 * (timeoutIntervalForRequest, on the device clock) decides when a silent connection has failed.
 * Redirects are followed.
 *
 * <p>The pool itself sets no useful limit: the scheduler admits a task only once its session has a
 * connection to the host free ({@link HostConnections}), so no exchange waits in the pool, where
 * its request timer would run with no byte to wait for.
 *
 * <p>Informational (1xx) responses, such as a resumable upload's {@code 104 Upload Resumption
 * Supported}, reach the {@link InformationalListener} set on the exchange's context with {@link
 * #listenForInformationalResponses}. The classic client reads them while it waits to send a body
 * that asked for {@code Expect: 100-continue}, so they arrive before the body goes out.
 */
final class HttpTransport implements AutoCloseable {
  /** Hears the 1xx responses of one exchange, on the worker thread that runs it. */
  @FunctionalInterface
  interface InformationalListener {
    void informational(HttpResponse response);
  }

  private static final String INFORMATIONAL_LISTENER =
      InformationalListener.class.getName() + ".listener";

  /** Far above any session's connections per host: the scheduler does the limiting. */
  private static final int POOL_LIMIT = 10_000;

  private final CloseableHttpClient client;

  /** Hands the 1xx responses of the exchange that uses {@code context} to {@code listener}. */
  static void listenForInformationalResponses(HttpContext context, InformationalListener listener) {
    context.setAttribute(INFORMATIONAL_LISTENER, listener);
  }

  static final int RECEIVE_BUFFER_BYTES = 256 * 1024;

  HttpTransport() {
    client =
        HttpClients.custom()
            .disableContentCompression()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(POOL_LIMIT)
                    .setMaxConnPerRoute(POOL_LIMIT)
                    // A bounded receive buffer: what sat in it when a connection is cut (a pause,
                    // a kill) is fetched again; the kernel would grow it to tens of MiB.
                    .setDefaultSocketConfig(
                        SocketConfig.custom().setRcvBufSize(RECEIVE_BUFFER_BYTES).build())
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(10))
                            .setSocketTimeout(Timeout.DISABLED)
                            .setValidateAfterInactivity(TimeValue.ofMilliseconds(500))
                            .build())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setRedirectsEnabled(true)
                    .setResponseTimeout(Timeout.DISABLED)
                    .build())
            .evictIdleConnections(TimeValue.of(30, TimeUnit.SECONDS))
            .setRetryStrategy(new StaleConnectionRetry())
            .setRequestExecutor(new InformingRequestExecutor())
            .build();
  }

  /**
   * The client's own request executor, which also tells the exchange's listener about every
   * informational response. HttpClient keeps 1xx responses to itself otherwise (it only looks for
   * 101 Switching Protocols).
   */
  private static final class InformingRequestExecutor extends HttpRequestExecutor {
    @Override
    public ClassicHttpResponse execute(
        ClassicHttpRequest request,
        HttpClientConnection connection,
        HttpResponseInformationCallback informationCallback,
        HttpContext context)
        throws IOException, HttpException {
      HttpResponseInformationCallback relay =
          (response, conn, callbackContext) -> {
            if (context.getAttribute(INFORMATIONAL_LISTENER)
                instanceof InformationalListener listener) {
              listener.informational(response);
            }
            if (informationCallback != null) {
              informationCallback.execute(response, conn, callbackContext);
            }
          };
      return super.execute(request, connection, relay, context);
    }
  }

  /**
   * Retries once, and only a request the server never answered on a reused connection (a stale
   * keep-alive). Every other failure goes back to the daemon, which decides between retrying,
   * waiting and failing as Apple does; an automatic resend here would hide it.
   */
  private static final class StaleConnectionRetry implements HttpRequestRetryStrategy {
    @Override
    public boolean retryRequest(
        HttpRequest request, IOException exception, int execCount, HttpContext context) {
      // A resumable upload is never resent from its first byte: the daemon continues it from the
      // offset the server reports (rules 35-37).
      return execCount <= 1
          && exception instanceof NoHttpResponseException
          && !request.containsHeader(ResumableUploadInterop3.VERSION_HEADER);
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
      return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
      return TimeValue.ZERO_MILLISECONDS;
    }
  }

  CloseableHttpClient client() {
    return client;
  }

  @Override
  public void close() throws IOException {
    client.close(CloseMode.IMMEDIATE);
  }
}
