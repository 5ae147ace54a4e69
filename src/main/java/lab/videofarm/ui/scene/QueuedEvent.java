package lab.videofarm.ui.scene;

/**
 * An event the daemon holds for a session until an app is attached to take it.
 *
 * @param taskId the task it is about, or {@link lab.videofarm.os.timeline.TimelineEvent#NO_TASK}
 * @param name the daemon's name for it, such as {@code DidFinishDownloading}; {@code ""} when the
 *     timeline only told how many events were waiting, not which
 * @param queuedAt the sequence of the event that queued it
 */
public record QueuedEvent(long taskId, String name, long queuedAt) {
  /** The delegate method that delivers it, as the app side shows it. */
  public String delegateMethod() {
    return switch (name) {
      case "DidFinishDownloading" -> "didFinishDownloadingTo";
      case "DidComplete" -> "didCompleteWithError";
      case "DidReceiveResponse" -> "didReceiveResponse";
      case "DidResumeAtOffset" -> "didResumeAtOffset";
      case "DidReceiveData" -> "didReceiveData";
      case "DidFinishEventsForBackgroundSession" -> "urlSessionDidFinishEvents";
      case "DidBecomeInvalid" -> "didBecomeInvalidWithError";
      case "WillBeginDelayedRequest" -> "willBeginDelayedRequest";
      case "NeedNewBodyStream" -> "needNewBodyStream";
      default -> name;
    };
  }
}
