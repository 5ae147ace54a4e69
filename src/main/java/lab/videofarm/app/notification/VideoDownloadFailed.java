package lab.videofarm.app.notification;

import lab.videofarm.app.model.VFMVideoDownload;

/**
 * The download ended without the movie. If {@code download.hasResumeData()}, it can still go on
 * from where it stopped.
 *
 * @param reason what went wrong, for people
 */
public record VideoDownloadFailed(
    String sessionId, long taskId, VFMVideoDownload download, String reason)
    implements Notification {

  @Override
  public String summary() {
    return download.video().id() + " " + reason;
  }
}
