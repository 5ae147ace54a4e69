package lab.videofarm.story;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import lab.videofarm.os.timeline.TimelineEvent;

/**
 * The steps a story must show on the timeline, in order (other events may come between them), and
 * the other checks it makes. Collects every failure with a message a reader can act on.
 */
final class StoryCheck {
  private record Step(String label, Predicate<TimelineEvent> matches) {}

  private final List<Step> steps = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  StoryCheck step(String label, Predicate<TimelineEvent> matches) {
    steps.add(new Step(label, matches));
    return this;
  }

  /** Records a failed check unless {@code holds}. */
  void require(boolean holds, String failure) {
    if (!holds) {
      failures.add(failure);
    }
  }

  /** Walks the timeline once, matching the steps in order; records the first one missing. */
  void checkOrder(List<TimelineEvent> timeline) {
    int next = 0;
    for (TimelineEvent event : timeline) {
      if (next < steps.size() && steps.get(next).matches().test(event)) {
        next++;
      }
    }
    if (next < steps.size()) {
      failures.add(
          "step "
              + (next + 1)
              + " of "
              + steps.size()
              + " never happened in order: "
              + steps.get(next).label());
    }
  }

  /**
   * Records every WARNING and ERROR on the timeline as a failure, except those the story provokes
   * on purpose ({@code expected}): in a correct run a warning always means a mistake.
   */
  void noWarnings(List<TimelineEvent> timeline, Predicate<TimelineEvent> expected) {
    timeline.stream()
        .filter(event -> event.severity() != TimelineEvent.Severity.INFO)
        .filter(expected.negate())
        .forEach(event -> failures.add("unexpected " + event.severity() + ": " + event));
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  List<String> stepLabels() {
    return steps.stream().map(Step::label).toList();
  }
}
