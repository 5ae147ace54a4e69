package lab.videofarm.app.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A video that exists on the server, as {@code GET /videos} lists it.
 *
 * <p>In the Objective-C course {@code VFMRemoteVideo} is a subclass of {@code VFMVideo}. Records
 * cannot extend each other, so here a remote video <em>has</em> a {@link VFMVideo} (title,
 * description, and the thumbnail URL on the server) and adds what only the server knows. {@link
 * #title()}, {@link #description()} and {@link #thumbnailURL()} read through to it, so code written
 * against the subclass still reads the same.
 *
 * @param id the server's identifier, used in every {@code /videos/{id}/...} path
 * @param video title, description, and {@code thumbnail} = the server's thumbnail URL
 * @param movieURL where to {@code GET} the movie; null if the server gave none
 * @param movieStatus whether the movie is there yet
 * @param movieSize the movie's length in bytes; 0 while there is no movie
 * @param createdAt when the server created the video; null if the server did not say
 */
public record VFMRemoteVideo(
    String id,
    VFMVideo video,
    URI movieURL,
    MovieStatus movieStatus,
    long movieSize,
    Instant createdAt) {

  public VFMRemoteVideo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(video, "video");
    movieStatus = Objects.requireNonNullElse(movieStatus, MovieStatus.MISSING);
  }

  public String title() {
    return video.title();
  }

  public String description() {
    return video.description();
  }

  public URI thumbnailURL() {
    return video.thumbnail();
  }

  @JsonIgnore // derived from movieStatus, not a field of its own
  public boolean isMovieReady() {
    return movieStatus == MovieStatus.READY;
  }

  public VFMRemoteVideo withMovieStatus(MovieStatus newStatus) {
    return new VFMRemoteVideo(id, video, movieURL, newStatus, movieSize, createdAt);
  }

  /**
   * Parses the body of {@code GET /videos}, a JSON array, while it streams in. Relative URLs are
   * resolved against {@code base} (the server's base URL); unknown fields are ignored.
   */
  public static List<VFMRemoteVideo> listFromJson(InputStream json, URI base) throws IOException {
    List<ServerVideo> videos =
        VFMJson.reader().forType(new TypeReference<List<ServerVideo>>() {}).readValue(json);
    return videos.stream().map(video -> video.toModel(base)).toList();
  }

  /** Parses the body of {@code GET /videos/{id}}, one JSON object. */
  public static VFMRemoteVideo fromJson(InputStream json, URI base) throws IOException {
    ServerVideo video = VFMJson.reader().forType(ServerVideo.class).readValue(json);
    return video.toModel(base);
  }

  /**
   * The server's JSON, field for field. It is flat where our model nests a {@link VFMVideo}, so
   * parsing goes through this record instead of annotating the model.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record ServerVideo(
      String id,
      String title,
      String description,
      String thumbnailURL,
      String movieURL,
      MovieStatus movieStatus,
      long movieSize,
      Instant createdAt) {

    // Checked here, while Jackson is still parsing, so a bad body is an IOException like any other.
    ServerVideo {
      if (id == null) {
        throw new IllegalArgumentException("a video without \"id\"");
      }
    }

    VFMRemoteVideo toModel(URI base) {
      VFMVideo video = new VFMVideo(title, description, resolve(base, thumbnailURL));
      return new VFMRemoteVideo(
          id, video, resolve(base, movieURL), movieStatus, movieSize, createdAt);
    }

    private static URI resolve(URI base, String url) {
      return url == null ? null : base.resolve(url);
    }
  }
}
