package lab.videofarm.ui.scene;

import static lab.videofarm.ui.scene.StoryTimelines.event;
import static lab.videofarm.ui.scene.StoryTimelines.first;
import static lab.videofarm.ui.scene.StoryTimelines.sceneAfter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.ui.scene.AppSession.CompletionHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scene folded from the upload story's real timeline. */
class SceneFoldUploadStoryTest {
  private static final String BACKGROUND = "lab.videofarm.app.background";
  private static List<TimelineEvent> story;

  @BeforeAll
  static void playTheStory() {
    story = StoryTimelines.of("upload");
  }

  @Test
  void theUploadCountsTheBytesItSends() {
    Scene scene = sceneAfter(story, first(story, event(Layer.DEVICE, "willTerminate")));

    DaemonTask upload = scene.task(BACKGROUND, 1);
    assertThat(upload.kind()).isEqualTo(TaskKind.UPLOAD);
    assertThat(upload.expected()).isEqualTo(1_048_576);
    assertThat(upload.bytes()).isPositive();
  }

  @Test
  void theServersAnswerWaitsInTheQueueWhileNoAppIsThere() {
    Scene scene = sceneAfter(story, first(story, event(Layer.DAEMON, "relaunch requested")));

    assertThat(scene.session(BACKGROUND).queue())
        .extracting(QueuedEvent::name)
        .containsExactly("DidReceiveResponse", "DidComplete");
  }

  @Test
  void theRelaunchRestoresTheUploadRecordAndCallsTheCompletionHandler() {
    Scene scene = sceneAfter(story, story.get(story.size() - 1));

    AppLaunch launch = scene.launch(2);
    assertThat(launch.records()).hasSize(1);
    assertThat(launch.records().get(0).kind()).isEqualTo(AppRecord.Kind.UPLOAD);
    assertThat(launch.records().get(0).source()).isEqualTo("uploads.json");
    assertThat(launch.records().get(0).state()).isEqualTo("uploaded");
    assertThat(launch.session(BACKGROUND).handler()).isEqualTo(CompletionHandler.CALLED);
  }
}
