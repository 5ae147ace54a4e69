package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file operations the {@link Journal} is made of, one method per persistence step, so a test
 * can fail any step or lose the writes not yet forced, as Tape's tests break a {@code
 * RandomAccessFile}.
 */
interface JournalDisk {
  boolean exists(Path file);

  byte[] read(Path file) throws IOException;

  /** Creates or truncates {@code file} and writes all of {@code data}; not forced. */
  void write(Path file, ByteBuffer data) throws IOException;

  /**
   * Writes all of {@code data} into {@code file} at {@code position}, creating the file if it does
   * not exist; not forced. The log's appends: the journal passes the end it knows is good, so bytes
   * after it (a torn record) are overwritten rather than appended to.
   */
  void append(Path file, long position, ByteBuffer data) throws IOException;

  /** Cuts {@code file} to {@code size} bytes; not forced. */
  void truncate(Path file, long size) throws IOException;

  /** Forces the contents of {@code file} to the device. */
  void force(Path file) throws IOException;

  /**
   * Renames {@code from} over {@code to}, atomically if {@code atomic}.
   *
   * @throws java.nio.file.AtomicMoveNotSupportedException if atomic and the file system cannot
   */
  void replace(Path from, Path to, boolean atomic) throws IOException;

  /**
   * Renames {@code from} to {@code to}, never replacing it.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code to} exists
   */
  void moveAside(Path from, Path to) throws IOException;

  /** Makes the renames in {@code directory} durable. */
  void forceDirectory(Path directory) throws IOException;

  /** Deletes {@code file} if it exists. */
  void delete(Path file) throws IOException;

  static JournalDisk real() {
    return real(
        (channel, data) -> {
          while (data.hasRemaining()) {
            channel.write(data);
          }
        });
  }

  /** The real file system, with bytes written through {@code writer}. */
  static JournalDisk real(Journal.FileWriter writer) {
    return new Real(writer);
  }

  /** The file system as it is. */
  final class Real implements JournalDisk {
    private final Journal.FileWriter writer;

    private Real(Journal.FileWriter writer) {
      this.writer = writer;
    }

    @Override
    public boolean exists(Path file) {
      return Files.exists(file);
    }

    @Override
    public byte[] read(Path file) throws IOException {
      return Files.readAllBytes(file);
    }

    @Override
    public void write(Path file, ByteBuffer data) throws IOException {
      try (FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        writer.write(channel, data);
      }
    }

    @Override
    public void append(Path file, long position, ByteBuffer data) throws IOException {
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        channel.position(position);
        writer.write(channel, data);
      }
    }

    @Override
    public void truncate(Path file, long size) throws IOException {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(size);
      }
    }

    @Override
    public void force(Path file) throws IOException {
      // An fsync through any descriptor forces the file's data, whoever wrote it.
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
    }

    @Override
    public void replace(Path from, Path to, boolean atomic) throws IOException {
      if (atomic) {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      }
    }

    @Override
    public void moveAside(Path from, Path to) throws IOException {
      Files.move(from, to);
    }

    @Override
    public void forceDirectory(Path directory) {
      // Not every platform lets a directory be opened (Windows): the rename is still atomic there,
      // only its durability across a power cut is weaker.
      try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
        dir.force(true);
      } catch (IOException | UnsupportedOperationException ignored) {
        // See above.
      }
    }

    @Override
    public void delete(Path file) throws IOException {
      Files.deleteIfExists(file);
    }
  }
}
