package lab.videofarm.app.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An {@link ArchiveDisk} over a real directory that fails the step it is told to, and that can lose
 * every write not yet forced, as a power cut does (Tape's tests break a file the same way).
 *
 * <p>It keeps two views besides the real files: the bytes of each file as of its last {@link
 * #force}, and the directory as of its last {@link #forceDirectory} (each name with its forced
 * bytes, or none if its data never was). {@link #powerCut()} puts the directory back to that view.
 */
final class FaultyArchiveDisk implements ArchiveDisk {
  /** The persistence steps, in the order a save takes them, then those of a restore. */
  enum Step {
    WRITE,
    FORCE,
    REPLACE,
    FORCE_DIRECTORY,
    READ,
    MOVE_ASIDE
  }

  private final ArchiveDisk real = ArchiveDisk.real(ArchiveFile.WriteHook.WRITE_ALL);
  private final Path directory;
  private final Map<String, byte[]> forced = new HashMap<>();
  private Map<String, byte[]> durable;
  private Step failing;
  private boolean forcesIgnored;

  /** Everything already in {@code directory} counts as on disk. */
  FaultyArchiveDisk(Path directory) throws IOException {
    this.directory = directory;
    for (Path file : files()) {
      forced.put(name(file), Files.readAllBytes(file));
    }
    durable = new HashMap<>(forced);
  }

  /** From now on, {@code step} fails with an {@link IOException} until {@link #heal()}. */
  FaultyArchiveDisk failAt(Step step) {
    this.failing = step;
    return this;
  }

  FaultyArchiveDisk heal() {
    this.failing = null;
    return this;
  }

  /** From now on, forcing a file returns at once and forces nothing, as a lying disk does. */
  FaultyArchiveDisk ignoreForces() {
    this.forcesIgnored = true;
    return this;
  }

  /** The directory as the device holds it: unforced data and unforced renames are gone. */
  void powerCut() throws IOException {
    for (Path file : files()) {
      Files.delete(file);
    }
    for (Map.Entry<String, byte[]> entry : durable.entrySet()) {
      Files.write(directory.resolve(entry.getKey()), entry.getValue());
    }
    forced.clear();
    forced.putAll(durable);
  }

  private void step(Step step) throws IOException {
    if (step == failing) {
      throw new IOException("simulated failure at " + step);
    }
  }

  @Override
  public byte[] read(Path file) throws IOException {
    step(Step.READ);
    return real.read(file);
  }

  @Override
  public void write(Path file, ByteBuffer data) throws IOException {
    if (failing == Step.WRITE) {
      // A torn write: the first half reaches the file, then the device gives up.
      ByteBuffer half = data.duplicate();
      half.limit(half.position() + half.remaining() / 2);
      real.write(file, half);
    } else {
      real.write(file, data);
    }
    step(Step.WRITE);
  }

  @Override
  public void force(Path file) throws IOException {
    step(Step.FORCE);
    if (forcesIgnored) {
      return;
    }
    real.force(file);
    String name = name(file);
    byte[] bytes = Files.readAllBytes(file);
    forced.put(name, bytes);
    if (durable.containsKey(name)) {
      durable.put(name, bytes);
    }
  }

  @Override
  public void replace(Path from, Path to) throws IOException {
    step(Step.REPLACE);
    real.replace(from, to);
    rename(from, to);
  }

  @Override
  public void moveAside(Path from, Path to) throws IOException {
    step(Step.MOVE_ASIDE);
    real.moveAside(from, to);
    rename(from, to);
  }

  @Override
  public void forceDirectory(Path dir) throws IOException {
    step(Step.FORCE_DIRECTORY);
    real.forceDirectory(dir);
    Map<String, byte[]> now = new HashMap<>();
    for (Path file : files()) {
      now.put(name(file), forced.getOrDefault(name(file), new byte[0]));
    }
    durable = now;
  }

  private void rename(Path from, Path to) {
    byte[] bytes = forced.remove(name(from));
    if (bytes == null) {
      forced.remove(name(to));
    } else {
      forced.put(name(to), bytes);
    }
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private Iterable<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
