package lab.videofarm.ui.scene;

import static lab.videofarm.ui.scene.StoryTimelines.first;
import static lab.videofarm.ui.scene.StoryTimelines.killOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.ui.inspector.DaemonInspectorPanel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The two views behind {@link lab.videofarm.ui.SceneView}, fed with a real timeline. */
class SceneViewsTest {
  private static List<TimelineEvent> story;

  @BeforeAll
  static void playTheStory() {
    story = StoryTimelines.of("download");
  }

  @Test
  void whileFollowingTheViewsCatchUpWithTheLastEvent() throws Exception {
    SceneViews views = onEdt(() -> new SceneViews());
    run(() -> views.appended(story.subList(0, 40)));
    run(() -> views.appended(story.subList(40, story.size())));

    long last = story.get(story.size() - 1).sequence();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> onEdt(() -> views.scene().sequence()) == last);
  }

  @Test
  void showingTheMomentBeforeTheKillScrubsBothViewsBack() throws Exception {
    SceneViews views = onEdt(() -> new SceneViews());
    long beforeKill = first(story, killOf(1)).sequence() - 1;

    run(
        () -> {
          views.appended(story);
          views.showAt(beforeKill);
        });

    assertThat(onEdt(() -> views.scene().launch(1).alive())).isTrue();
    JTable table = ((DaemonInspectorPanel) views.inspector()).table();
    assertThat(onEdt(() -> column(table, "App"))).contains("launch 1");
  }

  @Test
  void eventsAppendedWhileScrubbedBackLeaveTheChosenMomentOnScreen() throws Exception {
    SceneViews views = onEdt(() -> new SceneViews());
    run(
        () -> {
          views.appended(story.subList(0, 30));
          views.showAt(20);
          views.appended(story.subList(30, story.size()));
          views.settle();
        });

    assertThat(onEdt(() -> views.scene().sequence())).isEqualTo(20);
  }

  @Test
  void clearingEmptiesBothViews() throws Exception {
    SceneViews views = onEdt(() -> new SceneViews());
    run(
        () -> {
          views.appended(story);
          views.settle();
          views.clear();
        });

    assertThat(onEdt(views::scene)).isEqualTo(Scene.EMPTY);
    JTable table = ((DaemonInspectorPanel) views.inspector()).table();
    assertThat(onEdt(table::getRowCount)).isZero();
  }

  private static List<Object> column(JTable table, String name) {
    int column = table.getColumnModel().getColumnIndex(name);
    return java.util.stream.IntStream.range(0, table.getRowCount())
        .mapToObj(row -> table.getValueAt(row, column))
        .toList();
  }

  private static void run(Runnable work) throws Exception {
    SwingUtilities.invokeAndWait(work);
  }

  private static <T> T onEdt(Callable<T> work) throws Exception {
    Object[] result = new Object[1];
    Exception[] failure = new Exception[1];
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result[0] = work.call();
          } catch (Exception e) {
            failure[0] = e;
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }
}
