package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A {@link JournalDisk} over a real directory that fails the step it is told to, and that can lose
 * every write not yet forced, as a power cut does (Tape's tests break a file the same way).
 *
 * <p>It keeps two views besides the real files: the bytes of each file as of its last {@link
 * #force}, and the directory as of its last {@link #forceDirectory} (each name with its forced
 * bytes, or none if its data never was). {@link #powerCut()} puts the directory back to that view.
 */
final class FaultyDisk implements JournalDisk {
  /** The persistence steps, in the order a commit takes them. */
  enum Step {
    APPEND,
    WRITE,
    FORCE,
    REPLACE,
    FORCE_DIRECTORY,
    TRUNCATE,
    MOVE_ASIDE,
    READ
  }

  private final JournalDisk real = JournalDisk.real();
  private final Path directory;
  private final Map<String, byte[]> forced = new HashMap<>();
  private Map<String, byte[]> durable;
  private Step failing;
  private boolean forcesIgnored;
  private final List<String> steps = new ArrayList<>();
  private int failingStepNumber;

  /** Everything already in {@code directory} counts as on disk. */
  FaultyDisk(Path directory) throws IOException {
    this.directory = directory;
    for (Path file : files()) {
      forced.put(file.getFileName().toString(), Files.readAllBytes(file));
    }
    durable = new HashMap<>(forced);
  }

  /** From now on, {@code step} fails with an {@link IOException} until {@link #heal()}. */
  FaultyDisk failAt(Step step) {
    this.failing = step;
    return this;
  }

  /**
   * From now on, the {@code number}th step that changes the disk (1-based, counted from now) fails
   * as {@link #failAt} fails it; the steps before it succeed.
   */
  FaultyDisk failAtStepNumber(int number) {
    steps.clear();
    this.failingStepNumber = number;
    return this;
  }

  /** The steps that changed the disk since {@link #failAtStepNumber}, as "STEP file". */
  List<String> steps() {
    return List.copyOf(steps);
  }

  FaultyDisk heal() {
    this.failing = null;
    this.failingStepNumber = 0;
    return this;
  }

  /** From now on, forcing a file returns at once and forces nothing, as a lying disk does. */
  FaultyDisk ignoreForces() {
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

  private void step(Step step, Path file) throws IOException {
    if (failsNow(step, file)) {
      throw new IOException("simulated failure at " + step);
    }
  }

  /** Whether {@code step} on {@code file} is to fail; counts it if it changes the disk. */
  private boolean failsNow(Step step, Path file) {
    if (step == failing) {
      return true;
    }
    if (step == Step.READ) {
      return false;
    }
    steps.add(step + " " + file.getFileName());
    return steps.size() == failingStepNumber;
  }

  @Override
  public boolean exists(Path file) {
    return real.exists(file);
  }

  @Override
  public byte[] read(Path file) throws IOException {
    step(Step.READ, file);
    return real.read(file);
  }

  @Override
  public void write(Path file, ByteBuffer data) throws IOException {
    if (failsNow(Step.WRITE, file)) {
      // A torn write: the first half reaches the file, then the device gives up.
      real.write(file, half(data));
      throw new IOException("simulated failure at " + Step.WRITE);
    }
    real.write(file, data);
  }

  @Override
  public void append(Path file, long position, ByteBuffer data) throws IOException {
    if (failsNow(Step.APPEND, file)) {
      real.append(file, position, half(data));
      throw new IOException("simulated failure at " + Step.APPEND);
    }
    real.append(file, position, data);
  }

  private static ByteBuffer half(ByteBuffer data) {
    ByteBuffer half = data.duplicate();
    half.limit(half.position() + half.remaining() / 2);
    return half;
  }

  @Override
  public void truncate(Path file, long size) throws IOException {
    step(Step.TRUNCATE, file);
    real.truncate(file, size);
  }

  @Override
  public void force(Path file) throws IOException {
    step(Step.FORCE, file);
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
  public void replace(Path from, Path to, boolean atomic) throws IOException {
    step(Step.REPLACE, to);
    real.replace(from, to, atomic);
    rename(from, to);
  }

  @Override
  public void moveAside(Path from, Path to) throws IOException {
    step(Step.MOVE_ASIDE, from);
    real.moveAside(from, to);
    rename(from, to);
  }

  @Override
  public void forceDirectory(Path dir) throws IOException {
    step(Step.FORCE_DIRECTORY, dir);
    real.forceDirectory(dir);
    Map<String, byte[]> now = new HashMap<>();
    for (Path file : files()) {
      now.put(name(file), forced.getOrDefault(name(file), new byte[0]));
    }
    durable = now;
  }

  @Override
  public void delete(Path file) throws IOException {
    real.delete(file);
    forced.remove(name(file));
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
