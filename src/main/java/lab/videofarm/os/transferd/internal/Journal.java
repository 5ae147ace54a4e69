package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The daemon's memory across deaths: one file holding the latest committed snapshot of its state
 * (tasks, their progress, queued events, task-id counters), replaced atomically on every commit.
 *
 * <h2>Guarantees</h2>
 *
 * <table>
 *   <caption>What {@link #read()} returns after each failure</caption>
 *   <tr><th>failure</th><th>next {@link #read()}</th></tr>
 *   <tr><td>a commit fails (throws) while writing or forcing the temp file, or renaming it</td>
 *       <td>the previous snapshot; the temp file is removed</td></tr>
 *   <tr><td>the process dies at any point of a commit</td>
 *       <td>the previous snapshot or the new one, whole, never a mix</td></tr>
 *   <tr><td>the power fails at any point of a commit (unsynced writes lost)</td>
 *       <td>the previous snapshot or, once the commit returned, the new one</td></tr>
 *   <tr><td>the directory sync after the rename fails (where the platform reports it)</td>
 *       <td>the new snapshot; after a power cut, the previous or the new one. The commit throws,
 *       so the failure is reported</td></tr>
 *   <tr><td>the file is damaged (torn by a disk that lied about syncing, truncated, bit rot,
 *       another program): magic, format, length or CRC32 wrong, or a payload the {@link
 *       PayloadCheck} refuses (the daemon's: JSON of the wrong shape, an unknown newer version)</td>
 *       <td>a {@link DamagedException}; the file is first renamed to {@code
 *       journal.dat.corrupt-<time>} (never over an earlier one), so the next commit cannot
 *       destroy the evidence</td></tr>
 *   <tr><td>a damaged file cannot be renamed aside</td>
 *       <td>a {@link DamagedException} saying so; every commit first tries the rename again and
 *       throws rather than overwrite the damaged file</td></tr>
 * </table>
 *
 * <p>A commit: write the whole file to {@value #TEMP_NAME}, force it to disk, rename it over
 * {@value #FILE_NAME} ("a rename is atomic"), force the directory. {@link #commit} returns only
 * after all four; if it throws before the rename, the previous snapshot is still the journal.
 *
 * <h2>On-disk format ({@value #FILE_NAME}, big-endian)</h2>
 *
 * <table>
 *   <caption>Journal file</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th></tr>
 *   <tr><td>0</td><td>4</td><td>magic {@code 0x5646544A} ("VFTJ")</td></tr>
 *   <tr><td>4</td><td>4</td><td>format version, {@value #FORMAT_VERSION}</td></tr>
 *   <tr><td>8</td><td>8</td><td>commit sequence number, +1 per commit</td></tr>
 *   <tr><td>16</td><td>4</td><td>payload length N</td></tr>
 *   <tr><td>20</td><td>4</td><td>CRC32 of the payload</td></tr>
 *   <tr><td>24</td><td>N</td><td>payload: the daemon's state as UTF-8 JSON ({@link StateCodec},
 *       which carries its own {@code version})</td></tr>
 * </table>
 *
 * <pre>
 *   journal.dat                              the last committed snapshot
 *   journal.tmp                              a commit in progress; removed on open
 *   journal.dat.corrupt-20260101T090000.000Z a damaged journal, moved aside
 *   journal.dat.corrupt-20260101T090000.000Z-2  another one, in the same millisecond
 * </pre>
 *
 * <h2>Honest limits</h2>
 *
 * <ul>
 *   <li>Every commit rewrites the whole snapshot, about 1.4 kB a task. Progress alone is
 *       checkpointed at a bounded rate ({@code StateStore}), so a thousand transfers in flight cost
 *       a few hundred kB a second; but every other change (a task made, resumed, finished) still
 *       writes all the tasks, so a burst of changes with thousands of tasks is slow.
 *   <li>Bytes downloaded after the last commit are not counted in it; on restart the daemon trusts
 *       the partial file's length instead, which is right after a process death but not after a
 *       power cut that loses unsynced file data.
 *   <li>One writer: two daemons on one directory would overwrite each other's snapshots.
 *   <li>A rename is atomic on POSIX file systems; where the file system refuses an atomic move, the
 *       journal falls back to a plain replace and says so in {@link #atomicRenames()}.
 *   <li>Quarantined journals are kept for a person to look at; nothing deletes them.
 * </ul>
 */
public final class Journal {
  public static final String FILE_NAME = "journal.dat";
  static final String TEMP_NAME = "journal.tmp";
  static final String QUARANTINE_PREFIX = FILE_NAME + ".corrupt-";
  static final int MAGIC = 0x5646544A;
  static final int FORMAT_VERSION = 1;
  static final int HEADER_LENGTH = 24;

  private static final DateTimeFormatter QUARANTINE_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** How bytes reach a file: replaceable so tests can break a write mid-way. */
  @FunctionalInterface
  interface FileWriter {
    void write(FileChannel channel, ByteBuffer data) throws IOException;
  }

  /** Decides whether a payload with a good checksum is one its reader can use. */
  @FunctionalInterface
  interface PayloadCheck {
    /**
     * @throws IOException saying what is wrong with it
     */
    void check(byte[] payload) throws IOException;
  }

  /** A journal that exists but cannot be used; it has been moved aside unless the message says. */
  public static final class DamagedException extends IOException {
    private final Path keptAt;

    DamagedException(String message, Path keptAt, Throwable cause) {
      super(message, cause);
      this.keptAt = keptAt;
    }

    /** Where the damaged bytes are now: the quarantine file, or the journal if the move failed. */
    public Path keptAt() {
      return keptAt;
    }
  }

  private final Path directory;
  private final JournalDisk disk;
  private final Clock clock;
  private final PayloadCheck check;

  /** Guarded by {@code this}. */
  private long sequence;

  /** Guarded by {@code this}. */
  private boolean atomicRenames = true;

  /** A damaged journal still sits at {@link #file()}; guarded by {@code this}. */
  private boolean evidenceInPlace;

  /** The daemon's journal in {@code directory}: payloads are checked as {@link StateCodec}'s. */
  public Journal(Path directory) throws IOException {
    this(directory, JournalDisk.real(), Clock.systemUTC(), StateCodec::check);
  }

  /** For testing: {@code writer} may fail part-way through a write. */
  Journal(Path directory, FileWriter writer) throws IOException {
    this(directory, JournalDisk.real(writer), Clock.systemUTC(), StateCodec::check);
  }

  /** For testing: every persistence step goes through {@code disk}, which may fail any of them. */
  Journal(Path directory, JournalDisk disk, Clock clock, PayloadCheck check) throws IOException {
    this.directory = directory;
    this.disk = disk;
    this.clock = clock;
    this.check = check;
    Files.createDirectories(directory);
    try {
      disk.delete(directory.resolve(TEMP_NAME));
    } catch (IOException e) {
      // A leftover temp file is harmless: the next commit truncates it.
    }
  }

  public Path file() {
    return directory.resolve(FILE_NAME);
  }

  /**
   * The last committed payload, or empty when nothing was ever committed.
   *
   * @throws DamagedException when the journal exists but is damaged or cannot be read; it has been
   *     moved aside unless the message says it could not be
   */
  public synchronized Optional<byte[]> read() throws IOException {
    Path file = file();
    if (!disk.exists(file)) {
      return Optional.empty();
    }
    byte[] all;
    byte[] payload;
    try {
      all = readAll(file);
      payload = validate(all);
      check.check(payload);
    } catch (IOException damage) {
      throw quarantine(damage);
    }
    sequence = Math.max(sequence, ByteBuffer.wrap(all).getLong(8));
    return Optional.of(payload);
  }

  private byte[] readAll(Path file) throws IOException {
    try {
      return disk.read(file);
    } catch (IOException e) {
      // Unreadable bytes are kept like damaged ones: a transient failure must not lead the next
      // commit to overwrite a good journal.
      throw new IOException("journal could not be read: " + e.getMessage(), e);
    }
  }

  /** The payload of a whole journal file, or why the file is not one. */
  private static byte[] validate(byte[] all) throws IOException {
    if (all.length < HEADER_LENGTH) {
      throw new IOException("journal too short: " + all.length + " bytes");
    }
    ByteBuffer buffer = ByteBuffer.wrap(all);
    int magic = buffer.getInt();
    int version = buffer.getInt();
    buffer.getLong();
    int length = buffer.getInt();
    int crc = buffer.getInt();
    if (magic != MAGIC) {
      throw new IOException("not a journal: magic " + Integer.toHexString(magic));
    }
    if (version != FORMAT_VERSION) {
      throw new IOException(
          "journal format "
              + version
              + " is not supported (this daemon reads "
              + FORMAT_VERSION
              + ")");
    }
    if (length < 0 || length != all.length - HEADER_LENGTH) {
      throw new IOException("journal length " + length + " does not match the file");
    }
    byte[] payload = new byte[length];
    buffer.get(payload);
    if (crc32(payload) != crc) {
      throw new IOException("journal checksum mismatch");
    }
    return payload;
  }

  private DamagedException quarantine(IOException damage) {
    Path keptAt;
    try {
      keptAt = moveAside();
    } catch (IOException moveFailed) {
      evidenceInPlace = true;
      DamagedException e =
          new DamagedException(
              damage.getMessage()
                  + "; could not be moved aside ("
                  + moveFailed.getMessage()
                  + "), so it is not overwritten",
              file(),
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
    return new DamagedException(
        damage.getMessage() + "; kept as " + keptAt.getFileName() + durability, keptAt, damage);
  }

  /** Renames the journal to the first free quarantine name; an earlier one is never replaced. */
  private Path moveAside() throws IOException {
    String stem = QUARANTINE_PREFIX + QUARANTINE_STAMP.format(clock.instant());
    for (int attempt = 1; ; attempt++) {
      Path target = directory.resolve(attempt == 1 ? stem : stem + "-" + attempt);
      try {
        disk.moveAside(file(), target);
        return target;
      } catch (FileAlreadyExistsException taken) {
        // Another damaged journal was moved aside in the same millisecond; try the next name.
      }
    }
  }

  /** Replaces the journal with {@code payload}, atomically and durably. */
  public synchronized void commit(byte[] payload) throws IOException {
    if (evidenceInPlace && disk.exists(file())) {
      // Its rename is forced with this commit's own, below.
      moveAside();
    }
    evidenceInPlace = false;
    ByteBuffer data = ByteBuffer.allocate(HEADER_LENGTH + payload.length);
    data.putInt(MAGIC).putInt(FORMAT_VERSION).putLong(sequence + 1);
    data.putInt(payload.length).putInt(crc32(payload)).put(payload).flip();
    Path temp = directory.resolve(TEMP_NAME);
    try {
      disk.write(temp, data);
      disk.force(temp);
      replace(temp);
    } catch (IOException e) {
      try {
        disk.delete(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    sequence++;
    disk.forceDirectory(directory);
  }

  private void replace(Path temp) throws IOException {
    try {
      disk.replace(temp, file(), true);
    } catch (AtomicMoveNotSupportedException e) {
      atomicRenames = false;
      disk.replace(temp, file(), false);
    }
  }

  /** The sequence number of the last commit this instance read or wrote. */
  public synchronized long sequence() {
    return sequence;
  }

  public synchronized boolean atomicRenames() {
    return atomicRenames;
  }

  private static int crc32(byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(payload);
    return (int) crc.getValue();
  }
}
