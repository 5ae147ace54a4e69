package lab.videofarm.os.net;

import java.time.Duration;

/**
 * Named link profiles, after Apple's Network Link Conditioner. Figures are the downlink of the
 * macOS profiles, rounded; one number serves both directions to keep the simulation simple.
 */
public enum NetworkPreset {
  /** A good home Wi-Fi: 40 Mbit/s, 2 ms. */
  WIFI(5_000_000, Duration.ofMillis(2)),
  /** 4G: 12 Mbit/s, 50 ms. */
  LTE(1_500_000, Duration.ofMillis(50)),
  /** 3G: 780 kbit/s, 100 ms. */
  THREE_G(97_500, Duration.ofMillis(100)),
  /** EDGE: 240 kbit/s, 400 ms. */
  EDGE(30_000, Duration.ofMillis(400)),
  /**
   * Every packet lost: the link is "up" but nothing gets through. Connections open and then starve,
   * so transfers end only by their request timeout. Unlike offline, nobody is told.
   */
  LOSS_100(0, Duration.ofMillis(100));

  private final long bytesPerSecond;
  private final Duration latency;

  NetworkPreset(long bytesPerSecond, Duration latency) {
    this.bytesPerSecond = bytesPerSecond;
    this.latency = latency;
  }

  /** Bandwidth in bytes per second; 0 means nothing flows. */
  public long bytesPerSecond() {
    return bytesPerSecond;
  }

  /** Delay added before each request. */
  public Duration latency() {
    return latency;
  }
}
