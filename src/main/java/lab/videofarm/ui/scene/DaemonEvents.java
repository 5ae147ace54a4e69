package lab.videofarm.ui.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskState;

/** The daemon's half of the fold: sessions, tasks, their bytes, and the events queued for apps. */
final class DaemonEvents {
  private static final Pattern BYTES = Pattern.compile("(\\d+) / (\\d+|\\?) bytes");
  private static final Pattern QUEUED = Pattern.compile("(\\w+) \\((\\d+) waiting\\)");
  private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");
  private static final Pattern OFFSET = Pattern.compile("(\\d+) of (-?\\d+)");

  /** iOS's NSURLErrorBackgroundTaskCancelledReason values, as the daemon reports them. */
  private static final List<String> CANCEL_REASONS =
      List.of(
          "the user force-quit the app",
          "background updates disabled",
          "insufficient system resources");

  private final SceneFold fold;

  DaemonEvents(SceneFold fold) {
    this.fold = fold;
  }

  void apply(TimelineEvent event) {
    String what = event.what();
    switch (what) {
      case "session attached" -> attached(event);
      case "session detached" -> detached(event);
      case "session invalidated" -> fold.updateSession(event.sessionId(), DaemonSession::close);
      case "event queued" -> queued(event);
      case "delivery failed" -> deliveryFailed(event);
      case "events delivered" ->
          fold.updateSession(
              event.sessionId(), s -> s.withQueue(List.of()).withRelaunchRequested(false));
      case "relaunch requested" -> relaunchRequested(event);
      case "rate limiter reset" ->
          fold.updateApp(firstWord(event.detail()), a -> a.withRelaunches(0));
      case "force quit" -> fold.updateApp(bundleBefore(event.detail(), ':'), AppStatus::quitByUser);
      case "task created" -> created(event);
      default -> {
        if (event.hasTask() && !event.sessionId().isEmpty()) {
          taskEvent(event);
        }
      }
    }
  }

  private void attached(TimelineEvent event) {
    int waiting = leadingNumber(event.detail());
    fold.updateSession(
        event.sessionId(),
        s -> {
          List<QueuedEvent> queue = padded(s.queue(), waiting, event);
          return s.attach(event.launch(), event.sequence())
              .withQueue(queue.subList(queue.size() - waiting, queue.size()));
        });
  }

  /** A default session goes with its app: the daemon forgets it and its tasks. */
  private void detached(TimelineEvent event) {
    if (event.detail().contains("cancelled")) {
      fold.sessions.remove(event.sessionId());
    } else {
      fold.updateSession(event.sessionId(), s -> s.detach(false));
    }
  }

  private void queued(TimelineEvent event) {
    Matcher m = QUEUED.matcher(event.detail());
    if (!m.find()) {
      return;
    }
    int waiting = Integer.parseInt(m.group(2));
    fold.updateSession(
        event.sessionId(),
        s -> {
          List<QueuedEvent> queue = padded(s.queue(), waiting - 1, event);
          queue.add(new QueuedEvent(event.taskId(), m.group(1), event.sequence()));
          return s.withQueue(queue);
        });
  }

  /** A delivery that failed stays queued; it was handed over live, so it may not be listed yet. */
  private void deliveryFailed(TimelineEvent event) {
    String name = firstWord(event.detail()).replace(":", "");
    if (name.equals("DidWriteData") || name.equals("DidSendBodyData")) {
      return; // progress is dropped when the app goes away
    }
    fold.updateSession(
        event.sessionId(),
        s -> {
          boolean listed =
              s.queue().stream()
                  .anyMatch(q -> q.taskId() == event.taskId() && q.name().equals(name));
          if (listed) {
            return s;
          }
          List<QueuedEvent> queue = new ArrayList<>(s.queue());
          queue.add(0, new QueuedEvent(event.taskId(), name, event.sequence()));
          return s.withQueue(queue);
        });
  }

  /** The queue as the timeline last described it, grown to {@code size} with unnamed events. */
  private static List<QueuedEvent> padded(List<QueuedEvent> queue, int size, TimelineEvent at) {
    List<QueuedEvent> next = new ArrayList<>(queue);
    while (next.size() < size) {
      next.add(new QueuedEvent(TimelineEvent.NO_TASK, "", at.sequence()));
    }
    return next;
  }

