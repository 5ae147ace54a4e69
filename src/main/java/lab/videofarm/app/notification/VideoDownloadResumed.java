package lab.videofarm.app.notification;

import lab.videofarm.app.model.VFMVideoDownload;

/** A paused download goes on with a new task, {@code taskId}. */
public record VideoDownloadResumed(String sessionId, long taskId, VFMVideoDownload download)
    implements Notification {

  @Override
  public String summary() {
    return download.video().id() + " from " + download.bytesReceived() + " bytes";
  }
}
