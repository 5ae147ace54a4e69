package lab.videofarm.app;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import lab.videofarm.urlsession.URLSession;
import lab.videofarm.urlsession.URLSessionDelegate;
import lab.videofarm.urlsession.URLSessionTask;

/**
 * This launch's two sessions, each made once, on first use, by lesson 1's {@link Sessions}. When
 * the background session is made, the daemon relinks its tasks and delivers what it queued (rule
 * 21); {@code getAllTasks} then hands the tasks it still has to what {@code afterConnect} gave as
 * it was asked.
 */
final class ClientSessions {
  private final String identifier;
  private final URLSessionDelegate delegate;
  private final Runnable beforeConnect;
  private final Supplier<Consumer<List<URLSessionTask>>> afterConnect;

  /** Guarded by {@code this}. */
  private URLSession background;

  /** Guarded by {@code this}. */
  private URLSession foreground;

  ClientSessions(
      String identifier,
      URLSessionDelegate delegate,
      Runnable beforeConnect,
      Supplier<Consumer<List<URLSessionTask>>> afterConnect) {
    this.identifier = identifier;
    this.delegate = delegate;
    this.beforeConnect = beforeConnect;
    this.afterConnect = afterConnect;
  }

  /** The background session with the saved identifier, made unless this launch already did. */
  synchronized URLSession background() {
    if (background == null) {
      beforeConnect.run();
      background = Sessions.backgroundSession(identifier, delegate);
      background.getAllTasks(afterConnect.get());
    }
    return background;
  }

  synchronized URLSession foreground() {
    if (foreground == null) {
      foreground = Sessions.foregroundSession();
    }
    return foreground;
  }
}
