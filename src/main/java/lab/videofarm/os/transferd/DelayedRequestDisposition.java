package lab.videofarm.os.transferd;

/**
 * The app's answer to {@link TaskEvent.WillBeginDelayedRequest}, Apple's {@code
 * URLSession.DelayedRequestDisposition}.
 */
public enum DelayedRequestDisposition {
  /** Start the original request as planned. */
  CONTINUE_LOADING,
  /** Start the request the app gives instead (e.g. with fresher parameters). */
  USE_NEW_REQUEST,
  /** Do not start: the task completes with -999 cancelled. */
  CANCEL
}
