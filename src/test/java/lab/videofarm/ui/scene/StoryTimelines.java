package lab.videofarm.ui.scene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.story.Stories;
import lab.videofarm.story.StoryResult;

/**
 * Real timelines, captured by playing the README's stories on a real phone against the real sample
 * server; each story is played once per test run.
 */
public final class StoryTimelines {
  private static final Map<String, List<TimelineEvent>> PLAYED = new ConcurrentHashMap<>();

  private StoryTimelines() {}

  /** The timeline of {@code story}: {@code download}, {@code upload} or {@code force-quit}. */
  public static synchronized List<TimelineEvent> of(String story) {
    return PLAYED.computeIfAbsent(story, StoryTimelines::play);
  }

  private static List<TimelineEvent> play(String story) {
    try {
      Path root = Files.createTempDirectory("videofarm-scene-" + story);
      try {
        StoryResult result = Stories.run(story, root);
        if (!result.succeeded()) {
          throw new IllegalStateException(story + " failed: " + result.failures());
        }
        return result.timeline();
      } finally {
        deleteTree(root);
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not play " + story, e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** The first event that matches, searching forward. */
  public static TimelineEvent first(List<TimelineEvent> events, Predicate<TimelineEvent> match) {
    return events.stream()
        .filter(match)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no such event on the timeline"));
  }

  /** Matches {@code what} on {@code layer}. */
  public static Predicate<TimelineEvent> event(Layer layer, String what) {
    return e -> e.layer() == layer && e.what().equals(what);
  }

  /** The device's event that ends launch {@code launch}. */
  public static Predicate<TimelineEvent> killOf(int launch) {
    return e ->
        e.layer() == Layer.DEVICE
            && e.what().equals("app state")
            && e.launch() == launch
            && e.detail().contains("-> NOT_RUNNING");
  }

  /** The scene just after {@code event}. */
  public static Scene sceneAfter(List<TimelineEvent> events, TimelineEvent event) {
    SceneHistory history = new SceneHistory();
    history.append(events);
    return history.sceneAt(event.sequence());
  }

  /** The scene just before {@code event}. */
  public static Scene sceneBefore(List<TimelineEvent> events, TimelineEvent event) {
    SceneHistory history = new SceneHistory();
    history.append(events);
    return history.sceneAt(event.sequence() - 1);
  }
}
