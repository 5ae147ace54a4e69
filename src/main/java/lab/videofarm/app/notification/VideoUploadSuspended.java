package lab.videofarm.app.notification;

import lab.videofarm.app.model.VFMVideoUpload;

/** The upload task was suspended; it keeps its place. */
public record VideoUploadSuspended(String sessionId, long taskId, VFMVideoUpload upload)
    implements Notification {

  @Override
  public String summary() {
    return upload.videoId() + " at " + upload.bytesSent() + " bytes";
  }
}
