package lab.videofarm.os;

/**
 * The app's answer to {@code willBeginDelayedRequest}, Apple's {@code
 * URLSession.DelayedRequestDisposition}. One type for the API and the daemon: it lives beside
 * {@link AppState}, with the other values the system and apps share, so the app may name it without
 * reaching into the daemon.
 */
public enum DelayedRequestDisposition {
  /** Start the original request as planned. */
  CONTINUE_LOADING,
  /** Start the request the app gives instead (e.g. with fresher parameters). */
  USE_NEW_REQUEST,
  /** Do not start: the task completes with -999 cancelled. */
  CANCEL
}
