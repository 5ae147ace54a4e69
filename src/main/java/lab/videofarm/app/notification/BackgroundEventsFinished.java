package lab.videofarm.app.notification;

/**
 * {@code urlSessionDidFinishEvents(forBackgroundURLSession:)}: every event queued for this session
 * while the app was away has been delivered. Whoever kept the system's completion handler calls it
 * now.
 */
public record BackgroundEventsFinished(String sessionId) implements Notification {

  @Override
  public String summary() {
    return "all queued events delivered";
  }
}
