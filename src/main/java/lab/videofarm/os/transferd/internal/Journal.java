package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The daemon's memory across deaths: its state as named entries (a task's description, its byte
 * counts, a queued event...), kept as a base snapshot of every entry plus an append-only log of
 * what each commit changed, in the manner of Tape's {@code QueueFile} and LevelDB's log. A commit
 * appends one checksummed record of puts and removals and forces it once; now and then the whole
 * state is written as a new base (atomically) and the log starts empty.
 *
 * <h2>Guarantees</h2>
 *
 * <table>
 *   <caption>What {@link #read()} returns after each failure</caption>
 *   <tr><th>failure</th><th>next {@link #read()}</th></tr>
 *   <tr><td>a commit fails (throws) while appending or forcing its record</td>
 *       <td>the previous state: the log is cut back to its last good record (should that fail
 *       too, the previous state or the new one). The next commit is a compaction, so it also
 *       carries the failed commit's changes</td></tr>
 *   <tr><td>a compaction fails while writing or forcing the temp file, or renaming it</td>
 *       <td>the previous state; the temp file is removed</td></tr>
 *   <tr><td>a compaction fails at the directory sync or the log reset, after its rename</td>
 *       <td>the new state (records the new base holds are skipped by sequence); after a power
 *       cut, the previous or the new one. The commit throws, so the failure is reported</td></tr>
 *   <tr><td>the process dies or the power fails at any point of a commit</td>
 *       <td>the previous state or the new one, whole, never a mix; once a commit returned, the new
 *       one</td></tr>
 *   <tr><td>the log ends in a torn record (cut short, or failing its CRC32, with no good record
 *       after it): a commit the process or the power cut off before it returned</td>
 *       <td>the state before that commit; the tail is cut away and {@link Contents#tornBytes}
 *       says how much</td></tr>
 *   <tr><td>any other damage: a bad base (magic, format, length, CRC32), a bad record with good
 *       ones after it, a sequence gap, a log without its base, a payload of the wrong shape or one
 *       the {@link PayloadCheck} refuses (the daemon's: JSON of the wrong shape, an unknown newer
 *       version)</td>
 *       <td>a {@link DamagedException}; both files are first renamed to {@code
 *       <name>.corrupt-<time>} (never over an earlier one), so the next commit cannot destroy the
 *       evidence</td></tr>
 *   <tr><td>a damaged journal cannot be renamed aside</td>
 *       <td>a {@link DamagedException} saying so; every commit first tries the rename again and
 *       throws rather than overwrite the damaged files</td></tr>
 * </table>
 *
 * <p>A commit appends its record at the log's known good end and forces the log (and, the first
 * time, the directory that now names it). A compaction writes every entry to {@value #TEMP_NAME},
 * forces it, renames it over {@value #FILE_NAME}, forces the directory, then cuts the log to
 * nothing and forces it: a crash between the rename and the reset leaves records the base already
 * holds, which the next read skips by their sequence numbers.
 *
 * <p>A compaction runs when the log would outgrow {@value #COMPACTION_FACTOR}× the base (and at
 * least {@value #COMPACTION_FLOOR} bytes), or after a failed commit. Each compaction writes the
 * base once per {@value #COMPACTION_FACTOR} bases' worth of log, so the disk sees at most 1.5× the
 * bytes of the records themselves, holds at most 3× the state, and a restart replays at most 2× the
 * state.
 *
 * <h2>On-disk format (big-endian)</h2>
 *
 * <table>
 *   <caption>{@value #FILE_NAME}, the base snapshot</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th></tr>
 *   <tr><td>0</td><td>4</td><td>magic {@code 0x5646544A} ("VFTJ")</td></tr>
 *   <tr><td>4</td><td>4</td><td>format version, {@value #FORMAT_VERSION} ({@value
 *       #WHOLE_STATE_VERSION}: a payload of the whole state as one JSON document, still read)</td>
 *   </tr>
 *   <tr><td>8</td><td>8</td><td>sequence number of the last commit it holds</td></tr>
 *   <tr><td>16</td><td>4</td><td>payload length N</td></tr>
 *   <tr><td>20</td><td>4</td><td>CRC32 of the payload</td></tr>
 *   <tr><td>24</td><td>N</td><td>payload: entry count E (4), then E times: key length K (2), key
 *       (K bytes of UTF-8), value length V (4), value (V bytes, the {@link StateCodec}'s JSON)</td>
 *   </tr>
 * </table>
 *
 * <table>
 *   <caption>{@value #LOG_NAME}, one record per commit since the base, back to back</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th></tr>
 *   <tr><td>0</td><td>4</td><td>payload length N</td></tr>
 *   <tr><td>4</td><td>4</td><td>CRC32 of the sequence number and the payload (offsets 8 to
 *       16+N)</td></tr>
 *   <tr><td>8</td><td>8</td><td>sequence number, one more than the record (or base) before</td>
 *   </tr>
 *   <tr><td>16</td><td>N</td><td>payload: change count C (4), then C times: kind (1: 1 put, 2
 *       removal), key length K (2), key (K bytes), and for a put value length V (4), value</td>
 *   </tr>
 * </table>
 *
 * <pre>
 *   journal.dat                              the base snapshot
 *   journal.log                              what each commit since changed
 *   journal.tmp                              a compaction in progress; removed on open
 *   journal.dat.corrupt-20260101T090000.000Z a damaged journal, moved aside (with its
 *   journal.log.corrupt-20260101T090000.000Z   log, under the same name)
 * </pre>
 *
 * <h2>Honest limits</h2>
 *
 * <ul>
 *   <li>Bytes downloaded after the last commit are not counted in it; on restart the daemon trusts
 *       the partial file's length up to the journal's count (see {@code DownloadsFolder}).
 *   <li>The whole state is also kept in memory, for compactions: about 1.4 kB a task.
 *   <li>One writer: two daemons on one directory would overwrite each other's commits.
 *   <li>A rename is atomic on POSIX file systems; where the file system refuses an atomic move, the
 *       journal falls back to a plain replace and says so in {@link #atomicRenames()}.
 *   <li>Quarantined journals are kept for a person to look at; nothing deletes them.
 * </ul>
 */
public final class Journal {
  public static final String FILE_NAME = "journal.dat";
  public static final String LOG_NAME = "journal.log";
  static final String TEMP_NAME = "journal.tmp";
  static final String QUARANTINE_PREFIX = FILE_NAME + ".corrupt-";
  static final String LOG_QUARANTINE_PREFIX = LOG_NAME + ".corrupt-";
  static final int MAGIC = 0x5646544A;
  static final int FORMAT_VERSION = 2;
  static final int WHOLE_STATE_VERSION = 1;
  static final int HEADER_LENGTH = 24;
  static final int COMPACTION_FACTOR = 2;
  static final int COMPACTION_FLOOR = 64 * 1024;

  /** How bytes reach a file: replaceable so tests can break a write mid-way. */
  @FunctionalInterface
  interface FileWriter {
    void write(FileChannel channel, ByteBuffer data) throws IOException;
  }

  /** Decides whether entries with good checksums are ones their reader can use. */
  @FunctionalInterface
  interface PayloadCheck {
    /**
     * @throws IOException saying what is wrong with them
     */
    void check(Map<String, byte[]> entries) throws IOException;
  }

  /** Turns a base of format {@value #WHOLE_STATE_VERSION} (one JSON document) into entries. */
  @FunctionalInterface
  interface WholeStateReader {
    /**
     * @throws IOException saying what is wrong with it
     */
    Map<String, byte[]> entries(byte[] payload) throws IOException;
  }

  /** What the journal holds: every entry as of the last commit that reached the disk. */
  public record Contents(Map<String, byte[]> entries, int tornBytes) {}

  /** A journal that exists but cannot be used; it has been moved aside unless the message says. */
  public static final class DamagedException extends IOException {
    private final Path keptAt;

    DamagedException(String message, Path keptAt, Throwable cause) {
      super(message, cause);
      this.keptAt = keptAt;
    }

    /** Where the damaged base is now (or the log, without one): quarantined, or still in place. */
    public Path keptAt() {
      return keptAt;
    }
  }

  private final Path directory;
  private final JournalDisk disk;
  private final JournalQuarantine quarantine;
  private final PayloadCheck check;
  private final WholeStateReader wholeState;

  /** Every entry as committed; guarded by {@code this}. */
  private final Map<String, byte[]> entries = new LinkedHashMap<>();

  /** Guarded by {@code this}: the last commit read or written. */
  private long sequence;

  /** Guarded by {@code this}: the base's size, 0 when there is none of the current format. */
  private long baseLength;

  /** Guarded by {@code this}: where the log's good records end. */
  private long logLength;

  /** Guarded by {@code this}: the next commit writes a whole base (a failed or unsafe log). */
  private boolean compactNext = true;

  /** Guarded by {@code this}. */
  private boolean atomicRenames = true;

  /** The daemon's journal in {@code directory}: entries are checked as {@link StateCodec}'s. */
  public Journal(Path directory) throws IOException {
    this(directory, JournalDisk.real(), Clock.systemUTC(), StateCodec::check);
  }

  /** For testing: {@code writer} may fail part-way through a write. */
  Journal(Path directory, FileWriter writer) throws IOException {
    this(directory, JournalDisk.real(writer), Clock.systemUTC(), StateCodec::check);
  }

  /** For testing: every persistence step goes through {@code disk}, which may fail any of them. */
  Journal(Path directory, JournalDisk disk, Clock clock, PayloadCheck check) throws IOException {
    this(directory, disk, clock, check, StateCodec::entriesOfWholeState);
  }

  Journal(
      Path directory,
      JournalDisk disk,
      Clock clock,
      PayloadCheck check,
      WholeStateReader wholeState)
      throws IOException {
    this.directory = directory;
    this.disk = disk;
    this.quarantine = new JournalQuarantine(directory, disk, clock);
    this.check = check;
    this.wholeState = wholeState;
    Files.createDirectories(directory);
    try {
      disk.delete(directory.resolve(TEMP_NAME));
    } catch (IOException e) {
      // A leftover temp file is harmless: the next compaction truncates it.
    }
  }

  public Path file() {
    return directory.resolve(FILE_NAME);
  }

  public Path log() {
    return directory.resolve(LOG_NAME);
  }

  /**
   * The entries of the last commit, or empty when nothing was ever committed. A torn last record is
   * cut away from the log first.
   *
   * @throws DamagedException when the journal exists but is damaged or cannot be read; it has been
   *     moved aside unless the message says it could not be
   */
  public synchronized Optional<Contents> read() throws IOException {
    if (!disk.exists(file()) && !disk.exists(log())) {
      return Optional.empty();
    }
    JournalReader.Loaded loaded;
    try {
      loaded = new JournalReader(disk, wholeState).load(file(), log());
      if (loaded == null) {
        return Optional.empty();
      }
      check.check(loaded.entries());
    } catch (IOException damage) {
      entries.clear();
      compactNext = true;
      throw quarantine.report(damage);
    }
    entries.clear();
    entries.putAll(loaded.entries());
    sequence = Math.max(sequence, loaded.sequence());
    baseLength = loaded.currentFormat() ? loaded.baseLength() : 0;
    logLength = loaded.goodLogLength();
    compactNext = !loaded.currentFormat();
    if (loaded.tornBytes() > 0) {
      cutTornTail();
    }
    return Optional.of(new Contents(Map.copyOf(entries), loaded.tornBytes()));
  }

  private void cutTornTail() {
    try {
      disk.truncate(log(), logLength);
      disk.force(log());
    } catch (IOException e) {
      // The next commit writes a whole base and resets the log instead of appending after it.
      compactNext = true;
    }
  }

  /**
   * Makes {@code puts} and {@code removals} the journal's state, durably: one record appended to
   * the log, or a new base when the log is due for compaction. The changes count as made even if
   * this throws: the next commit then writes a whole base that holds them.
   */
  public synchronized void commit(Map<String, byte[]> puts, Set<String> removals)
      throws IOException {
    entries.putAll(puts);
    removals.forEach(entries::remove);
    if (quarantine.moveAsideIfInPlace()) {
      compactNext = true;
    }
    byte[] changes = JournalFormat.changes(puts, removals);
    long limit = Math.max((long) COMPACTION_FACTOR * baseLength, COMPACTION_FLOOR);
    boolean compact =
        compactNext
            || baseLength == 0
            || logLength + JournalFormat.RECORD_HEADER + changes.length > limit;
    compactNext = true;
    if (compact) {
      compact(sequence + 1);
    } else {
      append(sequence + 1, changes);
    }
    compactNext = false;
    sequence++;
  }

  private void append(long next, byte[] changes) throws IOException {
    ByteBuffer record = JournalFormat.record(next, changes);
    int length = record.remaining();
    boolean created = !disk.exists(log());
    try {
      disk.append(log(), logLength, record);
      disk.force(log());
      if (created) {
        disk.forceDirectory(directory);
      }
    } catch (IOException e) {
      try {
        disk.truncate(log(), logLength);
        disk.force(log());
      } catch (IOException cutFailed) {
        e.addSuppressed(cutFailed);
      }
      throw e;
    }
    logLength += length;
  }

  private void compact(long next) throws IOException {
    byte[] payload = JournalFormat.snapshot(entries);
    ByteBuffer data = ByteBuffer.allocate(HEADER_LENGTH + payload.length);
    data.putInt(MAGIC).putInt(FORMAT_VERSION).putLong(next).putInt(payload.length);
    data.putInt(JournalFormat.crc32(payload, 0, payload.length)).put(payload).flip();
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
    baseLength = HEADER_LENGTH + payload.length;
    disk.forceDirectory(directory);
    if (disk.exists(log())) {
      disk.truncate(log(), 0);
      disk.force(log());
    }
    logLength = 0;
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
}
