package lab.videofarm.grading.instructor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import lab.videofarm.grading.runner.Overlay;

/**
 * The instructor's grading bundle ({@code ./grading-bundle}), under {@code target/grading-bundle/}:
 *
 * <ul>
 *   <li>{@code project/}: the solution project with every grader, hidden ones included, plus the
 *       list of exercise files and their starter versions; {@code grade-submission DIR} grades a
 *       student's copy of the exercise files on it (see {@link Overlay});
 *   <li>{@code gradescope-autograder.zip}: {@code setup.sh}, {@code run_autograder} and the
 *       project, ready to upload as a Gradescope autograder;
 *   <li>{@code .github/workflows/grade.yml}: the workflow for course repositories (the starter
 *       carries it too).
 * </ul>
 */
public final class GradingBundle {
  static final String PROJECT = "project";
  static final String ZIP = "gradescope-autograder.zip";

  private GradingBundle() {}

  public static void main(String[] args) throws Exception {
    Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Path bundle = project.resolve("target/grading-bundle");
    try {
      Exercises exercises = build(project, bundle);
      System.out.println("Grading bundle written to " + bundle);
      System.out.println(
          "  "
              + exercises.exerciseFiles().size()
              + " exercise files, lessons "
              + exercises.lessons());
      System.out.println(
          "  grade a student's copy: " + bundle.resolve("grade-submission") + " DIR [lesson|all]");
      System.out.println("  Gradescope autograder:  " + bundle.resolve(ZIP));
      System.out.println(
          "  GitHub Actions workflow: " + bundle.resolve(".github/workflows/grade.yml"));
    } catch (FenceException e) {
      System.err.println("Malformed solution markers; no bundle written:");
      e.problems().forEach(problem -> System.err.println("  " + problem));
      System.exit(1);
    }
  }

  public static Exercises build(Path project, Path bundle) throws IOException, FenceException {
    Exercises exercises = Exercises.read(project);
    ProjectFiles.deleteTree(bundle);
    Path solution = bundle.resolve(PROJECT);
    for (String path : StarterGenerator.AS_IS) {
      ProjectFiles.copy(project, solution, path);
    }
    ProjectFiles.write(
        solution.resolve("pom.xml"),
        StarterGenerator.withoutInstructorParts(project.resolve("pom.xml")));
    for (String root : List.of("src/main", "sample-server/src/main")) {
      ProjectFiles.copy(project, solution, root);
    }
    ProjectFiles.copy(project, solution, StarterGenerator.GRADING, GradingBundle::isGrader);
    ProjectFiles.copy(
        project,
        solution,
        StarterGenerator.GRADING_RESOURCES,
        path -> !path.contains("/instructor/"));
    ProjectFiles.write(
        solution.resolve(Overlay.MANIFEST), String.join("\n", exercises.exerciseFiles()) + "\n");
    exercises.writeExerciseFiles(solution.resolve(Overlay.STARTER_FILES), lesson -> false);

    script(bundle.resolve("grade-submission"), "grade-submission");
    script(bundle.resolve("gradescope/setup.sh"), "setup.sh");
    script(bundle.resolve("gradescope/run_autograder"), "run_autograder");
    ProjectFiles.write(
        bundle.resolve(".github/workflows/grade.yml"), ProjectFiles.resource("grade.yml"));
    ProjectFiles.write(bundle.resolve("README.md"), ProjectFiles.resource("bundle-README.md"));
    zip(bundle, bundle.resolve(ZIP));
    return exercises;
  }

  /** Visible and hidden graders, their helpers and the runner; not the runner's own tests. */
  static boolean isGrader(String path) {
    return !path.contains("/instructor/")
        && !(path.startsWith(StarterGenerator.GRADING + "runner/") && path.endsWith("Test.java"));
  }

  private static void script(Path file, String resource) throws IOException {
    ProjectFiles.write(file, ProjectFiles.resource(resource));
    ProjectFiles.makeExecutable(file);
  }

  /** Gradescope's layout: setup.sh and run_autograder at the root, the project beside them. */
  static void zip(Path bundle, Path zip) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream entries = new ZipOutputStream(out)) {
      add(entries, bundle.resolve("gradescope/setup.sh"), "setup.sh");
      add(entries, bundle.resolve("gradescope/run_autograder"), "run_autograder");
      Path project = bundle.resolve(PROJECT);
      try (Stream<Path> walk = Files.walk(project)) {
        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
          String name = PROJECT + "/" + project.relativize(file).toString().replace('\\', '/');
          add(entries, file, name);
        }
      }
    }
  }

  private static void add(ZipOutputStream zip, Path file, String name) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    Files.copy(file, zip);
    zip.closeEntry();
  }
}
