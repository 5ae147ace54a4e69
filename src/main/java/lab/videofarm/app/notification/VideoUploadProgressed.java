package lab.videofarm.app.notification;

import lab.videofarm.app.model.VFMVideoUpload;

/** More of a movie reached the server ({@code didSendBodyData}). Coalesced per task. */
public record VideoUploadProgressed(String sessionId, long taskId, VFMVideoUpload upload)
    implements Notification.Progress {

  @Override
  public String summary() {
    return upload.videoId() + " " + upload.bytesSent() + "/" + upload.bytesExpected() + " bytes";
  }
}
