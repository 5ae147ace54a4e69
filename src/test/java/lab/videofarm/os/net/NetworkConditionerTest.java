package lab.videofarm.os.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

class NetworkConditionerTest {
  private final Timeline timeline = new Timeline(new ManualClock());
  private final NetworkConditioner network = new NetworkConditioner(timeline);

  @Test
  void startsOnlineAndUnlimited() {
    assertThat(network.isOnline()).isTrue();
    assertThat(network.conditions().isUnlimited()).isTrue();
    assertThat(network.conditions().latency()).isZero();
  }

  @Test
  void goingOfflineTellsListenersAndTheTimeline() {
    List<NetworkConditioner.Change> changes = new ArrayList<>();
    network.addListener((conditions, change) -> changes.add(change));

    network.setOnline(false);
    network.setOnline(false);
    network.setOnline(true);

    assertThat(changes)
        .containsExactly(
            NetworkConditioner.Change.WENT_OFFLINE, NetworkConditioner.Change.WENT_ONLINE);
    assertThat(timeline.events())
        .filteredOn(event -> event.layer() == Layer.NETWORK)
        .extracting(TimelineEvent::what)
        .containsExactly("offline", "online");
  }

  @Test
  void aPresetSetsBandwidthAndLatency() {
    network.apply(NetworkPreset.EDGE);

    assertThat(network.conditions().preset()).isEqualTo(NetworkPreset.EDGE);
    assertThat(network.conditions().bytesPerSecond())
        .isEqualTo(NetworkPreset.EDGE.bytesPerSecond());
    assertThat(network.conditions().latency()).isEqualTo(NetworkPreset.EDGE.latency());
    assertThat(network.conditions().label()).isEqualTo("online EDGE");
  }

  @Test
  void customShapingForgetsThePreset() {
    network.apply(NetworkPreset.LTE);
    network.setBandwidth(12_345);
    network.setLatency(Duration.ofMillis(7));

    assertThat(network.conditions().preset()).isNull();
    assertThat(network.conditions().bytesPerSecond()).isEqualTo(12_345);
    assertThat(network.conditions().label()).isEqualTo("online 12345 B/s 7 ms");
  }

  @Test
  void dropIsAOneShotThatLeavesTheNetworkOnline() {
    List<NetworkConditions> seen = new ArrayList<>();
    network.addListener((conditions, change) -> seen.add(conditions));

    network.dropConnectionsNow();

    assertThat(seen).singleElement().satisfies(c -> assertThat(c.dropGeneration()).isEqualTo(1));
    assertThat(network.isOnline()).isTrue();
  }

  @Test
  void aClosedListenerHearsNothing() throws Exception {
    List<NetworkConditioner.Change> changes = new ArrayList<>();
    AutoCloseable handle = network.addListener((conditions, change) -> changes.add(change));
    handle.close();

    network.setOnline(false);

    assertThat(changes).isEmpty();
  }

  @Test
  void twoChangesMadeAtOnceReachTheListenersInTheOrderTheyWereMade() throws Exception {
    CountDownLatch offlineBeingTold = new CountDownLatch(1);
    CountDownLatch releaseOffline = new CountDownLatch(1);
    network.addListener(
        (conditions, change) -> {
          if (change == NetworkConditioner.Change.WENT_OFFLINE) {
            offlineBeingTold.countDown();
            awaitQuietly(releaseOffline);
          }
        });
    List<NetworkConditioner.Change> heard = new CopyOnWriteArrayList<>();
    network.addListener((conditions, change) -> heard.add(change));
    Thread goesOffline = new Thread(() -> network.setOnline(false), "goes offline");
    goesOffline.start();
    assertThat(offlineBeingTold.await(10, TimeUnit.SECONDS)).isTrue();

    Thread comesBack = new Thread(() -> network.setOnline(true), "comes back");
    comesBack.start();
    await().until(() -> comesBack.getState() != Thread.State.RUNNABLE);
    releaseOffline.countDown();
    goesOffline.join(10_000);
    comesBack.join(10_000);

    assertThat(heard)
        .containsExactly(
            NetworkConditioner.Change.WENT_OFFLINE, NetworkConditioner.Change.WENT_ONLINE);
    assertThat(network.isOnline()).isTrue();
  }

  @Test
  void aListenerThatChangesTheNetworkIsToldItsChangeAfterTheCurrentOne() {
    List<String> heard = new ArrayList<>();
    network.addListener(
        (conditions, change) -> {
          if (change == NetworkConditioner.Change.WENT_OFFLINE) {
            network.setOnline(true);
          }
        });
    network.addListener((conditions, change) -> heard.add(change + " " + conditions.label()));

    network.setOnline(false);

    assertThat(heard).containsExactly("WENT_OFFLINE offline", "WENT_ONLINE online unlimited 0 ms");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
