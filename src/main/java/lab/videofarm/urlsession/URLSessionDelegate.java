package lab.videofarm.urlsession;

/**
 * Session-wide events. Every delegate method runs on the session's delegate queue, one at a time
 * (rule 13). The session holds its delegate until it is invalidated.
 */
public interface URLSessionDelegate {

  /** The session was invalidated; {@code error} is null after a clean finish. */
  default void didBecomeInvalidWithError(URLSession session, URLError error) {}

  /**
   * {@code urlSessionDidFinishEvents(forBackgroundURLSession:)}: every event queued for this
   * background relaunch has been delivered. Call the completion handler you were given in {@code
   * handleEventsForBackgroundURLSession} now, on the main thread (rule 20).
   */
  default void urlSessionDidFinishEvents(URLSession session) {}
}
