package lab.videofarm.os.device.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lab.videofarm.os.AppState;
import lab.videofarm.os.device.AppBundle;

/**
 * The installed apps, and the one lock that guards them and every change of their state. Methods
 * noted "guarded" must be called with {@link #lock()} held; the others take it themselves.
 */
public final class AppTable {
  private final DeviceLog log;

  private final Object lock = new Object();

  /** Guarded by {@link #lock}. */
  private final Map<String, InstalledApp> apps = new LinkedHashMap<>();

  /**
   * Guarded by {@link #lock}. Relaunches asked for before the app was installed on this device
   * object (a daemon restored from its journal speaks first), by bundle id: session identifiers.
   */
  private final Map<String, Set<String>> earlyRelaunches = new LinkedHashMap<>();

  /** Guarded by {@link #lock}. */
  private int launchCounter;

  /** Guarded by {@link #lock}. */
  private boolean closed;

  public AppTable(DeviceLog log) {
    this.log = log;
  }

  Object lock() {
    return lock;
  }

  /**
   * Installs or updates an app (its container is kept). Returns the sessions the daemon asked to
   * relaunch it for before it was installed.
   */
  public Set<String> install(AppBundle bundle, Path container) {
    synchronized (lock) {
      InstalledApp existing = apps.get(bundle.bundleId());
      if (existing != null) {
        existing.bundle = bundle;
      } else {
        apps.put(bundle.bundleId(), new InstalledApp(bundle, container));
      }
      log.info(0, "", "install", bundle.bundleId());
      Set<String> waiting = earlyRelaunches.remove(bundle.bundleId());
      return waiting == null ? Set.of() : waiting;
    }
  }

  public List<String> installedApps() {
    synchronized (lock) {
      return List.copyOf(apps.keySet());
    }
  }

  public AppState state(String bundleId) {
    synchronized (lock) {
      return app(bundleId).state;
    }
  }

  public int launchNumber(String bundleId) {
    synchronized (lock) {
      return app(bundleId).launchNumber;
    }
  }

  public Path containerDirectory(String bundleId) {
    synchronized (lock) {
      return app(bundleId).container;
    }
  }

  public Optional<LaunchedProcess> process(String bundleId) {
    synchronized (lock) {
      return Optional.ofNullable(app(bundleId).process);
    }
  }

  /** Guarded. The installed app; throws if there is none. */
  InstalledApp app(String bundleId) {
    InstalledApp app = apps.get(bundleId);
    if (app == null) {
      throw new IllegalArgumentException(bundleId + " is not installed");
    }
    return app;
  }

  /** Guarded. The app, or null if it is not installed. */
  InstalledApp find(String bundleId) {
    return apps.get(bundleId);
  }

  /** Guarded. */
  List<InstalledApp> all() {
    return List.copyOf(apps.values());
  }

  /** Guarded. Remembers a relaunch asked for before the app is installed, for {@link #install}. */
  void relaunchOnInstall(String bundleId, String sessionIdentifier) {
    earlyRelaunches.computeIfAbsent(bundleId, id -> new LinkedHashSet<>()).add(sessionIdentifier);
  }

  /** Guarded. Launch numbers count every launch on the device, from 1. */
  int nextLaunchNumber() {
    return ++launchCounter;
  }

  /** Guarded. */
  boolean isClosed() {
    return closed;
  }

  /** Guarded. */
  void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the device is shut down");
    }
  }

  /** Refuses new launches from now on; returns every app, to be ended. */
  List<InstalledApp> close() {
    synchronized (lock) {
      closed = true;
      return all();
    }
  }
}
