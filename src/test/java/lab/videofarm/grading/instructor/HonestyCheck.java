package lab.videofarm.grading.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Proves the grading honest ({@code .ci/honesty}), by running the commands a student and an
 * instructor run:
 *
 * <ol type="a">
 *   <li>every lesson's graders pass on the solution, each lesson graded within the time budget;
 *   <li>the generated starter builds offline with its own wrapper, its app starts, and every lesson
 *       with exercises has a failing grader whose message names the lesson;
 *   <li>through the grading bundle, a student copy with lessons 1..k solved passes those lessons
 *       and still fails every later one (k = the first lesson is "one lesson solved"), and a copy
 *       that does not compile is reported as {@code file:line};
 *   <li>every {@code results.json} written on the way has Exercism's and Gradescope's fields, and
 *       the Gradescope autograder works in a temporary {@code /autograder}-shaped folder.
 * </ol>
 *
 * <p>Environment: {@code GRADING_BUDGET_SECONDS} (default 20); {@code HONESTY_PROGRESSION=first}
 * checks only the first lesson solved instead of every step; {@code HONESTY_ALLOW_UNGRADED=1} lets
 * a lesson with exercises but no grader pass with a warning.
 */
public final class HonestyCheck {
  private static final Pattern LESSON_TAG =
      Pattern.compile("^\\s*@Tag\\(\"lesson-(\\d+)\"\\)", Pattern.MULTILINE);
  private static final Map<String, String> OFFLINE = Map.of("GRADE_OFFLINE", "1");

  private final Path project;
  private final Path work;
  private final Shell shell;
  private final List<String> failures = new ArrayList<>();
  private final List<String> timings = new ArrayList<>();
  private final int budgetSeconds;

  HonestyCheck(Path project) {
    this.project = project;
    this.work = project.resolve("target/honesty");
    this.shell = new Shell(work.resolve("logs"));
    this.budgetSeconds = Integer.parseInt(env("GRADING_BUDGET_SECONDS", "20"));
  }

  public static void main(String[] args) throws Exception {
    Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    System.exit(new HonestyCheck(project).check() ? 0 : 1);
  }

  boolean check() throws Exception {
    ProjectFiles.deleteTree(work);
    Exercises exercises;
    try {
      exercises = Exercises.read(project);
    } catch (FenceException e) {
      fail("malformed solution markers:\n  " + String.join("\n  ", e.problems()));
      return summary();
    }
    SortedSet<Integer> exercised = exercises.lessons();
    SortedSet<Integer> graded = gradedLessons();
    say("Lessons with exercises: " + exercised + "; lessons with graders: " + graded);
    for (int lesson : exercised) {
      if (!graded.contains(lesson)) {
        String problem = "lesson " + lesson + " has exercises but no grader";
        if (env("HONESTY_ALLOW_UNGRADED", "").isEmpty()) {
          fail(problem);
        } else {
          say("warning: " + problem);
        }
      }
    }
    graded.stream()
        .filter(lesson -> !exercised.contains(lesson))
        .forEach(l -> say("warning: lesson " + l + " has graders but no exercise in src/main yet"));

    SortedSet<Integer> both = new TreeSet<>(exercised);
    both.retainAll(graded);
    solutionPasses(graded);
    starterFailsEveryLesson(both);
    Path bundle = bundle();
    if (bundle != null) {
      progression(bundle, exercises, both, graded);
      compileErrorIsReported(bundle, exercises);
      new GradescopeTrial(shell, work.resolve("autograder"), OFFLINE)
          .run(bundle, exercises, both.isEmpty() ? 0 : both.first(), both)
          .forEach(this::fail);
    }
    return summary();
  }

  // ---- (a) the solution ----

