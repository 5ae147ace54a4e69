package lab.videofarm.story;

import java.util.List;
import lab.videofarm.os.timeline.TimelineEvent;

/**
 * How a story went: the whole timeline, the steps it had to show, and what failed (nothing, when it
 * succeeded).
 */
public record StoryResult(
    String story, List<TimelineEvent> timeline, List<String> steps, List<String> failures) {

  public StoryResult {
    timeline = List.copyOf(timeline);
    steps = List.copyOf(steps);
    failures = List.copyOf(failures);
  }

  public boolean succeeded() {
    return failures.isEmpty();
  }

  /** 0 on success, 1 otherwise: what {@code Stories.main} exits with. */
  public int exitCode() {
    return succeeded() ? 0 : 1;
  }
}
