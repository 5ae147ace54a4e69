package lab.videofarm.ui.scene;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import lab.videofarm.os.AppState;
import lab.videofarm.os.timeline.TimelineEvent;

/**
 * Folds timeline events, one at a time and in order, into the next {@link Scene}. It reads nothing
 * but the events, so a timeline loaded from a file gives the same scenes as the live one. Every
 * piece of state it keeps is in the scene it snapshots, so folding on from a {@link #from(Scene)
 * restored} scene gives exactly what folding from the start would.
 *
 * <p>Not thread-safe: one fold belongs to one thread.
 */
public final class SceneFold {
  final Map<String, DaemonSession> sessions;
  final Map<Integer, AppLaunch> launches;
  final Map<String, AppStatus> apps;
  long sequence;
  Instant time;
  String network;
  boolean online;

  private final DaemonEvents daemon = new DaemonEvents(this);
  private final AppEvents app = new AppEvents(this);

  public SceneFold() {
    this(Scene.EMPTY);
  }

  private SceneFold(Scene scene) {
    sessions = new LinkedHashMap<>(scene.sessions());
    launches = new LinkedHashMap<>(scene.launches());
    apps = new LinkedHashMap<>(scene.apps());
    sequence = scene.sequence();
    time = scene.time();
    network = scene.network();
    online = scene.online();
  }

  /** A fold that continues from {@code scene}. */
  public static SceneFold from(Scene scene) {
    return new SceneFold(scene);
  }

  /**
   * Folds one event in. Events must come in sequence order; an event it does not know changes only
   * the scene's sequence.
   */
  public void apply(TimelineEvent event) {
    sequence = event.sequence();
    time = event.time();
    switch (event.layer()) {
      case DAEMON -> daemon.apply(event);
      case NETWORK -> network(event);
      case DEVICE, SESSION, DELEGATE, NOTIFICATION, ARCHIVE, APP -> app.apply(event);
    }
  }

  /** The scene as it stands now. */
  public Scene snapshot() {
    return new Scene(sequence, time, network, online, sessions, launches, apps);
  }

  private void network(TimelineEvent event) {
    network = event.detail();
    if (event.what().equals("online")) {
      online = true;
    } else if (event.what().equals("offline")) {
      online = false;
    }
  }

  // Shared by the two halves of the fold.

  DaemonSession session(String id) {
    return sessions.computeIfAbsent(id, DaemonSession::of);
  }

  void updateSession(String id, UnaryOperator<DaemonSession> change) {
    if (id.isEmpty()) {
      return;
    }
    sessions.put(id, change.apply(session(id)));
  }

  void updateLaunch(int number, UnaryOperator<AppLaunch> change) {
    AppLaunch launch = launches.get(number);
    if (launch != null) {
      launches.put(number, change.apply(launch));
    }
  }

  AppStatus app(String bundleId) {
    return apps.computeIfAbsent(
        bundleId,
        id -> new AppStatus(id, AppState.NOT_RUNNING, 0, 0, false, java.time.Duration.ZERO));
  }

  void updateApp(String bundleId, UnaryOperator<AppStatus> change) {
    if (!bundleId.isEmpty()) {
      apps.put(bundleId, change.apply(app(bundleId)));
    }
  }
}
