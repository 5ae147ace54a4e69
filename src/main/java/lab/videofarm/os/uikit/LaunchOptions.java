package lab.videofarm.os.uikit;

/**
 * Why the app was launched.
 *
 * @param inBackground true when the system launched the app without showing it
 * @param reason the user tapped the icon, the daemon has events, or a background fetch is due
 * @param sessionIdentifier for {@link Reason#URL_SESSION_EVENTS}, the background session that has
 *     events; null otherwise
 */
public record LaunchOptions(boolean inBackground, Reason reason, String sessionIdentifier) {

  public enum Reason {
    USER,
    URL_SESSION_EVENTS,
    BACKGROUND_FETCH
  }
}
