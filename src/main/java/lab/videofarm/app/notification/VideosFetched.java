package lab.videofarm.app.notification;

import java.util.List;
import lab.videofarm.app.model.VFMRemoteVideo;

/** {@code GET /videos} answered: here is the whole list, as the server has it now. */
public record VideosFetched(List<VFMRemoteVideo> videos) implements Notification {

  public VideosFetched {
    videos = List.copyOf(videos);
  }

  @Override
  public String summary() {
    return videos.size() + " videos";
  }
}
