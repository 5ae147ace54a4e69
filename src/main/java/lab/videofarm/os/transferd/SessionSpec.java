package lab.videofarm.os.transferd;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A session as the daemon needs to know it: a copy of the configuration, taken when the app created
 * the session.
 *
 * @param bundleId the app that owns the session
 * @param launch the app launch (process) that is connecting, starting at 1
 * @param identifier the background identifier, or null for a default or ephemeral session
 * @param timeoutIntervalForRequest idle timeout, reset by every byte
 * @param timeoutIntervalForResource bound on a whole transfer, retries included
 * @param waitsForConnectivity wait while offline instead of failing with -1009 (always true in the
 *     background)
 * @param sessionSendsLaunchEvents relaunch the app when its tasks finish
 * @param discretionary the system may delay transfers for better conditions
 * @param additionalHeaders headers added to every request that does not set them itself
 * @param httpMaximumConnectionsPerHost how many of the session's tasks may talk to one host at
 *     once; the others wait for a connection, and their request timer does not run while they do
 */
public record SessionSpec(
    String bundleId,
    int launch,
    String identifier,
    Duration timeoutIntervalForRequest,
    Duration timeoutIntervalForResource,
    boolean waitsForConnectivity,
    boolean sessionSendsLaunchEvents,
    boolean discretionary,
    List<HttpHeader> additionalHeaders,
    int httpMaximumConnectionsPerHost) {

  /** Apple's default on iOS. */
  public static final int DEFAULT_MAXIMUM_CONNECTIONS_PER_HOST = 6;

  public SessionSpec {
    Objects.requireNonNull(bundleId, "bundleId");
    Objects.requireNonNull(timeoutIntervalForRequest, "timeoutIntervalForRequest");
    Objects.requireNonNull(timeoutIntervalForResource, "timeoutIntervalForResource");
    additionalHeaders = List.copyOf(additionalHeaders);
    if (httpMaximumConnectionsPerHost < 1) {
      throw new IllegalArgumentException(
          "httpMaximumConnectionsPerHost must be at least 1: " + httpMaximumConnectionsPerHost);
    }
  }

  /** A session with Apple's default connections per host. */
  public SessionSpec(
      String bundleId,
      int launch,
      String identifier,
      Duration timeoutIntervalForRequest,
      Duration timeoutIntervalForResource,
      boolean waitsForConnectivity,
      boolean sessionSendsLaunchEvents,
      boolean discretionary,
      List<HttpHeader> additionalHeaders) {
    this(
        bundleId,
        launch,
        identifier,
        timeoutIntervalForRequest,
        timeoutIntervalForResource,
        waitsForConnectivity,
        sessionSendsLaunchEvents,
        discretionary,
        additionalHeaders,
        DEFAULT_MAXIMUM_CONNECTIONS_PER_HOST);
  }

  public boolean isBackground() {
    return identifier != null;
  }
}
