package lab.videofarm.os.net;

import java.time.Duration;
import java.util.Objects;

/**
 * The network as it stands at one moment.
 *
 * @param online false when the device has no connectivity at all
 * @param preset the preset last applied, or null after a custom bandwidth or latency
 * @param bytesPerSecond bandwidth; {@link #UNLIMITED} for no limit, 0 when nothing flows
 * @param latency delay added before each request
 * @param dropGeneration counts {@link NetworkConditioner#dropConnectionsNow()} calls
 */
public record NetworkConditions(
    boolean online,
    NetworkPreset preset,
    long bytesPerSecond,
    Duration latency,
    long dropGeneration) {

  /** No bandwidth limit. */
  public static final long UNLIMITED = Long.MAX_VALUE;

  public NetworkConditions {
    Objects.requireNonNull(latency, "latency");
    if (bytesPerSecond < 0) {
      throw new IllegalArgumentException("bytesPerSecond < 0: " + bytesPerSecond);
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("negative latency: " + latency);
    }
  }

  public boolean isUnlimited() {
    return bytesPerSecond == UNLIMITED;
  }

  /**
   * A short label for views: {@code "online LTE"}, {@code "offline"}, {@code "online 100000 B/s 20
   * ms"}.
   */
  public String label() {
    if (!online) {
      return "offline";
    }
    if (preset != null) {
      return "online " + preset;
    }
    String rate = isUnlimited() ? "unlimited" : bytesPerSecond + " B/s";
    return "online " + rate + " " + latency.toMillis() + " ms";
  }
}
