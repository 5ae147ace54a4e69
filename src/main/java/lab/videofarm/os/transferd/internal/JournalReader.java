package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a {@link Journal}'s base and replays its log, refusing damage with an {@link IOException}
 * that says what is wrong; a torn last record is left out and measured, not refused.
 */
final class JournalReader {
  /** What the files hold, and where the log's good part ends. */
  record Loaded(
      Map<String, byte[]> entries,
      long sequence,
      boolean currentFormat,
      long baseLength,
      long goodLogLength,
      int tornBytes) {}

  private final JournalDisk disk;
  private final Journal.WholeStateReader wholeState;

  JournalReader(JournalDisk disk, Journal.WholeStateReader wholeState) {
    this.disk = disk;
    this.wholeState = wholeState;
  }

  /** The journal in {@code base} and {@code log}, or null when neither holds anything. */
  Loaded load(Path base, Path log) throws IOException {
    byte[] logBytes = disk.exists(log) ? readAll(log) : new byte[0];
    if (!disk.exists(base)) {
      if (logBytes.length == 0) {
        return null;
      }
      throw new IOException(
          "journal.log holds " + logBytes.length + " bytes but journal.dat is missing");
    }
    byte[] all = readAll(base);
    ByteBuffer header = validate(all);
    int version = header.getInt(4);
    long baseSequence = header.getLong(8);
    byte[] payload = new byte[all.length - Journal.HEADER_LENGTH];
    System.arraycopy(all, Journal.HEADER_LENGTH, payload, 0, payload.length);
    boolean current = version == Journal.FORMAT_VERSION;
    Map<String, byte[]> entries =
        current ? JournalFormat.entries(payload) : wholeState.entries(payload);
    JournalFormat.Scan scan = JournalFormat.scan(logBytes, baseSequence);
    if (!current && !scan.records().isEmpty()) {
      throw new IOException("journal.log holds records after a whole-state journal.dat");
    }
    for (JournalFormat.Record record : scan.records()) {
      JournalFormat.apply(record.payload(), entries, record.sequence());
    }
    return new Loaded(
        entries, scan.lastSequence(), current, all.length, scan.goodLength(), scan.tornBytes());
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

  /** The base's header, once its magic, version, length and checksum are right. */
  private static ByteBuffer validate(byte[] all) throws IOException {
    if (all.length < Journal.HEADER_LENGTH) {
      throw new IOException("journal too short: " + all.length + " bytes");
    }
    ByteBuffer buffer = ByteBuffer.wrap(all);
    int magic = buffer.getInt(0);
    int version = buffer.getInt(4);
    int length = buffer.getInt(16);
    if (magic != Journal.MAGIC) {
      throw new IOException("not a journal: magic " + Integer.toHexString(magic));
    }
    if (version != Journal.FORMAT_VERSION && version != Journal.WHOLE_STATE_VERSION) {
      throw new IOException(
          "journal format "
              + version
              + " is not supported (this daemon reads "
              + Journal.WHOLE_STATE_VERSION
              + " and "
              + Journal.FORMAT_VERSION
              + ")");
    }
    if (length < 0 || length != all.length - Journal.HEADER_LENGTH) {
      throw new IOException("journal length " + length + " does not match the file");
    }
    if (JournalFormat.crc32(all, Journal.HEADER_LENGTH, all.length) != buffer.getInt(20)) {
      throw new IOException("journal checksum mismatch");
    }
    return buffer;
  }
}
