package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The bytes of the {@link Journal}'s two files (their layout is in its class comment): a base
 * snapshot's entries, and the log's records of puts and removals. Every read checks the shape and
 * says what is wrong in an {@link IOException}: a payload with a good checksum but the wrong shape
 * is damage, never a reason to guess.
 */
final class JournalFormat {
  static final int RECORD_HEADER = 16;
  private static final byte PUT = 1;
  private static final byte REMOVE = 2;

  private JournalFormat() {}

  /** A record of the log that passed its checksum. */
  record Record(long sequence, byte[] payload, int end) {}

  /**
   * The records of a log after the base's sequence, and where its good part ends; a torn tail (the
   * last commit, cut short or garbled, with nothing good after it) is left out and measured.
   */
  record Scan(List<Record> records, long lastSequence, int goodLength, int tornBytes) {}

  /** A base snapshot's payload: every entry, as {@code count, (key, value)*}. */
  static byte[] snapshot(Map<String, byte[]> entries) {
    int size = 4;
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      size += 2 + utf8(entry.getKey()).length + 4 + entry.getValue().length;
    }
    ByteBuffer out = ByteBuffer.allocate(size).putInt(entries.size());
    entries.forEach((key, value) -> putKey(out, key).putInt(value.length).put(value));
    return out.array();
  }

  /** The entries of a base snapshot's payload. */
  static Map<String, byte[]> entries(byte[] payload) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(payload);
    try {
      int count = in.getInt();
      checkCount(count, in, 6);
      Map<String, byte[]> entries = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String key = key(in);
        if (entries.put(key, value(in)) != null) {
          throw new IOException("journal snapshot holds entry " + key + " twice");
        }
      }
      checkEnd(in, "journal snapshot");
      return entries;
    } catch (BufferUnderflowException e) {
      throw new IOException("journal snapshot ends inside an entry", e);
    }
  }

  /**
   * A log record's payload: the puts, then the removals, as {@code count, (kind, key, value?)*}.
   */
  static byte[] changes(Map<String, byte[]> puts, Set<String> removals) {
    int size = 4;
    for (Map.Entry<String, byte[]> put : puts.entrySet()) {
      size += 1 + 2 + utf8(put.getKey()).length + 4 + put.getValue().length;
    }
    for (String key : removals) {
      size += 1 + 2 + utf8(key).length;
    }
    ByteBuffer out = ByteBuffer.allocate(size).putInt(puts.size() + removals.size());
    puts.forEach((key, value) -> putKey(out.put(PUT), key).putInt(value.length).put(value));
    removals.forEach(key -> putKey(out.put(REMOVE), key));
    return out.array();
  }

  /** Applies a log record's payload to {@code entries}. */
  static void apply(byte[] payload, Map<String, byte[]> entries, long sequence) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(payload);
    String where = "journal record " + sequence;
    try {
      int count = in.getInt();
      checkCount(count, in, 3);
      for (int i = 0; i < count; i++) {
        byte kind = in.get();
        String key = key(in);
        if (kind == PUT) {
          entries.put(key, value(in));
        } else if (kind == REMOVE) {
          entries.remove(key);
        } else {
          throw new IOException(where + ": unknown change kind " + kind);
        }
      }
      checkEnd(in, where);
    } catch (BufferUnderflowException e) {
      throw new IOException(where + " ends inside a change", e);
    }
  }

  /** A whole log record: length, CRC32 of sequence and payload, sequence, payload. */
  static ByteBuffer record(long sequence, byte[] payload) {
    ByteBuffer out = ByteBuffer.allocate(RECORD_HEADER + payload.length);
    out.putInt(payload.length).putInt(0).putLong(sequence).put(payload);
    out.putInt(4, crc32(out.array(), 8, RECORD_HEADER + payload.length));
    return out.flip();
  }

  /**
   * Reads the log: records at or below {@code baseSequence} are skipped (a compaction wrote them
   * into the base), the rest must follow each other by one.
   *
   * @throws IOException for damage that is not a torn tail: a bad record with a good one after it,
   *     a sequence gap
   */
  static Scan scan(byte[] log, long baseSequence) throws IOException {
    List<Record> records = new ArrayList<>();
    long last = baseSequence;
    int position = 0;
    while (position < log.length) {
      Record record = recordAt(log, position);
      if (record == null) {
        int next = nextGoodRecord(log, position + 1, last);
        if (next >= 0) {
          throw new IOException(
              "journal.log has a damaged record at offset "
                  + position
                  + " with a good one after it, at offset "
                  + next);
        }
        return new Scan(records, last, position, log.length - position);
      }
      if (record.sequence() <= baseSequence && last == baseSequence) {
        position = record.end();
        continue;
      }
      if (record.sequence() != last + 1) {
        throw new IOException(
            "journal.log: record "
                + record.sequence()
                + " at offset "
                + position
                + " does not follow "
                + last);
      }
      records.add(record);
      last = record.sequence();
      position = record.end();
    }
    return new Scan(records, last, position, 0);
  }

  /** The record at {@code position}, or null if it is cut short or fails its checksum. */
  private static Record recordAt(byte[] log, int position) {
    if (log.length - position < RECORD_HEADER) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(log);
    int length = in.getInt(position);
    if (length < 0 || length > log.length - position - RECORD_HEADER) {
      return null;
    }
    if (in.getInt(position + 4) != crc32(log, position + 8, position + RECORD_HEADER + length)) {
      return null;
    }
    int start = position + RECORD_HEADER;
    byte[] payload = new byte[length];
    System.arraycopy(log, start, payload, 0, length);
    return new Record(in.getLong(position + 8), payload, start + length);
  }

  /** The offset of a good record later than {@code last} at or after {@code from}, or -1. */
  private static int nextGoodRecord(byte[] log, int from, long last) {
    ByteBuffer in = ByteBuffer.wrap(log);
    for (int position = from; position <= log.length - RECORD_HEADER; position++) {
      int length = in.getInt(position);
      // Cheap tests first: most offsets of a torn record cannot start a record at all.
      if (length >= 0
          && length <= log.length - position - RECORD_HEADER
          && in.getLong(position + 8) > last
          && recordAt(log, position) != null) {
        return position;
      }
    }
    return -1;
  }

  private static ByteBuffer putKey(ByteBuffer out, String key) {
    byte[] bytes = utf8(key);
    return out.putShort((short) bytes.length).put(bytes);
  }

  private static String key(ByteBuffer in) throws IOException {
    byte[] bytes = new byte[Short.toUnsignedInt(in.getShort())];
    in.get(bytes);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("an entry key is not UTF-8", e);
    }
  }

  private static byte[] value(ByteBuffer in) throws IOException {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IOException("an entry value of " + length + " bytes overruns its payload");
    }
    byte[] value = new byte[length];
    in.get(value);
    return value;
  }

  private static void checkCount(int count, ByteBuffer in, int leastBytesEach) throws IOException {
    if (count < 0 || (long) count * leastBytesEach > in.remaining()) {
      throw new IOException("a count of " + count + " entries cannot fit its payload");
    }
  }

  private static void checkEnd(ByteBuffer in, String where) throws IOException {
    if (in.hasRemaining()) {
      throw new IOException(where + " has " + in.remaining() + " bytes after its last entry");
    }
  }

  static int crc32(byte[] bytes, int from, int to) {
    CRC32 crc = new CRC32();
    crc.update(bytes, from, to - from);
    return (int) crc.getValue();
  }

  private static byte[] utf8(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0xFFFF) {
      throw new IllegalArgumentException("an entry key is longer than 65535 bytes");
    }
    return bytes;
  }
}
