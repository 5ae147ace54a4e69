package lab.videofarm.ui.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scrubbing gives the scene a fold from the first event would give, at any point of history. */
class SceneHistoryTest {
  private static List<TimelineEvent> longTimeline;

  @BeforeAll
  static void repeatTheDownloadStoryPastSeveralCheckpoints() {
    List<TimelineEvent> story = StoryTimelines.of("download");
    longTimeline = new ArrayList<>();
    long sequence = 0;
    while (longTimeline.size() < 3 * SceneHistory.CHECKPOINT_EVERY + 17) {
      for (TimelineEvent e : story) {
        longTimeline.add(
            new TimelineEvent(
                ++sequence,
                e.time(),
                e.layer(),
                e.launch(),
                e.sessionId(),
                e.taskId(),
                e.what(),
                e.detail(),
                e.severity()));
      }
    }
  }

  @Test
  void aSceneInThePastEqualsTheFoldOfEveryEventUpToIt() {
    SceneHistory history = new SceneHistory();
    history.append(longTimeline);

    for (int count : new int[] {1, 999, 1000, 1001, 2500, 3000, 3001}) {
      SceneFold fold = new SceneFold();
      longTimeline.subList(0, count).forEach(fold::apply);
      assertThat(history.sceneAt(longTimeline.get(count - 1).sequence()))
          .as("after %d events", count)
          .isEqualTo(fold.snapshot());
    }
  }

  @Test
  void minusOneFollowsTheEnd() {
    SceneHistory history = new SceneHistory();
    history.append(longTimeline.subList(0, 50));
    history.append(longTimeline.subList(50, 80));

    assertThat(history.sceneAt(-1).sequence()).isEqualTo(80);
    assertThat(history.sceneAt(-1)).isEqualTo(history.latest());
  }

  @Test
  void eventsAlreadySeenAreNotFoldedTwice() {
    SceneHistory history = new SceneHistory();
    history.append(longTimeline.subList(0, 80));
    history.append(longTimeline.subList(40, 90));

    assertThat(history.size()).isEqualTo(90);
  }

  @Test
  void clearingForgetsEveryEvent() {
    SceneHistory history = new SceneHistory();
    history.append(longTimeline.subList(0, 80));
    history.clear();

    assertThat(history.size()).isZero();
    assertThat(history.latest()).isEqualTo(Scene.EMPTY);
  }
}
