package lab.videofarm.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The upload resources of resumable uploads, on disk under {@code <data>/uploads/<token>/}: {@code
 * upload.json} (the video, the interop version, when it was created; written atomically) and {@code
 * partial}, the bytes received so far. The partial file only grows, and what it holds is what
 * {@code HEAD} reports as the offset. It becomes the movie by an atomic rename once the upload is
 * complete; until then the video keeps its old movie.
 *
 * <p>Resources survive a server restart. One whose partial file has not grown for {@link
 * #lifetime()} expires: it is deleted when the server starts and whenever a new upload begins, and
 * a client that comes back later gets 404 and must upload again.
 *
 * <p>One request at a time works on a resource: its lock is held for the whole request.
 */
final class UploadResources {
  static final String FOLDER = "uploads";
  private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

  /** One upload resource. */
  record Resource(String token, String videoId, int interopVersion, Path directory) {
    Path partial() {
      return directory.resolve("partial");
    }
  }

  private final Path root;
  private final Clock clock;
  private final Duration lifetime;
  private final ObjectMapper json;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  UploadResources(Path root, Clock clock, Duration lifetime, ObjectMapper json) throws IOException {
    this.root = root;
    this.clock = clock;
    this.lifetime = lifetime;
    this.json = json;
    Files.createDirectories(root);
    sweep();
  }

  Duration lifetime() {
    return lifetime;
  }

  /** A new, empty upload resource for the video. */
  Resource create(String videoId, int interopVersion) throws IOException {
    sweep();
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    Path directory = root.resolve(token);
    Files.createDirectories(directory);
    Files.createFile(directory.resolve("partial"));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("videoId", videoId);
    meta.put("interopVersion", interopVersion);
    meta.put("createdAt", clock.instant().toString());
    AtomicFiles.write(directory.resolve("upload.json"), json.writeValueAsBytes(meta));
    return new Resource(token, videoId, interopVersion, directory);
  }

  Optional<Resource> find(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    Path directory = root.resolve(token);
    try {
      JsonNode meta = json.readTree(directory.resolve("upload.json").toFile());
      if (!Files.isRegularFile(directory.resolve("partial"))) {
        return Optional.empty();
      }
      return Optional.of(
          new Resource(
              token,
              meta.path("videoId").asText(),
              meta.path("interopVersion").asInt(),
              directory));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The lock every request on the resource holds while it works on it. */
  ReentrantLock lock(Resource resource) {
    return locks.computeIfAbsent(resource.token(), token -> new ReentrantLock());
  }

  /** The bytes received so far. */
  long offset(Resource resource) throws IOException {
    return Files.size(resource.partial());
  }

  void delete(Resource resource) throws IOException {
    deleteRecursively(resource.directory());
    locks.remove(resource.token());
  }

  /** Deletes resources idle for longer than the lifetime, unless a request works on them. */
  void sweep() throws IOException {
    Instant oldest = clock.instant().minus(lifetime);
    try (Stream<Path> entries = Files.list(root)) {
      for (Path directory : (Iterable<Path>) entries::iterator) {
        String token = directory.getFileName().toString();
        ReentrantLock lock = locks.get(token);
        if (lock != null && lock.isLocked()) {
          continue;
        }
        Path activity =
            Files.exists(directory.resolve("partial")) ? directory.resolve("partial") : directory;
        if (Files.getLastModifiedTime(activity).toInstant().isBefore(oldest)) {
          deleteRecursively(directory);
          locks.remove(token);
        }
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> children = Files.list(path)) {
        for (Path child : (Iterable<Path>) children::iterator) {
          deleteRecursively(child);
        }
      }
    }
    Files.deleteIfExists(path);
  }
}
