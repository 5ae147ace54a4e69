package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The daemon's memory across deaths: one file holding the latest committed snapshot of its state
 * (tasks, their progress, queued events, task-id counters), replaced atomically on every commit.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>A commit is atomic: after a crash at any point, {@link #read()} returns either the previous
 *       snapshot or the new one, whole, never a mix. The new snapshot goes to a temp file, is
 *       forced to disk, and then renamed over the journal ("a rename is atomic"); the directory is
 *       forced after the rename.
 *   <li>{@link #commit} returns only after the data is on disk; if it throws, the previous snapshot
 *       is still the journal.
 *   <li>Damage is detected: a snapshot whose magic, version, length or CRC32 does not match is
 *       refused with an {@link IOException}, never half-read.
 * </ul>
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
 *   <tr><td>24</td><td>N</td><td>payload: the daemon's state as UTF-8 JSON</td></tr>
 * </table>
 *
 * <h2>Honest limits</h2>
 *
 * <ul>
 *   <li>Every commit rewrites the whole snapshot: fine for tens of tasks, not for thousands.
 *   <li>Bytes downloaded after the last commit are not counted in it; on restart the daemon trusts
 *       the partial file's length instead, which is right after a process death but not after a
 *       power cut that loses unsynced file data.
 *   <li>One writer: two daemons on one directory would overwrite each other's snapshots.
 *   <li>A rename is atomic on POSIX file systems; where the file system refuses an atomic move, the
 *       journal falls back to a plain replace and says so in {@link #atomicRenames()}.
 * </ul>
 */
public final class Journal {
  public static final String FILE_NAME = "journal.dat";
  static final String TEMP_NAME = "journal.tmp";
  static final int MAGIC = 0x5646544A;
  static final int FORMAT_VERSION = 1;
  static final int HEADER_LENGTH = 24;

  /** How bytes reach a file: replaceable so tests can break a write mid-way. */
  @FunctionalInterface
  interface FileWriter {
    void write(FileChannel channel, ByteBuffer data) throws IOException;
  }

  private static final FileWriter PLAIN_WRITER =
      (channel, data) -> {
        while (data.hasRemaining()) {
          channel.write(data);
        }
      };

  private final Path directory;
  private final FileWriter writer;

  /** Guarded by {@code this}. */
  private long sequence;

  /** Guarded by {@code this}. */
  private boolean atomicRenames = true;

  public Journal(Path directory) throws IOException {
    this(directory, PLAIN_WRITER);
  }

  /** For testing: {@code writer} may fail part-way through a write. */
  Journal(Path directory, FileWriter writer) throws IOException {
    this.directory = directory;
    this.writer = writer;
    Files.createDirectories(directory);
    Files.deleteIfExists(directory.resolve(TEMP_NAME));
  }

  public Path file() {
    return directory.resolve(FILE_NAME);
  }

  /**
   * The last committed payload, or empty when nothing was ever committed.
   *
   * @throws IOException when the journal exists but is damaged
   */
  public synchronized Optional<byte[]> read() throws IOException {
    Path file = file();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    byte[] all = Files.readAllBytes(file);
    if (all.length < HEADER_LENGTH) {
      throw new IOException("journal too short: " + all.length + " bytes");
    }
    ByteBuffer buffer = ByteBuffer.wrap(all);
    int magic = buffer.getInt();
    int version = buffer.getInt();
    long seq = buffer.getLong();
    int length = buffer.getInt();
    int crc = buffer.getInt();
    if (magic != MAGIC) {
      throw new IOException("not a journal: magic " + Integer.toHexString(magic));
    }
    if (version != FORMAT_VERSION) {
      throw new IOException("journal format " + version + " is not supported");
    }
    if (length < 0 || length != all.length - HEADER_LENGTH) {
      throw new IOException("journal length " + length + " does not match the file");
    }
    byte[] payload = new byte[length];
    buffer.get(payload);
    if (crc32(payload) != crc) {
      throw new IOException("journal checksum mismatch");
    }
    sequence = Math.max(sequence, seq);
    return Optional.of(payload);
  }

  /** Replaces the journal with {@code payload}, atomically and durably. */
  public synchronized void commit(byte[] payload) throws IOException {
    ByteBuffer data = ByteBuffer.allocate(HEADER_LENGTH + payload.length);
    data.putInt(MAGIC).putInt(FORMAT_VERSION).putLong(sequence + 1);
    data.putInt(payload.length).putInt(crc32(payload)).put(payload).flip();
    Path temp = directory.resolve(TEMP_NAME);
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writer.write(channel, data);
      channel.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    try {
      Files.move(temp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      atomicRenames = false;
      Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING);
    }
    forceDirectory();
    sequence++;
  }

  /** The sequence number of the last commit this instance read or wrote. */
  public synchronized long sequence() {
    return sequence;
  }

  public synchronized boolean atomicRenames() {
    return atomicRenames;
  }

  private void forceDirectory() {
    // Makes the rename itself durable; not every platform lets a directory be opened, so best
    // effort.
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // The rename is still atomic; only its durability across a power cut is weaker.
    }
  }

  private static int crc32(byte[] payload) {
    CRC32 crc = new CRC32();
    crc.update(payload);
    return (int) crc.getValue();
  }
}
