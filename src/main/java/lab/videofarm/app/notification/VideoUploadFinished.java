package lab.videofarm.app.notification;

import lab.videofarm.app.model.VFMVideoUpload;

/** The server has the whole movie. */
public record VideoUploadFinished(String sessionId, long taskId, VFMVideoUpload upload)
    implements Notification {

  @Override
  public String summary() {
    return upload.videoId() + " " + upload.bytesSent() + " bytes";
  }
}
