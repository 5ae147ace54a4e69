package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Keeps a damaged {@link Journal} for a person to look at: its base and its log are renamed to
 * {@code <name>.corrupt-<time>}, never over an earlier one, before anything may overwrite them.
 * Guarded by the journal's lock.
 */
final class JournalQuarantine {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path directory;
  private final JournalDisk disk;
  private final Clock clock;

  /** A damaged journal could not be moved and still sits in place. */
  private boolean evidenceInPlace;

  JournalQuarantine(Path directory, JournalDisk disk, Clock clock) {
    this.directory = directory;
    this.disk = disk;
    this.clock = clock;
  }

  /** Moves the damaged journal aside and says where it went, or that it could not. */
  Journal.DamagedException report(IOException damage) {
    Path keptAt;
    try {
      keptAt = moveAside();
    } catch (IOException moveFailed) {
      evidenceInPlace = true;
      Journal.DamagedException e =
          new Journal.DamagedException(
              damage.getMessage()
                  + "; could not be moved aside ("
                  + moveFailed.getMessage()
                  + "), so it is not overwritten",
              base(),
              damage);
      e.addSuppressed(moveFailed);
      return e;
    }
    evidenceInPlace = false;
    String durability = "";
    try {
      disk.forceDirectory(directory);
    } catch (IOException e) {
      durability = " (the rename is not yet forced to disk: " + e.getMessage() + ")";
    }
    return new Journal.DamagedException(
        damage.getMessage() + "; kept as " + keptAt.getFileName() + durability, keptAt, damage);
  }

  /**
   * Before a commit: moves a damaged journal that is still in place aside (its rename is forced
   * with the commit's own), or throws rather than let the commit overwrite it.
   *
   * @return whether it moved one
   */
  boolean moveAsideIfInPlace() throws IOException {
    if (!evidenceInPlace) {
      return false;
    }
    moveAside();
    evidenceInPlace = false;
    return true;
  }

  /**
   * Renames the base, then the log, to the first free quarantine names. The base goes first, so a
   * crash in between leaves a log without a base, which is refused in turn, never a base read
   * without its log.
   */
  private Path moveAside() throws IOException {
    String stamp = STAMP.format(clock.instant());
    Path keptAt = null;
    if (disk.exists(base())) {
      keptAt = moveAside(base(), Journal.QUARANTINE_PREFIX + stamp);
    }
    Path log = directory.resolve(Journal.LOG_NAME);
    if (disk.exists(log)) {
      Path logKept = moveAside(log, Journal.LOG_QUARANTINE_PREFIX + stamp);
      keptAt = keptAt == null ? logKept : keptAt;
    }
    return keptAt == null ? base() : keptAt;
  }

  private Path moveAside(Path file, String stem) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path target = directory.resolve(attempt == 1 ? stem : stem + "-" + attempt);
      try {
        disk.moveAside(file, target);
        return target;
      } catch (FileAlreadyExistsException taken) {
        // Another damaged journal was moved aside in the same millisecond; try the next name.
      }
    }
  }

  private Path base() {
    return directory.resolve(Journal.FILE_NAME);
  }
}
