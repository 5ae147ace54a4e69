package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
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
 */
final class HttpTransport implements AutoCloseable {
  private final CloseableHttpClient client;

  HttpTransport() {
    client =
        HttpClients.custom()
            .disableContentCompression()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(64)
                    .setMaxConnPerRoute(32)
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
            .build();
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
      return execCount <= 1 && exception instanceof NoHttpResponseException;
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
