package lab.videofarm.os.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
}
