package lab.videofarm.urlsession;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a session behaves. A session copies its configuration when it is created (rule 3): changing
 * this object afterwards affects only sessions created later.
 *
 * <p>Defaults are Apple's: request timeout 60 s (an idle timer), resource timeout 7 days, {@code
 * sessionSendsLaunchEvents} true, {@code isDiscretionary} false, {@code waitsForConnectivity} false
 * (background sessions wait anyway), {@code httpMaximumConnectionsPerHost} 6.
 */
public final class URLSessionConfiguration {
  private final String identifier;
  private Duration timeoutIntervalForRequest = Duration.ofSeconds(60);
  private Duration timeoutIntervalForResource = Duration.ofDays(7);
  private boolean waitsForConnectivity;
  private boolean sessionSendsLaunchEvents = true;
  private boolean discretionary;
  private Map<String, String> httpAdditionalHeaders = Map.of();
  private int httpMaximumConnectionsPerHost = 6;

  private URLSessionConfiguration(String identifier) {
    this.identifier = identifier;
  }

  /** A configuration for transfers that run while the app runs. */
  public static URLSessionConfiguration defaultConfiguration() {
    return new URLSessionConfiguration(null);
  }

  /**
   * A configuration for transfers the system carries on when the app is suspended or killed. Use
   * the same identifier in every launch to reconnect to the tasks (rule 1).
   */
  public static URLSessionConfiguration background(String identifier) {
    if (identifier == null || identifier.isEmpty()) {
      throw new IllegalArgumentException(
          "A background URLSessionConfiguration needs a non-empty identifier");
    }
    return new URLSessionConfiguration(identifier);
  }

  /** A field-by-field copy. */
  public URLSessionConfiguration copy() {
    URLSessionConfiguration copy = new URLSessionConfiguration(identifier);
    copy.timeoutIntervalForRequest = timeoutIntervalForRequest;
    copy.timeoutIntervalForResource = timeoutIntervalForResource;
    copy.waitsForConnectivity = waitsForConnectivity;
    copy.sessionSendsLaunchEvents = sessionSendsLaunchEvents;
    copy.discretionary = discretionary;
    copy.httpAdditionalHeaders = httpAdditionalHeaders;
    copy.httpMaximumConnectionsPerHost = httpMaximumConnectionsPerHost;
    return copy;
  }

  /** The background identifier, or null for a default configuration. */
  public String identifier() {
    return identifier;
  }

  public boolean isBackground() {
    return identifier != null;
  }

  public Duration timeoutIntervalForRequest() {
    return timeoutIntervalForRequest;
  }

  public void setTimeoutIntervalForRequest(Duration timeout) {
    this.timeoutIntervalForRequest = Objects.requireNonNull(timeout);
  }

  public Duration timeoutIntervalForResource() {
    return timeoutIntervalForResource;
  }

  public void setTimeoutIntervalForResource(Duration timeout) {
    this.timeoutIntervalForResource = Objects.requireNonNull(timeout);
  }

  public boolean waitsForConnectivity() {
    return waitsForConnectivity;
  }

  public void setWaitsForConnectivity(boolean waits) {
    this.waitsForConnectivity = waits;
  }

  public boolean sessionSendsLaunchEvents() {
    return sessionSendsLaunchEvents;
  }

  public void setSessionSendsLaunchEvents(boolean sends) {
    this.sessionSendsLaunchEvents = sends;
  }

  public boolean isDiscretionary() {
    return discretionary;
  }

  public void setDiscretionary(boolean discretionary) {
    this.discretionary = discretionary;
  }

  /** Headers added to every request that does not set them itself. */
  public Map<String, String> httpAdditionalHeaders() {
    return httpAdditionalHeaders;
  }

  public void setHttpAdditionalHeaders(Map<String, String> headers) {
    this.httpAdditionalHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * How many of the session's tasks talk to one host at once. The others wait for a connection, and
   * a task's request timeout starts only when it has one.
   */
  public int httpMaximumConnectionsPerHost() {
    return httpMaximumConnectionsPerHost;
  }

  public void setHttpMaximumConnectionsPerHost(int maximum) {
    if (maximum < 1) {
      throw new IllegalArgumentException(
          "httpMaximumConnectionsPerHost must be at least 1, not " + maximum);
    }
    this.httpMaximumConnectionsPerHost = maximum;
  }

  @Override
  public String toString() {
    return (identifier == null ? "default" : "background(" + identifier + ")")
        + " timeoutIntervalForRequest="
        + timeoutIntervalForRequest.toSeconds()
        + "s timeoutIntervalForResource="
        + timeoutIntervalForResource.toSeconds()
        + "s waitsForConnectivity="
        + waitsForConnectivity
        + " sessionSendsLaunchEvents="
        + sessionSendsLaunchEvents
        + " isDiscretionary="
        + discretionary
        + " httpMaximumConnectionsPerHost="
        + httpMaximumConnectionsPerHost;
  }
}
