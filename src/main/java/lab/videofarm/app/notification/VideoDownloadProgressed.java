package lab.videofarm.app.notification;

import lab.videofarm.app.model.VFMVideoDownload;

/** More of a movie arrived ({@code didWriteData}). Coalesced per task. */
public record VideoDownloadProgressed(String sessionId, long taskId, VFMVideoDownload download)
    implements Notification.Progress {

  @Override
  public String summary() {
    return download.video().id()
        + " "
        + download.bytesReceived()
        + "/"
        + download.bytesExpected()
        + " bytes";
  }
}
