package lab.videofarm.app;

import com.google.common.eventbus.Subscribe;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.JComponent;
import lab.videofarm.app.archive.AppArchives;
import lab.videofarm.app.archive.SavedState;
import lab.videofarm.app.notification.ArchiveQuarantined;
import lab.videofarm.app.notification.BackgroundEventsFinished;
import lab.videofarm.app.notification.Notifications;
import lab.videofarm.app.screens.VideoFarmScreens;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.uikit.Application;
import lab.videofarm.os.uikit.ApplicationDelegate;
import lab.videofarm.os.uikit.FetchResult;
import lab.videofarm.os.uikit.LaunchOptions;

/**
 * The VideoFarm app's entry points. Every launch starts the same way, whatever woke it: restore the
 * archives, create the API client from them, and recreate the background session with the saved
 * identifier, so the daemon relinks its tasks and delivers what it queued.
 *
 * <p>All methods run on the main thread, and so do the {@code @Subscribe} methods (the notification
 * center delivers there); the fields need no lock.
 */
public final class AppDelegate implements ApplicationDelegate {
  private Application application;
  private Notifications notifications;
  private VFMAPIClient client;
  private VideoFarmScreens screens;

  /** The system's completion handlers, by session identifier, until the events are delivered. */
  private final Map<String, Runnable> backgroundCompletionHandlers = new HashMap<>();

  @Override
  public void didFinishLaunching(Application application, LaunchOptions options) {
    this.application = application;
    notifications = new Notifications(application, application.clock());
    notifications.register(this);
    AppArchives archives = new AppArchives(application, application.clock());
    SavedState saved = archives.restore();
    client =
        VFMAPIClient.start(application, serverURL(application), notifications, archives, saved);
    reportQuarantined(saved);
    try {
      client.connectBackgroundSession();
    } catch (NotImplementedYet missing) {
      // The client reported it; the app runs on without a background session.
    }
  }

  private static URI serverURL(Application application) {
    String url = application.infoDictionary().get(VFMAPIClient.SERVER_URL_KEY);
    if (url == null) {
      throw new IllegalStateException(
          "the app bundle's info dictionary has no " + VFMAPIClient.SERVER_URL_KEY);
    }
    return URI.create(url.endsWith("/") ? url : url + "/");
  }

  private void reportQuarantined(SavedState saved) {
    saved
        .quarantined()
        .forEach(
            damaged ->
                notifications.post(
                    new ArchiveQuarantined(
                        damaged.archive(), damaged.quarantinedAs(), damaged.problem())));
  }

  @Override
  public void handleEventsForBackgroundURLSession(String identifier, Runnable completionHandler) {
    client
        .log()
        .attempt(TimelineEvent.NO_TASK, () -> keepCompletionHandler(identifier, completionHandler));
  }

  /**
   * Lesson 7: keeps the handler until {@code urlSessionDidFinishEvents}, and makes sure the session
   * exists, so that the daemon can deliver (rules 20 and 21).
   */
  private void keepCompletionHandler(String identifier, Runnable completionHandler) {
    // BEGIN SOLUTION lesson 7 keepCompletionHandler
    backgroundCompletionHandlers.put(identifier, completionHandler);
    client.connectBackgroundSession();
    // END SOLUTION
  }

  @Subscribe
  public void backgroundEventsFinished(BackgroundEventsFinished finished) {
    client.log().attempt(TimelineEvent.NO_TASK, () -> callCompletionHandler(finished.sessionId()));
  }

  /**
   * Lesson 7: every queued event was handled; now, on the main thread, tell the system we are done
   * (rules 20 and 22).
   */
  private void callCompletionHandler(String sessionId) {
    // BEGIN SOLUTION lesson 7 callCompletionHandler
    Runnable completionHandler = backgroundCompletionHandlers.remove(sessionId);
    if (completionHandler != null) {
      report("calling the completion handler", sessionId);
      completionHandler.run();
    }
    // END SOLUTION
  }

  @Subscribe
  public void archiveQuarantined(ArchiveQuarantined quarantined) {
    application.warn(
        Layer.APP, "", TimelineEvent.NO_TASK, "started without an archive", quarantined.summary());
  }

  /** An exercise not written yet still answers the system, so that the app is not killed. */
  @Override
  public void performFetch(Consumer<FetchResult> completionHandler) {
    try {
      client.refreshInBackground(completionHandler);
    } catch (NotImplementedYet missing) {
      completionHandler.accept(FetchResult.FAILED);
    }
  }

  @Override
  public void willTerminate() {
    client.saveAll();
    notifications.close();
  }

  /** The app's screens, built on first use (on the main thread), fed only by notifications. */
  @Override
  public JComponent rootView() {
    if (screens == null) {
      screens = new VideoFarmScreens(client, notifications);
      screens.refresh();
    }
    return screens.root();
  }

  private void report(String what, String sessionId) {
    application.report(Layer.APP, sessionId, TimelineEvent.NO_TASK, what, "");
  }
}
