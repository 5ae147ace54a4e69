package lab.videofarm.app.notification;

import lab.videofarm.app.model.VFMVideoUpload;

/** A suspended upload task runs again. */
public record VideoUploadResumed(String sessionId, long taskId, VFMVideoUpload upload)
    implements Notification {

  @Override
  public String summary() {
    return upload.videoId() + " from " + upload.bytesSent() + " bytes";
  }
}
