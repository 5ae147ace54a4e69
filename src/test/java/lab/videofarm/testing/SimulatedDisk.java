package lab.videofarm.testing;

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
 * A directory as a disk device holds it, for tests that break persistence the way Tape's tests
 * break a file: it fails the step it is told to, and it can lose every write not yet forced, as a
 * power cut does. A thin adapter per file layer (the journal's, the archives') does the real file
 * operation and tells this disk what it did.
 *
 * <p>It keeps two views besides the real files: the bytes of each file as of its last {@link
 * #forced force}, and the directory as of its last {@link #directoryForced directory force} (each
 * name with its forced bytes, or none if its data never was). {@link #powerCut()} puts the
 * directory back to that view.
 *
 * @param <S> the adapter's persistence steps
 */
public final class SimulatedDisk<S extends Enum<S>> {
  private final Path directory;
  private final S read;
  private final Map<String, byte[]> forced = new HashMap<>();
  private Map<String, byte[]> durable;
  private final List<String> steps = new ArrayList<>();
  private S failing;
  private int failingStepNumber;
  private boolean forcesIgnored;

  /**
   * Everything already in {@code directory} counts as on disk; {@code read} is the one step that
   * changes nothing, so it is not counted by {@link #failAtStepNumber}.
   */
  public SimulatedDisk(Path directory, S read) throws IOException {
    this.directory = directory;
    this.read = read;
    for (Path file : files()) {
      forced.put(name(file), Files.readAllBytes(file));
    }
    durable = new HashMap<>(forced);
  }

  /** From now on, {@code step} fails with an {@link IOException} until {@link #heal()}. */
  public void failAt(S step) {
    this.failing = step;
  }

  /**
   * From now on, the {@code number}th step that changes the disk (1-based, counted from now) fails
   * as {@link #failAt} fails it; the steps before it succeed.
   */
  public void failAtStepNumber(int number) {
    steps.clear();
    this.failingStepNumber = number;
  }

  /** The steps that changed the disk since {@link #failAtStepNumber}, as "STEP file". */
  public List<String> steps() {
    return List.copyOf(steps);
  }

  public void heal() {
    this.failing = null;
    this.failingStepNumber = 0;
  }

  /** From now on, forcing a file returns at once and forces nothing, as a lying disk does. */
  public void ignoreForces() {
    this.forcesIgnored = true;
  }

  public boolean forcesIgnored() {
    return forcesIgnored;
  }

  /** Throws if {@code step} on {@code file} is to fail. */
  public void check(S step, Path file) throws IOException {
    if (failsNow(step, file)) {
      throw failure(step);
    }
  }

  /** Whether {@code step} on {@code file} is to fail; counts it if it changes the disk. */
  public boolean failsNow(S step, Path file) {
    if (step == failing) {
      return true;
    }
    if (step == read) {
      return false;
    }
    steps.add(step + " " + file.getFileName());
    return steps.size() == failingStepNumber;
  }

  public IOException failure(S step) {
    return new IOException("simulated failure at " + step);
  }

  /** The first half of {@code data}: what a torn write leaves before the device gives up. */
  public static ByteBuffer half(ByteBuffer data) {
    ByteBuffer half = data.duplicate();
    half.limit(half.position() + half.remaining() / 2);
    return half;
  }

  /** {@code file} was forced: its bytes now survive a power cut once its name does. */
  public void forced(Path file) throws IOException {
    String name = name(file);
    byte[] bytes = Files.readAllBytes(file);
    forced.put(name, bytes);
    if (durable.containsKey(name)) {
      durable.put(name, bytes);
    }
  }

  /** The directory was forced: every name in it now survives a power cut, with its forced bytes. */
  public void directoryForced() throws IOException {
    Map<String, byte[]> now = new HashMap<>();
    for (Path file : files()) {
      now.put(name(file), forced.getOrDefault(name(file), new byte[0]));
    }
    durable = now;
  }

  /** {@code from} was renamed to {@code to}: the forced bytes go with the name. */
  public void renamed(Path from, Path to) {
    byte[] bytes = forced.remove(name(from));
    if (bytes == null) {
      forced.remove(name(to));
    } else {
      forced.put(name(to), bytes);
    }
  }

  public void deleted(Path file) {
    forced.remove(name(file));
  }

  /** The directory as the device holds it: unforced data and unforced renames are gone. */
  public void powerCut() throws IOException {
    for (Path file : files()) {
      Files.delete(file);
    }
    for (Map.Entry<String, byte[]> entry : durable.entrySet()) {
      Files.write(directory.resolve(entry.getKey()), entry.getValue());
    }
    forced.clear();
    forced.putAll(durable);
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