  private void solutionPasses(SortedSet<Integer> graded) throws Exception {
    if (!ran(shell.run("solution-compile", project, OFFLINE, "sh", "./grade", "compile"), 0)) {
      return;
    }
    for (int lesson : graded) {
      Shell.Run run =
          shell.run("solution-lesson-" + lesson, project, OFFLINE, "sh", "./grade", "" + lesson);
      timings.add("lesson " + lesson + ": " + run.seconds());
      if (ran(run, 0)) {
        GradingResults results = checked(GradingResults.read(project), run.name());
        ok(
            results.passes(lesson),
            "(a) lesson " + lesson + " passes on the solution (" + run.seconds() + ")");
      }
      ok(
          run.millis() <= budgetSeconds * 1000L,
          "(a) lesson "
              + lesson
              + " graded within "
              + budgetSeconds
              + " s ("
              + run.seconds()
              + ")");
    }
  }

  // ---- (b) the starter ----

  /**
   * @param exercised the lessons with exercises and graders
   */
  private void starterFailsEveryLesson(SortedSet<Integer> exercised) throws Exception {
    Path starter = work.resolve("starter");
    StarterGenerator.generate(project, starter, lesson -> false);
    say("ok   (b) starter generated in " + starter);
    reuseResolvedLibraries(starter);
    if (!ran(
        shell.run("starter-build", starter, Map.of(), "sh", "./mvnw", "-o", "-q", "test-compile"),
        0)) {
      return;
    }
    say("ok   (b) the starter builds offline with its own wrapper");
    Shell.Run grade = shell.run("starter-grade-all", starter, OFFLINE, "sh", "./grade", "all");
    if (!ran(grade, exercised.isEmpty() ? 0 : 1)) {
      return;
    }
    GradingResults results = checked(GradingResults.read(starter), grade.name());
    for (int lesson : exercised) {
      ok(
          results.failsNaming(lesson),
          "(b) on the starter, lesson " + lesson + " has a failing grader that names it");
    }
    List<String> classpath =
        List.of(
            "target/grading/test-classes",
            "target/grading/classes",
            Files.readString(starter.resolve("target/grading/classpath.txt")).strip());
    Shell.Run app =
        shell.run(
            "starter-app",
            starter,
            Map.of(),
            "java",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            String.join(java.io.File.pathSeparator, classpath),
            "lab.videofarm.grading.StarterAppCheck");
    if (ran(app, 0)) {
      say("ok   (b) the starter's app starts:\n" + app.tail().indent(6).stripTrailing());
    }
  }

  // ---- (c) student copies, graded through the bundle ----

  private Path bundle() throws Exception {
    Path bundle = work.resolve("bundle");
    GradingBundle.build(project, bundle);
    Path solution = bundle.resolve(GradingBundle.PROJECT);
    reuseResolvedLibraries(solution);
    return ran(shell.run("bundle-compile", solution, OFFLINE, "sh", "./grade", "compile"), 0)
        ? bundle
        : null;
  }

  /**
   * @param exercised the lessons with exercises and graders
   */
  private void progression(
      Path bundle, Exercises exercises, SortedSet<Integer> exercised, SortedSet<Integer> graded)
      throws Exception {
    List<Integer> steps = new ArrayList<>(exercised);
    if (env("HONESTY_PROGRESSION", "all").equals("first") && !steps.isEmpty()) {
      steps = steps.subList(0, 1);
    }
    Path solution = bundle.resolve(GradingBundle.PROJECT);
    for (int solved : steps) {
      Path copy = work.resolve("students/lessons-to-" + solved);
      exercises.writeExerciseFiles(copy, lesson -> lesson <= solved);
      Shell.Run run =
          shell.run(
              "student-lessons-to-" + solved,
              solution,
              OFFLINE,
              "sh",
              "./grade",
              "all",
              "--submission",
              copy.toString());
      if (!ran(run, solved == exercised.last() ? 0 : 1)) {
        continue;
      }
      GradingResults results = checked(GradingResults.read(solution), run.name());
      solvedLessonsPassAlone(results, solved, exercised, graded);
    }
  }

