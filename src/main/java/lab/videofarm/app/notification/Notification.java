package lab.videofarm.app.notification;

/**
 * Something that happened, broadcast to whoever listens. Every notification the app posts is one of
 * the records permitted here, named for what happened, in the past tense.
 *
 * <p>Notifications about a transfer carry its background session identifier and task identifier, so
 * the timeline can show them next to the daemon's and the delegate's entries for the same task.
 */
public sealed interface Notification
    permits VideosFetched,
        VideoPrepared,
        Notification.Progress,
        VideoUploadFinished,
        VideoUploadFailed,
        VideoUploadSuspended,
        VideoUploadResumed,
        VideoDownloadFinished,
        VideoDownloadFailed,
        VideoDownloadPaused,
        VideoDownloadResumed,
        BackgroundEventsFinished,
        ArchiveQuarantined {

  /** The session identifier of a notification that concerns no session. */
  String NO_SESSION = "";

  /** The task identifier of a notification that concerns no task. */
  long NO_TASK = -1;

  /** The background session this is about, or {@link #NO_SESSION}. */
  default String sessionId() {
    return NO_SESSION;
  }

  /** The task this is about, or {@link #NO_TASK}. */
  default long taskId() {
    return NO_TASK;
  }

  /** One line for the timeline, such as {@code v1 1024/4096 bytes}. */
  String summary();

  /**
   * Progress of a running task. These come many times a second, so {@link Notifications} lets
   * through at most one per task per {@link Notifications#PROGRESS_INTERVAL}; the latest is always
   * delivered, before any other notification about the same task.
   */
  sealed interface Progress extends Notification
      permits VideoUploadProgressed, VideoDownloadProgressed {}
}
