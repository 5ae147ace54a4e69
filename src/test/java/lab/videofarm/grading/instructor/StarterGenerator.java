package lab.videofarm.grading.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Generates the student starter from the solution project ({@code ./starter}): a complete Maven
 * project under {@code target/starter/} with its own wrapper, the pom without its instructor-only
 * parts, the app with every solution region replaced by its stub, the lessons, the visible graders
 * and the grading runner. Left out: hidden graders ({@code *HiddenTest}), this package (it reads
 * solutions), the runner's own tests, and every other test of the project.
 */
public final class StarterGenerator {
  /** Top-level files and folders a student needs as they are. */
  static final List<String> AS_IS =
      List.of("mvnw", "mvnw.cmd", ".mvn", ".gitignore", "grade", "grade.cmd", "lab", "lessons");

  static final String GRADING = "src/test/java/lab/videofarm/grading/";
  static final String GRADING_RESOURCES = "src/test/resources/lab/videofarm/grading/";

  private StarterGenerator() {}

  public static void main(String[] args) throws Exception {
    Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Path starter = project.resolve("target/starter");
    try {
      Exercises exercises = generate(project, starter, lesson -> false);
      System.out.println("Starter written to " + starter);
      System.out.println(
          "  exercises of lessons "
              + exercises.lessons()
              + " in "
              + exercises.exerciseFiles().size()
              + " files; hidden graders left out");
      System.out.println("  grade it there with ./grade 1 (or grade.cmd 1 on Windows)");
    } catch (FenceException e) {
      System.err.println("Malformed solution markers; no starter written:");
      e.problems().forEach(problem -> System.err.println("  " + problem));
      System.exit(1);
    }
  }

  /**
   * Writes a starter of {@code project} to {@code starter} (replacing it), with the regions of
   * lessons {@code solved} kept as solutions (none, for the real starter).
   */
  public static Exercises generate(Path project, Path starter, IntPredicate solved)
      throws IOException, FenceException {
    Exercises exercises = Exercises.read(project);
    ProjectFiles.deleteTree(starter);
    Files.createDirectories(starter);
    for (String path : AS_IS) {
      ProjectFiles.copy(project, starter, path);
    }
    ProjectFiles.write(
        starter.resolve("pom.xml"), withoutInstructorParts(project.resolve("pom.xml")));
    copyMain(project, starter, exercises, solved);
    ProjectFiles.copy(project, starter, GRADING, StarterGenerator::isForStudents);
    ProjectFiles.copy(project, starter, GRADING_RESOURCES, path -> !path.contains("/instructor/"));
    ProjectFiles.write(starter.resolve("README.md"), ProjectFiles.resource("starter-README.md"));
    ProjectFiles.write(
        starter.resolve(".github/workflows/grade.yml"), ProjectFiles.resource("grade.yml"));
    return exercises;
  }

  /** The app's sources, each exercise file with its regions stubbed. */
  static void copyMain(Path project, Path target, Exercises exercises, IntPredicate solved)
      throws IOException {
    List<String> exerciseFiles = exercises.exerciseFiles();
    for (String root : List.of("src/main", "sample-server/src/main")) {
      ProjectFiles.copy(project, target, root, path -> !exerciseFiles.contains(path));
    }
    for (String path : exerciseFiles) {
      ProjectFiles.write(target.resolve(path), exercises.file(path).render(solved));
    }
  }

  /** A grader, a grader's helper or the runner: everything under grading/ a student may see. */
  static boolean isForStudents(String path) {
    return !path.contains("/instructor/")
        && !path.endsWith("HiddenTest.java")
        && !(path.startsWith(GRADING + "runner/") && path.endsWith("Test.java"));
  }

  /** The pom without the parts between {@code BEGIN INSTRUCTOR} and {@code END INSTRUCTOR}. */
  static String withoutInstructorParts(Path pom) throws IOException {
    List<String> kept = new ArrayList<>();
    int openedAt = 0;
    List<String> lines = Files.readAllLines(pom, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.contains("BEGIN INSTRUCTOR")) {
        openedAt = i + 1;
      } else if (line.contains("END INSTRUCTOR")) {
        openedAt = 0;
      } else if (openedAt == 0) {
        kept.add(line);
      }
    }
    if (openedAt != 0) {
      throw new IOException(pom + ":" + openedAt + ": BEGIN INSTRUCTOR never closed");
    }
    return String.join("\n", kept) + "\n";
  }
}
