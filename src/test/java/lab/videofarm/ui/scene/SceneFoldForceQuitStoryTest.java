package lab.videofarm.ui.scene;

import static lab.videofarm.ui.scene.StoryTimelines.event;
import static lab.videofarm.ui.scene.StoryTimelines.first;
import static lab.videofarm.ui.scene.StoryTimelines.killOf;
import static lab.videofarm.ui.scene.StoryTimelines.sceneAfter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.transferd.TaskState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scene folded from the force-quit story's real timeline. */
class SceneFoldForceQuitStoryTest {
  private static final String BACKGROUND = "lab.videofarm.app.background";
  private static List<TimelineEvent> story;

  @BeforeAll
  static void playTheStory() {
    story = StoryTimelines.of("force-quit");
  }

  @Test
  void aForceQuitEndsTheLaunchForTheReasonTheUserGave() {
    Scene scene = sceneAfter(story, first(story, killOf(1)));

    assertThat(scene.launch(1).alive()).isFalse();
    assertThat(scene.launch(1).endReason()).isEqualTo("force-quit by the user");
  }

  @Test
  void theDaemonMarksTheAppForceQuitUntilTheUserLaunchesItAgain() {
    Scene quit = sceneAfter(story, first(story, event(Layer.DAEMON, "force quit")));
    Scene relaunched =
        sceneAfter(story, first(story, event(Layer.DEVICE, "launch").and(e -> e.launch() == 2)));

    assertThat(quit.apps().get("lab.videofarm.VideoFarm").forceQuit()).isTrue();
    assertThat(relaunched.apps().get("lab.videofarm.VideoFarm").forceQuit()).isFalse();
  }

  @Test
  void theCancelledTaskSaysTheUserForceQuitTheApp() {
    Scene scene = sceneAfter(story, first(story, event(Layer.DAEMON, "task failed")));

    DaemonTask movie = scene.task(BACKGROUND, 1);
    assertThat(movie.state()).isEqualTo(TaskState.COMPLETED);
    assertThat(movie.outcome()).contains("-999").contains("the user force-quit the app");
  }

  @Test
  void theUserLaunchRelinksTheTasksTheDaemonHeldAndTakesEveryWaitingEvent() {
    TimelineEvent relinked = first(story, event(Layer.SESSION, "session relinked"));
    Scene atRelink = sceneAfter(story, relinked);
    Scene delivered =
        sceneAfter(
            story,
            first(
                story,
                event(Layer.DAEMON, "events delivered")
                    .and(e -> e.sessionId().equals(BACKGROUND))
                    .and(e -> e.sequence() > relinked.sequence())));

    assertThat(atRelink.launch(2).reason()).isEqualTo("USER");
    // The thumbnail may have finished and been released before the force-quit: the session
    // relinks the movie and whatever else the daemon still held.
    assertThat(atRelink.launch(2).session(BACKGROUND).relinkedTasks())
        .contains(1L)
        .containsExactlyElementsOf(
            atRelink.session(BACKGROUND).tasks().stream().map(DaemonTask::taskId).toList());
    TimelineEvent attached =
        first(
            story,
            event(Layer.DAEMON, "session attached")
                .and(e -> e.sessionId().equals(BACKGROUND) && e.launch() == 2));
    int waiting = Integer.parseInt(attached.detail().split(" ")[1]);
    assertThat(atRelink.session(BACKGROUND).queue())
        .hasSize(waiting)
        .allMatch(q -> !q.name().isEmpty())
        .anyMatch(q -> q.taskId() == 1 && q.name().equals("DidComplete"));
    assertThat(delivered.session(BACKGROUND).queue()).isEmpty();
  }

  @Test
  void theDownloadResumedFromResumeDataIsANewTaskThatFinishes() {
    Scene scene =
        sceneAfter(
            story, first(story, event(Layer.DAEMON, "task finished").and(e -> e.taskId() == 3)));

    DaemonTask resumed = scene.task(BACKGROUND, 3);
    assertThat(resumed.fromResumeData()).isTrue();
    assertThat(resumed.outcome()).startsWith("finished HTTP 206");
  }

  @Test
  void onceTheAppIsToldTheTaskCompletedTheDaemonLetsItGo() {
    Scene scene = sceneAfter(story, story.get(story.size() - 1));

    assertThat(scene.task(BACKGROUND, 3)).isNull();
    assertThat(scene.launch(2).records())
        .anyMatch(r -> r.taskId() == 3 && r.state().equals("downloaded"));
  }
}
