package lab.videofarm.app.notification;

import lab.videofarm.app.model.VFMVideoDownload;

/** The movie and the thumbnail are in the app's container. */
public record VideoDownloadFinished(String sessionId, long taskId, VFMVideoDownload download)
    implements Notification {

  @Override
  public String summary() {
    return download.video().id() + " -> " + download.movieFile();
  }
}
