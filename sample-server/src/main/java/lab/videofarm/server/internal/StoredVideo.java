package lab.videofarm.server.internal;

import java.time.Instant;

/**
 * A video's metadata as kept in {@code videos/{id}/video.json}.
 *
 * @param sequence creation order, the order of {@code GET /videos}
 * @param thumbnailType the thumbnail's media type, {@code image/png} or {@code image/jpeg}
 * @param movieSha256 hex SHA-256 of the current movie, computed while it streamed in; null when
 *     there is no movie
 * @param movieGeneration bumped by every replacement of the movie and by the changed-ETag fault
 */
record StoredVideo(
    String id,
    long sequence,
    String title,
    String description,
    String thumbnailType,
    Instant createdAt,
    long movieSize,
    String movieSha256,
    long movieGeneration) {

  boolean hasMovie() {
    return movieSha256 != null;
  }

  StoredVideo withMovie(long size, String sha256) {
    return new StoredVideo(
        id,
        sequence,
        title,
        description,
        thumbnailType,
        createdAt,
        size,
        sha256,
        movieGeneration + 1);
  }

  StoredVideo withNextGeneration() {
    return new StoredVideo(
        id,
        sequence,
        title,
        description,
        thumbnailType,
        createdAt,
        movieSize,
        movieSha256,
        movieGeneration + 1);
  }

  /**
   * The movie's strong validator: it changes whenever the bytes could have changed, and stays the
   * same across server restarts.
   */
  String movieEtag() {
    return "\"" + movieSha256.substring(0, 16) + "-" + movieGeneration + "\"";
  }
}
