package lab.videofarm.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The app's library folder in its container: where downloaded movies and thumbnails are kept, one
 * folder per video ({@code Library/Videos/<id>/movie}, {@code .../thumbnail}).
 */
final class VideoLibrary {
  private final Path root;

  VideoLibrary(Path containerDirectory) {
    this.root = containerDirectory.resolve("Library").resolve("Videos");
  }

  Path movieFile(String videoId) {
    return root.resolve(videoId).resolve("movie");
  }

  Path thumbnailFile(String videoId) {
    return root.resolve(videoId).resolve("thumbnail");
  }

  /**
   * Moves a finished download out of the daemon's temp file into {@code target}, replacing what was
   * there. Must run inside {@code didFinishDownloadingTo}: the temp file is deleted when it
   * returns.
   */
  static void moveInto(Path location, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try {
      Files.move(
          location, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException otherDisk) {
      copyThenRename(location, target);
    }
  }

  /** Another file system: copy next to the target, force it, then rename atomically. */
  private static void copyThenRename(Path location, Path target) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.copy(location, temp, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
