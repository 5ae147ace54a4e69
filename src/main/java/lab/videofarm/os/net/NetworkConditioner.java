package lab.videofarm.os.net;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;

/**
 * The simulated device's network: online or offline, bandwidth, latency, and a button that breaks
 * every open connection. It only describes the network; the transfer daemon reads it and applies it
 * to its own connections (bandwidth in its copy loop, latency before each request, offline and
 * drops by breaking connections).
 *
 * <p>Every change is posted on the timeline ({@link Layer#NETWORK}) and then told to the listeners,
 * on the thread that made the change, outside the conditioner's lock. Listeners must be quick.
 *
 * <p>Bandwidth and latency are applied in real time, not device time: the bytes move over real
 * loopback sockets, and a manual clock in a test should not stall them.
 */
public final class NetworkConditioner {

  /** Told about every change. */
  @FunctionalInterface
  public interface Listener {
    void networkChanged(NetworkConditions conditions, Change change);
  }

  /** What kind of change happened. */
  public enum Change {
    WENT_ONLINE,
    WENT_OFFLINE,
    SHAPED,
    CONNECTIONS_DROPPED
  }

  private final Timeline timeline;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  /** Guarded by {@code this}. */
  private NetworkConditions conditions =
      new NetworkConditions(true, null, NetworkConditions.UNLIMITED, Duration.ZERO, 0);

  /** Starts online, with no bandwidth limit and no latency. */
  public NetworkConditioner(Timeline timeline) {
    this.timeline = Objects.requireNonNull(timeline, "timeline");
  }

  public synchronized NetworkConditions conditions() {
    return conditions;
  }

  public boolean isOnline() {
    return conditions().online();
  }

  public void setOnline(boolean online) {
    NetworkConditions before;
    NetworkConditions now;
    synchronized (this) {
      before = conditions;
      now =
          update(
              c ->
                  c.online() == online
                      ? c
                      : new NetworkConditions(
                          online, c.preset(), c.bytesPerSecond(), c.latency(), c.dropGeneration()));
    }
    if (now != before) {
      publish(now, online ? Change.WENT_ONLINE : Change.WENT_OFFLINE);
    }
  }

  /** Applies a preset's bandwidth and latency. */
  public void apply(NetworkPreset preset) {
    NetworkConditions now =
        update(
            c ->
                new NetworkConditions(
                    c.online(),
                    preset,
                    preset.bytesPerSecond(),
                    preset.latency(),
                    c.dropGeneration()));
    publish(now, Change.SHAPED);
  }

  /**
   * Sets a custom bandwidth in bytes per second: {@link NetworkConditions#UNLIMITED} for none, 0 to
   * let nothing through.
   */
  public void setBandwidth(long bytesPerSecond) {
    NetworkConditions now =
        update(
            c ->
                new NetworkConditions(
                    c.online(), null, bytesPerSecond, c.latency(), c.dropGeneration()));
    publish(now, Change.SHAPED);
  }

  /** Sets a custom delay before each request. */
  public void setLatency(Duration latency) {
    NetworkConditions now =
        update(
            c ->
                new NetworkConditions(
                    c.online(), null, c.bytesPerSecond(), latency, c.dropGeneration()));
    publish(now, Change.SHAPED);
  }

  /** Back to online, unlimited, no latency. */
  public void reset() {
    setOnline(true);
    NetworkConditions now =
        update(
            c ->
                new NetworkConditions(
                    true, null, NetworkConditions.UNLIMITED, Duration.ZERO, c.dropGeneration()));
    publish(now, Change.SHAPED);
  }

  /** Breaks every connection open right now, once; new connections work as before. */
  public void dropConnectionsNow() {
    NetworkConditions now =
        update(
            c ->
                new NetworkConditions(
                    c.online(),
                    c.preset(),
                    c.bytesPerSecond(),
                    c.latency(),
                    c.dropGeneration() + 1));
    publish(now, Change.CONNECTIONS_DROPPED);
  }

  /** The one place the conditions change: under the lock, returning what they became. */
  private synchronized NetworkConditions update(UnaryOperator<NetworkConditions> change) {
    conditions = change.apply(conditions);
    return conditions;
  }

  /** Adds a listener; close the handle to remove it. */
  public AutoCloseable addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return () -> listeners.remove(listener);
  }

  private void publish(NetworkConditions now, Change change) {
    String what =
        switch (change) {
          case WENT_ONLINE -> "online";
          case WENT_OFFLINE -> "offline";
          case SHAPED -> "shaped";
          case CONNECTIONS_DROPPED -> "connections dropped";
        };
    timeline.post(
        Layer.NETWORK,
        TimelineEvent.NO_LAUNCH,
        "",
        TimelineEvent.NO_TASK,
        what,
        now.label(),
        change == Change.WENT_OFFLINE || change == Change.CONNECTIONS_DROPPED
            ? TimelineEvent.Severity.WARNING
            : TimelineEvent.Severity.INFO);
    for (Listener listener : listeners) {
      listener.networkChanged(now, change);
    }
  }
}