  /**
   * With lessons up to {@code solved} solved, each of them passes and every later lesson with an
   * exercise still fails, naming itself.
   */
  private void solvedLessonsPassAlone(
      GradingResults results, int solved, Set<Integer> exercised, Set<Integer> graded) {
    for (int lesson : graded) {
      if (lesson <= solved) {
        ok(
            results.passes(lesson),
            "(c) lessons 1-"
                + solved
                + " solved: lesson "
                + lesson
                + " passes\n"
                + results.failures(lesson));
      } else if (exercised.contains(lesson)) {
        ok(
            results.failsNaming(lesson),
            "(c) lessons 1-"
                + solved
                + " solved: lesson "
                + lesson
                + " still fails, naming itself");
      }
    }
  }

  private void compileErrorIsReported(Path bundle, Exercises exercises) throws Exception {
    if (exercises.exerciseFiles().isEmpty()) {
      return;
    }
    Path copy = work.resolve("students/broken");
    exercises.writeExerciseFiles(copy, lesson -> false);
    String broken = exercises.exerciseFiles().get(0);
    Files.writeString(copy.resolve(broken), "}\n", java.nio.file.StandardOpenOption.APPEND);
    Path solution = bundle.resolve(GradingBundle.PROJECT);
    Shell.Run run =
        shell.run(
            "student-broken",
            solution,
            OFFLINE,
            "sh",
            "./grade",
            "all",
            "--submission",
            copy.toString());
    if (ran(run, 2)) {
      GradingResults results = checked(GradingResults.read(solution), run.name());
      String message = results.exercism().path("message").asText();
      ok(
          results.status().equals("error") && message.contains(broken + ":"),
          "(c) a copy that does not compile is an Exercism error naming " + broken + ":line");
    }
  }

  // ---- helpers ----

  /**
   * Gives a generated project the libraries ./grade resolved for this one (the same pom, less its
   * instructor parts), sparing a Maven run. The Gradescope trial resolves them itself.
   */
  private void reuseResolvedLibraries(Path generated) throws IOException {
    Path resolved = project.resolve("target/grading/classpath.txt");
    if (Files.isRegularFile(resolved)) {
      Path target = generated.resolve("target/grading/classpath.txt");
      Files.createDirectories(target.getParent());
      Files.copy(resolved, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private SortedSet<Integer> gradedLessons() throws IOException {
    SortedSet<Integer> lessons = new TreeSet<>();
    try (Stream<Path> files = Files.list(project.resolve(StarterGenerator.GRADING))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher tag = LESSON_TAG.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (tag.find()) {
          lessons.add(Integer.parseInt(tag.group(1)));
        }
      }
    }
    return lessons;
  }

  private GradingResults checked(GradingResults results, String run) {
    results.formatProblems().forEach(problem -> fail("(d) " + run + ": " + problem));
    if (results.formatProblems().isEmpty()) {
      say("ok   (d) " + run + ": Exercism and Gradescope results.json have their fields");
    }
    return results;
  }

  private boolean ran(Shell.Run run, int expectedExit) throws IOException {
    if (run.exitCode() == expectedExit) {
      return true;
    }
    fail(
        run.name()
            + " exited "
            + run.exitCode()
            + " (expected "
            + expectedExit
            + ") after "
            + run.seconds()
            + "; the end of "
            + run.log()
            + ":\n"
            + run.tail().indent(4));
    return false;
  }

  private void ok(boolean passed, String what) {
    if (passed) {
      say("ok   " + what.strip());
    } else {
      fail(what.strip());
    }
  }

  private void fail(String what) {
    failures.add(what);
    System.out.println("FAIL " + what);
  }

  private static void say(String line) {
    System.out.println(line);
  }

  private boolean summary() {
    System.out.println();
    if (!timings.isEmpty()) {
      System.out.println("Grading one lesson on the solution (from the command, JVM included):");
      timings.forEach(timing -> System.out.println("  " + timing));
    }
    System.out.println(
        failures.isEmpty()
            ? "Grading is honest."
            : failures.size() + " check(s) failed; logs in " + work.resolve("logs"));
    return failures.isEmpty();
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null ? otherwise : value;
  }
}
