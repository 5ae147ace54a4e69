package lab.videofarm.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.videofarm.urlsession.URLSessionTask;

/**
 * What a launch finds when it holds its archived records against the tasks the daemon still has:
 * each record's task is relinked (still running), completing (finished; its queued events are on
 * their way) or vanished (the daemon has no such task any more).
 *
 * <p>Only the records there were when the daemon was asked are judged: {@code getAllTasks} answers
 * later, on the delegate queue, and a record the user made meanwhile (an upload started right after
 * the launch) names a task the answer cannot hold. It is "started since", not vanished.
 */
final class Reconciliation {
  private final Map<Long, URLSessionTask> live = new LinkedHashMap<>();
  private final List<String> relinked = new ArrayList<>();
  private final List<String> completing = new ArrayList<>();
  private final List<String> vanished = new ArrayList<>();
  private final List<String> startedSince = new ArrayList<>();
  private final Set<Long> asked;
  private boolean skipped;

  /**
   * @param tasks what {@code getAllTasks} answered
   * @param asked the tasks the records named when it was asked
   */
  Reconciliation(List<URLSessionTask> tasks, Set<Long> asked) {
    tasks.forEach(task -> live.put(task.taskIdentifier(), task));
    this.asked = Set.copyOf(asked);
  }

  /** Sorts a record's task into one of the three; true if it vanished. */
  boolean vanished(long taskIdentifier) {
    URLSessionTask task = live.get(taskIdentifier);
    if (task == null && !asked.contains(taskIdentifier)) {
      startedSince.add("#" + taskIdentifier);
      return false;
    }
    if (task == null) {
      vanished.add("#" + taskIdentifier);
      return true;
    }
    if (task.state() == URLSessionTask.State.COMPLETED) {
      completing.add("#" + taskIdentifier);
    } else {
      relinked.add("#" + taskIdentifier);
    }
    return false;
  }

  /** Nothing was matched: the app does not reconcile its records (yet). */
  void skip() {
    skipped = true;
  }

  /** One line for the timeline. */
  @Override
  public String toString() {
    if (skipped) {
      return "skipped: " + live.size() + " tasks, no records matched";
    }
    return "relinked "
        + relinked
        + ", completing from queued events "
        + completing
        + ", vanished "
        + vanished
        + (startedSince.isEmpty() ? "" : ", started since " + startedSince);
  }
}
