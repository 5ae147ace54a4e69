package lab.videofarm.app.notification;

import lab.videofarm.app.model.VFMVideoDownload;

/**
 * The download was cancelled with resume data (or without, if the server could not offer any).
 * {@code taskId} is the task that was cancelled.
 */
public record VideoDownloadPaused(String sessionId, long taskId, VFMVideoDownload download)
    implements Notification {

  @Override
  public String summary() {
    return download.video().id()
        + " at "
        + download.bytesReceived()
        + " bytes, "
        + (download.hasResumeData() ? "resumable" : "no resume data");
  }
}