  private void relaunchRequested(TimelineEvent event) {
    fold.updateSession(event.sessionId(), s -> s.withRelaunchRequested(true));
    String detail = event.detail();
    String bundle =
        detail.startsWith("launch ")
            ? bundleBefore(detail.substring("launch ".length()), ' ')
            : detail.startsWith("wake ") ? detail.substring("wake ".length()).trim() : "";
    fold.updateApp(bundle, a -> a.withRelaunches(a.relaunches() + 1));
  }

  private void created(TimelineEvent event) {
    String[] parts = event.detail().split(" ", 2);
    TaskKind kind = kindOf(parts[0]);
    String request = parts.length > 1 ? parts[1] : "";
    boolean fromResumeData = request.endsWith(" from resume data");
    if (fromResumeData) {
      request = request.substring(0, request.length() - " from resume data".length());
    }
    DaemonTask task =
        new DaemonTask(
            event.sessionId(),
            event.taskId(),
            kind,
            request,
            TaskState.SUSPENDED,
            fromResumeData ? "created from resume data" : "created",
            0,
            -1,
            event.launch(),
            "",
            fromResumeData,
            event.sequence());
    fold.updateSession(event.sessionId(), s -> s.withTask(task));
  }

  private void taskEvent(TimelineEvent event) {
    DaemonTask task = fold.session(event.sessionId()).task(event.taskId());
    if (task == null) {
      return;
    }
    DaemonTask next = changed(task, event);
    if (next != task) {
      fold.updateSession(event.sessionId(), s -> s.withTask(next));
    }
  }

  private DaemonTask changed(DaemonTask task, TimelineEvent event) {
    long at = event.sequence();
    String what = event.what();
    return switch (what) {
      case "task resumed", "task restored" -> task.with(TaskState.RUNNING, "running", at);
      case "task suspended" -> task.with(TaskState.SUSPENDED, "suspended", at);
      case "task cancelled" -> task.with(TaskState.CANCELING, "cancelling", at);
      case "task finished" -> task.ended("finished " + event.detail(), at);
      case "task failed" -> task.ended("failed " + failure(event.detail()), at);
      case "task discarded" -> task.ended("discarded: " + event.detail(), at);
      case "downloading", "sending" -> progress(task, event);
      case "receiving" -> task.kind() == TaskKind.DATA ? progress(task, event) : task;
      case "resumed at offset" -> resumedAt(task, event);
      case "response" -> task.with(task.state(), firstWords(event.detail(), 2), at);
      case "temp file deleted", "relaunch requested", "event queued", "delivery failed" -> task;
      default -> task.with(task.state(), what, at);
    };
  }

  private static DaemonTask progress(DaemonTask task, TimelineEvent event) {
    Matcher m = BYTES.matcher(event.detail());
    if (!m.find()) {
      return task;
    }
    long expected = m.group(2).equals("?") ? -1 : Long.parseLong(m.group(2));
    return task.withBytes(Long.parseLong(m.group(1)), expected, event.what(), event.sequence());
  }

  private static DaemonTask resumedAt(DaemonTask task, TimelineEvent event) {
    Matcher m = OFFSET.matcher(event.detail());
    if (!m.find()) {
      return task;
    }
    return task.withBytes(
        Long.parseLong(m.group(1)),
        Long.parseLong(m.group(2)),
        "resumed at " + m.group(1),
        event.sequence());
  }

  /** {@code -999 cancelled (with resume data) reason 0} with the reason spelled out. */
  private static String failure(String detail) {
    int at = detail.lastIndexOf(" reason ");
    if (at < 0) {
      return detail;
    }
    String code = detail.substring(at + " reason ".length()).trim();
    try {
      int reason = Integer.parseInt(code);
      if (reason >= 0 && reason < CANCEL_REASONS.size()) {
        return detail.substring(0, at) + ": " + CANCEL_REASONS.get(reason);
      }
    } catch (NumberFormatException e) {
      // not a number: keep the detail as the daemon wrote it
    }
    return detail;
  }

  private static TaskKind kindOf(String word) {
    try {
      return TaskKind.valueOf(word);
    } catch (IllegalArgumentException e) {
      return TaskKind.DATA;
    }
  }

  private static int leadingNumber(String detail) {
    Matcher m = LEADING_NUMBER.matcher(detail);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  static String firstWord(String text) {
    int space = text.indexOf(' ');
    return space < 0 ? text : text.substring(0, space);
  }

  private static String firstWords(String text, int count) {
    String[] words = text.split(" ");
    return String.join(" ", List.of(words).subList(0, Math.min(count, words.length)));
  }

  private static String bundleBefore(String text, char end) {
    int at = text.indexOf(end);
    return at < 0 ? text.trim() : text.substring(0, at);
  }
}
