package lab.videofarm.grading.instructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Copying parts of a project into another folder, keeping paths and the executable bit. */
final class ProjectFiles {
  private ProjectFiles() {}

  /**
   * Copies {@code path} (a file or a folder) if it exists, keeping the files {@code keep} accepts.
   */
  static void copy(Path from, Path to, String path, Predicate<String> keep) throws IOException {
    Path source = from.resolve(path);
    if (!Files.exists(source)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String relative = from.relativize(file).toString().replace('\\', '/');
        if (keep.test(relative)) {
          Path target = to.resolve(relative);
          Files.createDirectories(target.getParent());
          Files.copy(
              file,
              target,
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  static void copy(Path from, Path to, String path) throws IOException {
    copy(from, to, path, relative -> true);
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  static void makeExecutable(Path file) {
    if (!file.toFile().setExecutable(true, false)) {
      throw new IllegalStateException("cannot make executable: " + file);
    }
  }

  /** A text resource next to this package's classes. */
  static String resource(String name) throws IOException {
    try (var in = ProjectFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
