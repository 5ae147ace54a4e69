package lab.videofarm.app.notification;

import lab.videofarm.app.model.VFMVideoUpload;

/**
 * The upload ended without the server having the movie: a transfer error, or an HTTP error status.
 *
 * @param reason what went wrong, for people
 */
public record VideoUploadFailed(String sessionId, long taskId, VFMVideoUpload upload, String reason)
    implements Notification {

  @Override
  public String summary() {
    return upload.videoId() + " " + reason;
  }
}
