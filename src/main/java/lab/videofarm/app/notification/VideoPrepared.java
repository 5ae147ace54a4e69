package lab.videofarm.app.notification;

import lab.videofarm.app.model.VFMRemoteVideo;

/**
 * The server accepted a new video's title, description and thumbnail; its movie can now be uploaded
 * to {@code /videos/{id}/movie}.
 */
public record VideoPrepared(VFMRemoteVideo video) implements Notification {

  @Override
  public String summary() {
    return video.id() + " \"" + video.title() + "\"";
  }
}
