package lab.videofarm.ui.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.videofarm.os.AppState;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.ui.scene.AppSession.CompletionHandler;

/**
 * The app's half of the fold: launches and their states, the URLSession objects each launch builds,
 * delegate calls taking the daemon's queued events, and the records drawn from archives.
 */
final class AppEvents {
  private static final Pattern APP_STATE =
      Pattern.compile("^(\\S+) (\\w+) -> (\\w+)(?: \\((.*)\\))?$");
  private static final Pattern LAUNCH =
      Pattern.compile("^(\\S+)( in the background)? \\((\\w+)\\)");
  private static final Pattern TASK_LIST = Pattern.compile("\\[([\\d, ]*)]");
  private static final Pattern ENTRIES = Pattern.compile("^(\\d+) entr");

  private final SceneFold fold;
  private final RecordEvents records;

  AppEvents(SceneFold fold) {
    this.fold = fold;
    this.records = new RecordEvents(fold);
  }

  void apply(TimelineEvent event) {
    switch (event.layer()) {
      case DEVICE -> device(event);
      case SESSION -> session(event);
      case DELEGATE -> delegate(event);
      case NOTIFICATION -> records.notification(event);
      case ARCHIVE -> archive(event);
      case APP -> records.app(event);
      default -> {}
    }
  }

  private void device(TimelineEvent event) {
    switch (event.what()) {
      case "install" -> fold.app(event.detail().trim());
      case "launch" -> launched(event);
      case "app state" -> appState(event);
      case "didFinishLaunching" -> fold.updateLaunch(event.launch(), AppLaunch::ready);
      case "handleEventsForBackgroundURLSession" ->
          withSession(event, s -> s.withHandler(CompletionHandler.WAITING));
      case "completionHandler" -> withSession(event, s -> s.withHandler(CompletionHandler.CALLED));
      default -> {}
    }
  }

  private void launched(TimelineEvent event) {
    Matcher m = LAUNCH.matcher(event.detail());
    if (!m.find()) {
      return;
    }
    String bundle = m.group(1);
    fold.launches.put(
        event.launch(),
        AppLaunch.started(
            event.launch(), bundle, m.group(3), m.group(2) != null, event.sequence()));
    fold.updateApp(bundle, a -> a.launched(event.launch()));
  }

  private void appState(TimelineEvent event) {
    Matcher m = APP_STATE.matcher(event.detail());
    if (!m.find()) {
      return;
    }
    AppState to = AppState.valueOf(m.group(3));
    String why = m.group(4) == null ? "" : m.group(4);
    fold.updateApp(m.group(1), a -> a.withState(to));
    fold.updateLaunch(
        event.launch(),
        launch ->
            to == AppState.NOT_RUNNING
                ? launch.ended(why, event.sequence())
                : launch.withState(to));
  }

  private void session(TimelineEvent event) {
    String identifier = identifier(event);
    switch (event.what()) {
      case "session created" -> created(event, identifier, List.of());
      case "session relinked" -> created(event, identifier, taskList(event.detail()));
      case "session detached", "session invalidated" -> withSession(event, AppSession::detach);
      default -> {}
    }
  }

  private void created(TimelineEvent event, String identifier, List<Long> relinkedTasks) {
    AppLaunch launch = fold.launches.get(event.launch());
    if (launch == null) {
      return;
    }
    AppSession existing = launch.session(identifier);
    AppSession session =
        existing != null && !existing.detached()
            ? existing
            : new AppSession(
                identifier,
                identifier,
                false,
                List.of(),
                false,
                CompletionHandler.NONE,
                "",
                TimelineEvent.NO_TASK,
                event.sequence(),
                0);
    AppSession next =
        event.what().equals("session relinked") ? session.relinked(relinkedTasks) : session;
    fold.launches.put(event.launch(), launch.withSession(next));
  }

  private void delegate(TimelineEvent event) {
    String method = event.what();
    String daemonId = daemonSessionOf(event);
    if (method.equals("returned") || method.equals("threw")) {
      return;
    }
    withSession(event, s -> s.called(method, event.taskId(), event.sequence()));
    if (daemonId != null) {
      fold.updateSession(daemonId, s -> s.withQueue(taken(s.queue(), event)));
    }
  }

  /** The daemon's label of the session a delegate call came through, or null. */
  private String daemonSessionOf(TimelineEvent event) {
    AppLaunch launch = fold.launches.get(event.launch());
    AppSession session = launch == null ? null : launch.session(identifier(event));
    if (session == null || !fold.sessions.containsKey(session.daemonId())) {
      return null;
    }
    return session.daemonId();
  }

  /** The queue without the event this delegate call delivered. */
  private static List<QueuedEvent> taken(List<QueuedEvent> queue, TimelineEvent call) {
    int index = -1;
    for (int i = 0; i < queue.size() && index < 0; i++) {
      QueuedEvent q = queue.get(i);
      if (q.taskId() == call.taskId() && q.delegateMethod().equals(call.what())) {
        index = i;
      }
    }
    if (index < 0) {
      return queue;
    }
    List<QueuedEvent> next = new ArrayList<>(queue);
    next.remove(index);
    return next;
  }

  private void archive(TimelineEvent event) {
    String what = event.what();
    if (what.startsWith("restored ")) {
      String file = what.substring("restored ".length());
      int entries = entries(event.detail());
      fold.updateLaunch(event.launch(), l -> l.withRestored(file, entries));
      records.restored(event.launch(), file, ids(event.detail()));
    } else if (what.startsWith("no ")) {
      String file = what.substring("no ".length());
      fold.updateLaunch(event.launch(), l -> l.withRestored(file, 0));
    } else if (what.startsWith("saved ")) {
      records.saved(event.launch(), what.substring("saved ".length()), entries(event.detail()));
    }
  }

  private void withSession(
      TimelineEvent event, java.util.function.UnaryOperator<AppSession> change) {
    AppLaunch launch = fold.launches.get(event.launch());
    if (launch == null) {
      return;
    }
    String identifier = identifier(event);
    if (launch.session(identifier) == null) {
      if (event.layer() != lab.videofarm.os.timeline.Layer.DEVICE) {
        return;
      }
      // The system hands over the completion handler before the app recreates the session.
      created(event, identifier, List.of());
      launch = fold.launches.get(event.launch());
    }
    fold.launches.put(event.launch(), launch.updateSession(identifier, change));
  }

  private static String identifier(TimelineEvent event) {
    return event.sessionId().isEmpty() ? "default" : event.sessionId();
  }

  private static int entries(String detail) {
    Matcher m = ENTRIES.matcher(detail);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** The task identifiers of {@code "...; ids: 3, 5"}. */
  private static List<Long> ids(String detail) {
    int at = detail.lastIndexOf("; ids: ");
    List<Long> ids = new ArrayList<>();
    if (at >= 0) {
      for (String id : detail.substring(at + "; ids: ".length()).split(",")) {
        if (!id.isBlank()) {
          ids.add(Long.parseLong(id.trim()));
        }
      }
    }
    return ids;
  }

  private static List<Long> taskList(String detail) {
    Matcher m = TASK_LIST.matcher(detail);
    if (!m.find() || m.group(1).isBlank()) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>();
    for (String id : m.group(1).split(",")) {
      ids.add(Long.parseLong(id.trim()));
    }
    return ids;
  }
}
