package lab.videofarm.os.transferd.internal;

/** Why the daemon interrupted a running attempt. The first reason given wins. */
enum StopReason {
  /** {@code cancel()}: -999. */
  CANCEL,
  /** {@code cancelByProducingResumeData}: -999 with resume data when possible. */
  CANCEL_WITH_RESUME_DATA,
  /** The user force-quit the app: -999, reason 0, resume data when possible. */
  FORCE_QUIT,
  /** {@code invalidateAndCancel}: -999. */
  INVALIDATE,
  /** A default session's process went away: the task vanishes without events. */
  SESSION_GONE,
  /** The app of a background data task was suspended or its process went away: -997. */
  APP_SUSPENDED,
  /** The device went offline: background tasks wait, others fail with -1009. */
  OFFLINE,
  /** The conditioner dropped every connection: background tasks continue, others fail -1005. */
  DROPPED,
  /** No byte moved for timeoutIntervalForRequest: background tasks retry, others fail -1001. */
  IDLE_TIMEOUT,
  /** timeoutIntervalForResource elapsed: -1001 for everyone. */
  RESOURCE_TIMEOUT,
  /** The daemon is shutting down; the journal keeps the task for the next daemon. */
  DAEMON_CLOSED
}
