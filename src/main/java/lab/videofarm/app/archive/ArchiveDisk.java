package lab.videofarm.app.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file operations an {@link ArchiveFile} is made of, one method per persistence step, so a test
 * can fail any step or lose the writes not yet forced, as Tape's tests break a {@code
 * RandomAccessFile}.
 */
interface ArchiveDisk {
  byte[] read(Path file) throws IOException;

  /** Creates or truncates {@code file} and writes all of {@code data}; not forced. */
  void write(Path file, ByteBuffer data) throws IOException;

  /** Forces the contents of {@code file} to the device. */
  void force(Path file) throws IOException;

  /** Renames {@code from} over {@code to}, atomically. */
  void replace(Path from, Path to) throws IOException;

  /**
   * Renames {@code from} to {@code to}, never replacing it.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code to} exists
   */
  void moveAside(Path from, Path to) throws IOException;

  /** Makes the renames in {@code directory} durable. */
  void forceDirectory(Path directory) throws IOException;

  /** The file system as it is, with bytes written through {@code hook}. */
  static ArchiveDisk real(ArchiveFile.WriteHook hook) {
    return new Real(hook);
  }

  /** The file system as it is. */
  final class Real implements ArchiveDisk {
    private final ArchiveFile.WriteHook hook;

    private Real(ArchiveFile.WriteHook hook) {
      this.hook = hook;
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
        hook.write(channel, data);
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
    public void replace(Path from, Path to) throws IOException {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void moveAside(Path from, Path to) throws IOException {
      Files.move(from, to);
    }

    @Override
    public void forceDirectory(Path directory) {
      // Some systems (Windows) cannot open a directory: the rename is still atomic, only its
      // durability against a power cut is weaker, as ArchiveFile's class comment says.
      try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
        dir.force(true);
      } catch (IOException | UnsupportedOperationException ignored) {
        // See above.
      }
    }
  }
}
