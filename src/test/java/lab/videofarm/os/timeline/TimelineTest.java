package lab.videofarm.os.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private final ManualClock clock = new ManualClock();
  private final Timeline timeline = new Timeline(clock);

  @Test
  void eventsAreNumberedInPostingOrderAndStampedWithDeviceTime() {
    timeline.post(Layer.DEVICE, 1, "", TimelineEvent.NO_TASK, "launched", "user");
    clock.advance(Duration.ofSeconds(3));
    timeline.post(Layer.DAEMON, 1, "bg", 4, "task created", "");

    List<TimelineEvent> events = timeline.events();
    assertThat(events).extracting(TimelineEvent::sequence).containsExactly(1L, 2L);
    assertThat(events.get(1).time()).isEqualTo(events.get(0).time().plusSeconds(3));
  }

  @Test
  void lateSubscribersFirstSeeHistoryThenNewEvents() throws Exception {
    timeline.post(Layer.DEVICE, 1, "", TimelineEvent.NO_TASK, "launched", "");
    List<String> seen = new ArrayList<>();

    try (AutoCloseable subscription = timeline.subscribe(event -> seen.add(event.what()))) {
      timeline.post(Layer.DEVICE, 1, "", TimelineEvent.NO_TASK, "wentHome", "");
    }
    timeline.post(Layer.DEVICE, 1, "", TimelineEvent.NO_TASK, "suspended", "");

    assertThat(seen).containsExactly("launched", "wentHome");
  }

  @Test
  void anEventPrintsAsOneLineWithItsTags() {
    TimelineEvent event =
        timeline.post(
            Layer.DELEGATE,
            2,
            "com.videofarm.background",
            7,
            "didFinishDownloadingTo",
            "movie.tmp",
            Severity.WARNING);

    assertThat(event.toString())
        .isEqualTo(
            "#1 DELEGATE launch=2 session=com.videofarm.background task=7"
                + " didFinishDownloadingTo movie.tmp [WARNING]");
  }

  @Test
  void theOldestTenthIsDroppedWhenTheTimelineIsFull() {
    for (int i = 0; i < Timeline.CAPACITY + 1; i++) {
      timeline.post(Layer.DAEMON, 1, "", i, "tick", "");
    }

    List<TimelineEvent> events = timeline.events();
    assertThat(events).hasSize(Timeline.CAPACITY - Timeline.CAPACITY / 10 + 1);
    assertThat(events.get(events.size() - 1).sequence()).isEqualTo(Timeline.CAPACITY + 1);
  }
}
