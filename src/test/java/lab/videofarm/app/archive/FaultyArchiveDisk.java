package lab.videofarm.app.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import lab.videofarm.testing.SimulatedDisk;

/**
 * An {@link ArchiveDisk} over a real directory that fails the step it is told to, and that can lose
 * every write not yet forced, as a power cut does: the archives' adapter to a {@link
 * SimulatedDisk}.
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
  private final SimulatedDisk<Step> disk;

  /** Everything already in {@code directory} counts as on disk. */
  FaultyArchiveDisk(Path directory) throws IOException {
    this.disk = new SimulatedDisk<>(directory, Step.READ);
  }

  /** From now on, {@code step} fails with an {@link IOException} until {@link #heal()}. */
  FaultyArchiveDisk failAt(Step step) {
    disk.failAt(step);
    return this;
  }

  FaultyArchiveDisk heal() {
    disk.heal();
    return this;
  }

  /** From now on, forcing a file returns at once and forces nothing, as a lying disk does. */
  FaultyArchiveDisk ignoreForces() {
    disk.ignoreForces();
    return this;
  }

  /** The directory as the device holds it: unforced data and unforced renames are gone. */
  void powerCut() throws IOException {
    disk.powerCut();
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
  public void force(Path file) throws IOException {
    disk.check(Step.FORCE, file);
    if (!disk.forcesIgnored()) {
      real.force(file);
      disk.forced(file);
    }
  }

  @Override
  public void replace(Path from, Path to) throws IOException {
    disk.check(Step.REPLACE, to);
    real.replace(from, to);
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
}
