package lab.videofarm.os.net;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
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
 * outside the conditioner's lock, in the order the changes were made, also when two threads make
 * them at once. A change returns once it has been told, usually by its own thread. Listeners must
 * be quick, and nobody should change the network while holding a lock a listener takes (the
 * listener would wait for that lock while the change waits for the listener).
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

  /** Guarded by {@code this}. Changes made but not yet told, oldest first. */
  private final Deque<Notice> untold = new ArrayDeque<>();

  /** Held by the one thread that tells listeners; never held while taking {@code this}. */
  private final ReentrantLock telling = new ReentrantLock();

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
    change(
        online ? Change.WENT_ONLINE : Change.WENT_OFFLINE,
        c ->
            c.online() == online
                ? c
                : new NetworkConditions(
                    online, c.preset(), c.bytesPerSecond(), c.latency(), c.dropGeneration()));
  }

  /** Applies a preset's bandwidth and latency. */
  public void apply(NetworkPreset preset) {
    change(
        Change.SHAPED,
        c ->
            new NetworkConditions(
                c.online(), preset, preset.bytesPerSecond(), preset.latency(), c.dropGeneration()));
  }

  /**
   * Sets a custom bandwidth in bytes per second: {@link NetworkConditions#UNLIMITED} for none, 0 to
   * let nothing through.
   */
  public void setBandwidth(long bytesPerSecond) {
    change(
        Change.SHAPED,
        c ->
            new NetworkConditions(
                c.online(), null, bytesPerSecond, c.latency(), c.dropGeneration()));
  }

  /** Sets a custom delay before each request. */
  public void setLatency(Duration latency) {
    change(
        Change.SHAPED,
        c ->
            new NetworkConditions(
                c.online(), null, c.bytesPerSecond(), latency, c.dropGeneration()));
  }

  /** Back to online, unlimited, no latency. */
  public void reset() {
    setOnline(true);
    change(
        Change.SHAPED,
        c ->
            new NetworkConditions(
                true, null, NetworkConditions.UNLIMITED, Duration.ZERO, c.dropGeneration()));
  }

  /** Breaks every connection open right now, once; new connections work as before. */
  public void dropConnectionsNow() {
    change(
        Change.CONNECTIONS_DROPPED,
        c ->
            new NetworkConditions(
                c.online(), c.preset(), c.bytesPerSecond(), c.latency(), c.dropGeneration() + 1));
  }

  /** Adds a listener; close the handle to remove it. */
  public AutoCloseable addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return () -> listeners.remove(listener);
  }

  /**
   * The one place the conditions change: under the lock, where the change also takes its place in
   * the queue of changes to tell. A change that leaves the conditions as they were is not told.
   */
  private void change(Change kind, UnaryOperator<NetworkConditions> how) {
    synchronized (this) {
      NetworkConditions next = how.apply(conditions);
      if (next == conditions) {
        return;
      }
      conditions = next;
      untold.add(new Notice(next, kind));
    }
    tellListeners();
  }

  /**
   * Tells every untold change, oldest first. One thread tells at a time, so when two threads change
   * the network at once the listeners still hear the changes in the order they were made; the
   * second thread waits until its change has been told. A listener that changes the network while
   * being told returns at once: its change is told right after the current one.
   */
  private void tellListeners() {
    if (telling.isHeldByCurrentThread()) {
      return;
    }
    telling.lock();
    try {
      for (Notice next = nextUntold(); next != null; next = nextUntold()) {
        publish(next.conditions(), next.change());
      }
    } finally {
      telling.unlock();
    }
  }

  private synchronized Notice nextUntold() {
    return untold.poll();
  }

  private record Notice(NetworkConditions conditions, Change change) {}

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
