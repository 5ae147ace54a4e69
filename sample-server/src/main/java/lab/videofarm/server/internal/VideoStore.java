package lab.videofarm.server.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The videos on disk. Guarantees: a video appears only once its metadata is complete (thumbnail
 * first, {@code video.json} last, each written atomically); a movie is replaced only by a rename of
 * a complete, forced file, so a reader or a crash sees the old movie or the new one. Limits: one
 * process per data directory; a crash between the movie rename and the metadata write leaves the
 * new bytes with the old metadata, which the next start repairs by hashing the file again.
 *
 * <pre>
 * data/
 *   videos/{id}/video.json   metadata ({@link StoredVideo}), the commit point of a video
 *   videos/{id}/thumbnail    PNG or JPEG bytes
 *   videos/{id}/movie        the current movie, if any
 *   tmp/                     uploads in progress and multipart spooling; emptied at start
 * </pre>
 *
 * <p>All methods are thread-safe; metadata changes are serialised on {@code this}.
 */
public final class VideoStore {
  /** Ids are short and safe in a path; anything else is rejected before touching the disk. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

  private final Path videosDirectory;
  private final Path tmpDirectory;
  private final Clock clock;
  private final ObjectMapper json;
  private final SecureRandom random = new SecureRandom();

  // Guarded by this.
  private final Map<String, StoredVideo> videos = new HashMap<>();
  // Guarded by this: how many uploads are streaming into each video right now.
  private final Map<String, Integer> uploading = new HashMap<>();
  // Guarded by this.
  private long nextSequence = 1;

  private VideoStore(Path dataDirectory, Clock clock, ObjectMapper json) {
    this.videosDirectory = dataDirectory.resolve("videos");
    this.tmpDirectory = dataDirectory.resolve("tmp");
    this.clock = clock;
    this.json = json;
  }

  /** Opens (creating if needed) the store in a data directory and loads every complete video. */
  public static VideoStore open(Path dataDirectory, Clock clock, ObjectMapper json)
      throws IOException {
    VideoStore store = new VideoStore(dataDirectory, clock, json);
    store.load();
    return store;
  }

  private void load() throws IOException {
    Files.createDirectories(videosDirectory);
    Files.createDirectories(tmpDirectory);
    try (Stream<Path> leftovers = Files.list(tmpDirectory)) {
      for (Path leftover : (Iterable<Path>) leftovers::iterator) {
        deleteRecursively(leftover);
      }
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(videosDirectory)) {
      for (Path dir : dirs) {
        Path metadata = dir.resolve("video.json");
        if (!Files.isRegularFile(metadata)) {
          // Never committed: a creation that crashed before its metadata was written.
          deleteRecursively(dir);
          continue;
        }
        StoredVideo video = repair(json.readValue(metadata.toFile(), StoredVideo.class));
        videos.put(video.id(), video);
        nextSequence = Math.max(nextSequence, video.sequence() + 1);
      }
    }
  }

  private StoredVideo repair(StoredVideo video) throws IOException {
    Path movie = moviePath(video.id());
    boolean onDisk = Files.isRegularFile(movie);
    if (onDisk == video.hasMovie() && (!onDisk || Files.size(movie) == video.movieSize())) {
      return video;
    }
    StoredVideo repaired =
        onDisk
            ? video.withMovie(Files.size(movie), Hashing.sha256Hex(movie))
            : new StoredVideo(
                video.id(),
                video.sequence(),
                video.title(),
                video.description(),
                video.thumbnailType(),
                video.createdAt(),
                0,
                null,
                video.movieGeneration() + 1);
    writeMetadata(repaired);
    return repaired;
  }

  public boolean isEmpty() {
    synchronized (this) {
      return videos.isEmpty();
    }
  }

  /** Every video in creation order, with its movie status. */
  public synchronized List<VideoView> list() {
    List<VideoView> list = new ArrayList<>();
    videos.values().stream()
        .sorted(Comparator.comparingLong(StoredVideo::sequence))
        .forEach(v -> list.add(view(v)));
    return list;
  }

  public synchronized Optional<VideoView> find(String id) {
    StoredVideo video = videos.get(id);
    return video == null ? Optional.empty() : Optional.of(view(video));
  }

  private VideoView view(StoredVideo video) {
    MovieStatus status =
        uploading.getOrDefault(video.id(), 0) > 0
            ? MovieStatus.UPLOADING
            : video.hasMovie() ? MovieStatus.READY : MovieStatus.MISSING;
    return new VideoView(video, status);
  }

