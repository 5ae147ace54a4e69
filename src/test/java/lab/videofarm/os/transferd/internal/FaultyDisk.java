package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import lab.videofarm.testing.SimulatedDisk;

/**
 * A {@link JournalDisk} over a real directory that fails the step it is told to, and that can lose
 * every write not yet forced, as a power cut does: the journal's adapter to a {@link
 * SimulatedDisk}.
 */
final class FaultyDisk implements JournalDisk {
  /** The persistence steps, in the order a commit takes them, then those of a read. */
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
  private final SimulatedDisk<Step> disk;

  /** Everything already in {@code directory} counts as on disk. */
  FaultyDisk(Path directory) throws IOException {
    this.disk = new SimulatedDisk<>(directory, Step.READ);
  }

  /** From now on, {@code step} fails with an {@link IOException} until {@link #heal()}. */
  FaultyDisk failAt(Step step) {
    disk.failAt(step);
    return this;
  }

  /** From now on, the {@code number}th step that changes the disk fails; see {@link #steps}. */
  FaultyDisk failAtStepNumber(int number) {
    disk.failAtStepNumber(number);
    return this;
  }

  List<String> steps() {
    return disk.steps();
  }

  FaultyDisk heal() {
    disk.heal();
    return this;
  }

  /** From now on, forcing a file returns at once and forces nothing, as a lying disk does. */
  FaultyDisk ignoreForces() {
    disk.ignoreForces();
    return this;
  }

  /** The directory as the device holds it: unforced data and unforced renames are gone. */
  void powerCut() throws IOException {
    disk.powerCut();
  }

  @Override
  public boolean exists(Path file) {
    return real.exists(file);
  }

  @Override
  public byte[] read(Path file) throws IOException {
    disk.check(Step.READ, file);
    return real.read(file);
  }

  @Override
  public void write(Path file, ByteBuffer data) throws IOException {
    if (disk.failsNow(Step.WRITE, file)) {
      real.write(file, SimulatedDisk.half(data));
      throw disk.failure(Step.WRITE);
    }
    real.write(file, data);
  }

  @Override
  public void append(Path file, long position, ByteBuffer data) throws IOException {
    if (disk.failsNow(Step.APPEND, file)) {
      real.append(file, position, SimulatedDisk.half(data));
      throw disk.failure(Step.APPEND);
    }
    real.append(file, position, data);
  }

  @Override
  public void truncate(Path file, long size) throws IOException {
    disk.check(Step.TRUNCATE, file);
    real.truncate(file, size);
  }

  @Override
  public void force(Path file) throws IOException {
    disk.check(Step.FORCE, file);
    if (!disk.forcesIgnored()) {
      real.force(file);
      disk.forced(file);
    }
  }

  @Override
  public void replace(Path from, Path to, boolean atomic) throws IOException {
    disk.check(Step.REPLACE, to);
    real.replace(from, to, atomic);
    disk.renamed(from, to);
  }

  @Override
  public void moveAside(Path from, Path to) throws IOException {
    disk.check(Step.MOVE_ASIDE, from);
    real.moveAside(from, to);
    disk.renamed(from, to);
  }

  @Override
  public void forceDirectory(Path directory) throws IOException {
    disk.check(Step.FORCE_DIRECTORY, directory);
    real.forceDirectory(directory);
    disk.directoryForced();
  }

  @Override
  public void delete(Path file) throws IOException {
    real.delete(file);
    disk.deleted(file);
  }
}
