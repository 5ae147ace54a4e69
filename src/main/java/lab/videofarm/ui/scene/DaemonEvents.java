package lab.videofarm.ui.scene;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskState;

/** The daemon's half of the fold: sessions, tasks, their bytes, and the events queued for apps. */
final class DaemonEvents {
  private static final Pattern BYTES = Pattern.compile("(\\d+) / (\\d+|\\?) bytes");
  private static final Pattern QUEUED = Pattern.compile("^(\\w+) \\(");
  private static final Pattern QUEUE = Pattern.compile("\\[([^\\]]*)]");
  private static final Pattern QUEUE_ENTRY = Pattern.compile("(\\w+)#(-?\\d+)");
  private static final Pattern OFFSET = Pattern.compile("(\\d+) of (-?\\d+)");
  private static final Pattern CREATED =
      Pattern.compile(
          "^(\\w+) (.*?)( from resume data)?; to send: (\\d+|\\?) bytes(?:; description: (.*))?$");
  private static final Pattern TO_RECEIVE = Pattern.compile("; to receive: (\\d+|\\?) bytes");
  private static final Pattern RELAUNCH =
      Pattern.compile("^(?:wake|launch) (\\S+).*; relaunch (\\d+), delay (\\d+) s$");

  /** What NSURLErrorBackgroundTaskCancelledReason names mean, for a person. */
  private static final Map<String, String> CANCEL_REASONS =
      Map.of(
          "UserForceQuitApplication", "the user force-quit the app",
          "BackgroundUpdatesDisabled", "background updates disabled",
          "InsufficientSystemResources", "insufficient system resources");

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
      case "events delivered" ->
          fold.updateSession(
              event.sessionId(), s -> s.withQueue(List.of()).withRelaunchRequested(false));
      case "relaunch requested" -> relaunchRequested(event);
      case "task released" ->
          fold.updateSession(event.sessionId(), s -> s.withoutTask(event.taskId()));
      case "rate limiter reset" ->
          fold.updateApp(firstWord(event.detail()), a -> a.withRelaunches(0, Duration.ZERO));
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
    List<QueuedEvent> queue = queue(event);
    fold.updateSession(
        event.sessionId(), s -> s.attach(event.launch(), event.sequence()).withQueue(queue));
  }

  /** A default session goes with its app: the daemon forgets it and its tasks. */
  private void detached(TimelineEvent event) {
    if (event.detail().contains("cancelled")) {
      fold.sessions.remove(event.sessionId());
    } else {
      List<QueuedEvent> queue = queue(event);
      fold.updateSession(event.sessionId(), s -> s.detach(false).withQueue(queue));
    }
  }

  /** The queue a {@code session attached} or {@code session detached} lists, oldest first. */
  private static List<QueuedEvent> queue(TimelineEvent event) {
    Matcher list = QUEUE.matcher(event.detail());
    List<QueuedEvent> queue = new ArrayList<>();
    if (list.find()) {
      Matcher entry = QUEUE_ENTRY.matcher(list.group(1));
      while (entry.find()) {
        queue.add(
            new QueuedEvent(Long.parseLong(entry.group(2)), entry.group(1), event.sequence()));
      }
    }
    return queue;
  }

  private void queued(TimelineEvent event) {
    Matcher m = QUEUED.matcher(event.detail());
    if (!m.find()) {
      return;
    }
    QueuedEvent queued = new QueuedEvent(event.taskId(), m.group(1), event.sequence());
    fold.updateSession(
        event.sessionId(),
        s -> {
          List<QueuedEvent> queue = new ArrayList<>(s.queue());
          queue.add(queued);
          return s.withQueue(queue);
        });
  }

  private void relaunchRequested(TimelineEvent event) {
    fold.updateSession(event.sessionId(), s -> s.withRelaunchRequested(true));
    Matcher m = RELAUNCH.matcher(event.detail());
    if (m.find()) {
      int count = Integer.parseInt(m.group(2));
      Duration delay = Duration.ofSeconds(Long.parseLong(m.group(3)));
      fold.updateApp(m.group(1), a -> a.withRelaunches(count, delay));
    }
  }

  private void created(TimelineEvent event) {
    Matcher m = CREATED.matcher(event.detail());
    if (!m.find()) {
      return;
    }
    TaskKind kind = kindOf(m.group(1));
    boolean fromResumeData = m.group(3) != null;
    long toSend = number(m.group(4));
    DaemonTask task =
        new DaemonTask(
            event.sessionId(),
            event.taskId(),
            kind,
            m.group(2),
            m.group(5) == null ? "" : m.group(5),
            TaskState.SUSPENDED,
            fromResumeData ? "created from resume data" : "created",
            0,
            kind == TaskKind.UPLOAD ? toSend : -1,
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
      case "response" -> response(task, event);
      case "temp file deleted",
          "temp file moved",
          "relaunch requested",
          "event queued",
          "delivery failed" ->
          task;
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

  /** The bytes a download or data task will receive, once the response tells. */
  private static DaemonTask response(DaemonTask task, TimelineEvent event) {
    String detail = event.detail();
    Matcher m = TO_RECEIVE.matcher(detail);
    if (!m.find()) {
      return task.with(task.state(), detail, event.sequence());
    }
    String step = detail.substring(0, m.start());
    long expected = task.kind() == TaskKind.UPLOAD ? task.expected() : number(m.group(1));
    return task.withBytes(task.bytes(), expected, step, event.sequence());
  }

  /** {@code -999 cancelled (with resume data) reason UserForceQuitApplication}, spelled out. */
  private static String failure(String detail) {
    int at = detail.lastIndexOf(" reason ");
    if (at < 0) {
      return detail;
    }
    String name = detail.substring(at + " reason ".length()).trim();
    return detail.substring(0, at) + ": " + CANCEL_REASONS.getOrDefault(name, name);
  }

  private static long number(String digits) {
    return digits.equals("?") ? -1 : Long.parseLong(digits);
  }

  private static TaskKind kindOf(String word) {
    try {
      return TaskKind.valueOf(word);
    } catch (IllegalArgumentException e) {
      return TaskKind.DATA;
    }
  }

  static String firstWord(String text) {
    int space = text.indexOf(' ');
    return space < 0 ? text : text.substring(0, space);
  }

  private static String bundleBefore(String text, char end) {
    int at = text.indexOf(end);
    return at < 0 ? text.trim() : text.substring(0, at);
  }
}
