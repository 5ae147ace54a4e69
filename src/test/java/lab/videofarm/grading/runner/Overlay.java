package lab.videofarm.grading.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lays a student's exercise files over the solution project of a grading bundle, and nothing else:
 * only the files named in {@link #MANIFEST} (the files with solution regions) are taken from the
 * submission, so graders, build and the rest of the app stay the instructor's.
 *
 * <p>A file is found in the submission at its project path ({@code src/main/java/...}), or else by
 * its name alone when exactly one file in the submission has it (an upload of loose files). A file
 * the submission lacks is taken from the starter, never from the solution.
 */
public final class Overlay {
  /** In a bundle's project: one project-relative path per line. */
  public static final String MANIFEST = "exercise-files.txt";

  /** In a bundle's project: the starter's version of each exercise file, at its path. */
  public static final String STARTER_FILES = "starter-files";

  private Overlay() {}

  /** Copies the exercise files in; returns what it took from where, for the grading log. */
  public static String apply(Path project, Path submission) throws IOException {
    Path manifest = project.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new IOException(
          "not a grading bundle: " + manifest + " is missing (the bundle command writes it)");
    }
    StringBuilder log = new StringBuilder("Exercise files:\n");
    for (String path : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      if (path.isBlank()) {
        continue;
      }
      Path target = project.resolve(path);
      Path found = find(submission, path);
      Path source = found != null ? found : project.resolve(STARTER_FILES).resolve(path);
      Files.createDirectories(target.getParent());
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      log.append("  ")
          .append(path)
          .append(
              found != null
                  ? "  <- submission " + submission.relativize(found)
                  : "  (not submitted: the starter's)")
          .append('\n');
    }
    return log.toString();
  }

  private static Path find(Path submission, String path) throws IOException {
    Path exact = submission.resolve(path);
    if (Files.isRegularFile(exact)) {
      return exact;
    }
    String name = Path.of(path).getFileName().toString();
    try (Stream<Path> walk = Files.walk(submission)) {
      List<Path> named =
          walk.filter(Files::isRegularFile)
              .filter(file -> file.getFileName().toString().equals(name))
              .toList();
      return named.size() == 1 ? named.get(0) : null;
    }
  }
}
