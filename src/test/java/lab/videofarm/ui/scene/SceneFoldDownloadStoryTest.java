package lab.videofarm.ui.scene;

import static lab.videofarm.ui.scene.StoryTimelines.event;
import static lab.videofarm.ui.scene.StoryTimelines.first;
import static lab.videofarm.ui.scene.StoryTimelines.killOf;
import static lab.videofarm.ui.scene.StoryTimelines.sceneAfter;
import static lab.videofarm.ui.scene.StoryTimelines.sceneBefore;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lab.videofarm.os.AppState;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.ui.scene.AppSession.CompletionHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scene folded from the download story's real timeline, at the moments a lesson stops at. */
class SceneFoldDownloadStoryTest {
  private static final String BACKGROUND = "lab.videofarm.app.background";
  private static List<TimelineEvent> story;

  @BeforeAll
  static void playTheStory() {
    story = StoryTimelines.of("download");
  }

  @Test
  void justBeforeTheKillTheFirstLaunchHoldsTheSessionTheDaemonIsDownloadingFor() {
    Scene scene = sceneBefore(story, first(story, killOf(1)));

    AppLaunch launch = scene.launch(1);
    assertThat(launch.alive()).isTrue();
    assertThat(launch.state()).isEqualTo(AppState.FOREGROUND);
    assertThat(launch.session(BACKGROUND).detached()).isFalse();
    assertThat(launch.records())
        .extracting(AppRecord::kind)
        .containsExactly(AppRecord.Kind.DOWNLOAD);
    DaemonSession session = scene.session(BACKGROUND);
    assertThat(session.attachedLaunch()).isEqualTo(1);
    DaemonTask movie = session.task(1);
    assertThat(movie.kind()).isEqualTo(TaskKind.DOWNLOAD);
    assertThat(movie.state()).isEqualTo(TaskState.RUNNING);
    assertThat(movie.expected()).isEqualTo(1_048_576);
    assertThat(movie.bytes()).isPositive().isLessThan(movie.expected());
  }

  @Test
  void afterTheKillTheAppSideIsGoneAndTheDaemonKeepsTheTaskRunningWithNoAppAttached() {
    TimelineEvent detached =
        first(
            story,
            event(Layer.DAEMON, "session detached").and(e -> e.sessionId().equals(BACKGROUND)));
    Scene scene = sceneAfter(story, detached);

    AppLaunch launch = scene.launch(1);
    assertThat(launch.alive()).isFalse();
    assertThat(launch.endReason()).isEqualTo("terminated by the system");
    assertThat(launch.sessions()).allMatch(AppSession::detached);
    assertThat(scene.session(BACKGROUND).attached()).isFalse();
    assertThat(scene.task(BACKGROUND, 1).state()).isEqualTo(TaskState.RUNNING);
  }

  @Test
  void whenTheDownloadEndsWithNoAppTheDaemonQueuesBothEventsAndAsksForARelaunch() {
    TimelineEvent relaunch = first(story, event(Layer.DAEMON, "relaunch requested"));
    Scene scene = sceneAfter(story, relaunch);

    DaemonSession session = scene.session(BACKGROUND);
    assertThat(session.queue())
        .extracting(QueuedEvent::name)
        .containsExactly("DidFinishDownloading", "DidComplete");
    assertThat(session.relaunchRequested()).isTrue();
    assertThat(session.task(1).state()).isEqualTo(TaskState.COMPLETED);
    assertThat(session.task(1).fraction()).isEqualTo(1.0);
    assertThat(scene.apps().get("lab.videofarm.VideoFarm").relaunches()).isEqualTo(1);
  }

  @Test
  void afterTheRelinkTheNewLaunchHoldsTheRecordFromTheArchiveAndTheQueueIsStillWaiting() {
    Scene scene = sceneAfter(story, first(story, event(Layer.SESSION, "session relinked")));

    AppLaunch launch = scene.launch(2);
    assertThat(launch.alive()).isTrue();
    assertThat(launch.inBackground()).isTrue();
    assertThat(launch.reason()).isEqualTo("URL_SESSION_EVENTS");
    assertThat(launch.session(BACKGROUND).relinked()).isTrue();
    assertThat(launch.session(BACKGROUND).relinkedTasks()).containsExactly(1L);
    assertThat(launch.restored()).containsEntry("downloads.json", 1);
    AppRecord record = launch.records().get(0);
    assertThat(record.source()).isEqualTo("downloads.json");
    assertThat(record.videoId()).isEqualTo(scene.launch(1).records().get(0).videoId()).isNotEmpty();
    assertThat(scene.session(BACKGROUND).attachedLaunch()).isEqualTo(2);
    assertThat(scene.session(BACKGROUND).queue()).hasSize(2);
  }

  @Test
  void whenTheStoryEndsTheQueueIsEmptyAndTheCompletionHandlerWasCalled() {
    Scene scene = sceneAfter(story, story.get(story.size() - 1));

    assertThat(scene.session(BACKGROUND).queue()).isEmpty();
    AppSession session = scene.launch(2).session(BACKGROUND);
    assertThat(session.handler()).isEqualTo(CompletionHandler.CALLED);
    assertThat(scene.launch(2).records().get(0).state()).isEqualTo("downloaded");
  }
}