  /**
   * Creates a video from a finished thumbnail file (moved, not copied, into the video's directory).
   */
  public VideoView create(String title, String description, Path thumbnail, String thumbnailType)
      throws IOException {
    String id;
    long sequence;
    synchronized (this) {
      do {
        id = newId();
      } while (videos.containsKey(id) || Files.exists(videosDirectory.resolve(id)));
      sequence = nextSequence++;
    }
    Path dir = videosDirectory.resolve(id);
    Files.createDirectory(dir);
    AtomicFiles.force(thumbnail);
    AtomicFiles.moveIntoPlace(thumbnail, thumbnailPath(id));
    StoredVideo video =
        new StoredVideo(
            id,
            sequence,
            title,
            description,
            thumbnailType,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            0,
            null,
            0);
    writeMetadata(video);
    synchronized (this) {
      videos.put(id, video);
      return view(video);
    }
  }

  private String newId() {
    StringBuilder id = new StringBuilder(10);
    for (int i = 0; i < 10; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }

  /**
   * Opens the current movie together with its validators, atomically with respect to replacements.
   */
  public synchronized Optional<MovieSnapshot> openMovie(String id) throws IOException {
    StoredVideo video = videos.get(id);
    if (video == null || !video.hasMovie()) {
      return Optional.empty();
    }
    Path movie = moviePath(id);
    FileChannel channel = FileChannel.open(movie, StandardOpenOption.READ);
    try {
      return Optional.of(
          new MovieSnapshot(
              channel,
              channel.size(),
              Files.getLastModifiedTime(movie).toInstant(),
              video.movieEtag()));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Marks a video as receiving an upload; pair with {@link #endUpload}. */
  public synchronized void beginUpload(String id) {
    require(id);
    uploading.merge(id, 1, Integer::sum);
  }

  public synchronized void endUpload(String id) {
    uploading.computeIfPresent(id, (k, n) -> n > 1 ? n - 1 : null);
  }

  /**
   * Makes a complete, forced upload the video's movie.
   *
   * @return true if it replaced an earlier movie
   */
  public boolean commitMovie(String id, Path upload, long size, String sha256) throws IOException {
    synchronized (this) {
      StoredVideo video = require(id);
      Path movie = moviePath(id);
      FileTime previous = video.hasMovie() ? Files.getLastModifiedTime(movie) : null;
      AtomicFiles.moveIntoPlace(upload, movie);
      bumpLastModified(movie, previous);
      StoredVideo updated = video.withMovie(size, sha256);
      writeMetadata(updated);
      videos.put(id, updated);
      return video.hasMovie();
    }
  }

  /** The changed-ETag fault: a new validator, as if the movie had been replaced. */
  public synchronized void changeMovieEtag(String id) {
    StoredVideo video = videos.get(id);
    if (video == null || !video.hasMovie()) {
      throw new NoSuchElementException("no movie for video " + id);
    }
    try {
      Path movie = moviePath(id);
      bumpLastModified(movie, Files.getLastModifiedTime(movie));
      StoredVideo updated = video.withNextGeneration();
      writeMetadata(updated);
      videos.put(id, updated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * HTTP dates have whole seconds, so a client validating with {@code If-Range: <Last-Modified>}
   * would not notice a replacement within the same second. Moving the time forward by at least a
   * second keeps the date validator honest.
   */
  private void bumpLastModified(Path movie, FileTime previous) throws IOException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    if (previous != null) {
      Instant atLeast = previous.toInstant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
      if (now.isBefore(atLeast)) {
        now = atLeast;
      }
    }
    Files.setLastModifiedTime(movie, FileTime.from(now));
  }

  private StoredVideo require(String id) {
    StoredVideo video = videos.get(id);
    if (video == null) {
      throw new NoSuchElementException("no video " + id);
    }
    return video;
  }

  private void writeMetadata(StoredVideo video) throws IOException {
    AtomicFiles.write(
        videosDirectory.resolve(video.id()).resolve("video.json"),
        json.writerWithDefaultPrettyPrinter().writeValueAsBytes(video));
  }

  public Path moviePath(String id) {
    return videosDirectory.resolve(id).resolve("movie");
  }

  public Path thumbnailPath(String id) {
    return videosDirectory.resolve(id).resolve("thumbnail");
  }

  /** Where uploads stream to before they are complete; same file system as the videos. */
  public Path tmpDirectory() {
    return tmpDirectory;
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> children = Files.list(path)) {
        for (Path child : (Iterable<Path>) children::iterator) {
          deleteRecursively(child);
        }
      }
    }
    try {
      Files.delete(path);
    } catch (NoSuchFileException e) {
      // Already gone.
    }
  }
}
