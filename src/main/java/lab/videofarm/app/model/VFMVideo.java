package lab.videofarm.app.model;

import java.net.URI;
import java.util.Objects;

/**
 * A video as the user describes it: what every other model starts from.
 *
 * @param title shown in lists; never null, may be empty
 * @param description free text; never null, may be empty
 * @param thumbnail where the thumbnail image lives: a {@code file:} URI for an image on this device
 *     (the one the user picked before uploading), an {@code http:} URL for a video on the server;
 *     null when there is no thumbnail. A URI rather than a {@code Path} because a video from the
 *     server has its thumbnail only on the server, and rather than {@link java.net.URL} because
 *     {@code URL.equals} resolves host names.
 */
public record VFMVideo(String title, String description, URI thumbnail) {

  public VFMVideo {
    title = Objects.requireNonNullElse(title, "");
    description = Objects.requireNonNullElse(description, "");
  }

  public VFMVideo withTitle(String newTitle) {
    return new VFMVideo(newTitle, description, thumbnail);
  }

  public VFMVideo withDescription(String newDescription) {
    return new VFMVideo(title, newDescription, thumbnail);
  }

  public VFMVideo withThumbnail(URI newThumbnail) {
    return new VFMVideo(title, description, newThumbnail);
  }
}
