package lab.videofarm.grading.instructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Tries the Gradescope autograder offline, the way Gradescope runs it, in a temporary folder shaped
 * like {@code /autograder} ({@code AUTOGRADER_ROOT}): the zip unpacked into {@code source/}, {@code
 * setup.sh} run once, a student's files put in {@code submission/}, then {@code run_autograder};
 * {@code results/results.json} must be valid and score what the student solved.
 */
final class GradescopeTrial {
  private final Shell shell;
  private final Path root;
  private final Map<String, String> env;

  GradescopeTrial(Shell shell, Path root, Map<String, String> env) {
    this.shell = shell;
    this.root = root;
    this.env = new HashMap<>(env);
    this.env.put("AUTOGRADER_ROOT", root.toString());
  }

  /**
   * Runs it with lessons up to {@code solved} solved; returns the problems found.
   *
   * @param exercised the lessons with exercises: the others score in full whatever is solved
   */
  List<String> run(Path bundle, Exercises exercises, int solved, Set<Integer> exercised)
      throws Exception {
    List<String> problems = new ArrayList<>();
    ProjectFiles.deleteTree(root);
    unzip(bundle.resolve(GradingBundle.ZIP), root.resolve("source"));
    exercises.writeExerciseFiles(root.resolve("submission"), lesson -> lesson <= solved);
    Files.createDirectories(root.resolve("submission"));
    Path source = root.resolve("source");
    Shell.Run setup = shell.run("gradescope-setup", source, env, "bash", "setup.sh");
    if (setup.exitCode() != 0) {
      problems.add("(d) Gradescope setup.sh exited " + setup.exitCode() + ":\n" + setup.tail());
      return problems;
    }
    Shell.Run grade = shell.run("gradescope-run", source, env, "bash", "run_autograder");
    Path results = root.resolve("results/results.json");
    if (grade.exitCode() != 0 || !Files.isRegularFile(results)) {
      problems.add(
          "(d) Gradescope run_autograder exited " + grade.exitCode() + ":\n" + grade.tail());
      return problems;
    }
    JsonNode json = new ObjectMapper().readTree(results.toFile());
    ResultFormats.gradescope(json).forEach(p -> problems.add("(d) Gradescope trial: " + p));
    problems.addAll(scoreProblems(json, solved, exercised));
    if (problems.isEmpty()) {
      System.out.println(
          "ok   (d) Gradescope autograder in "
              + root
              + ": setup "
              + setup.seconds()
              + ", run "
              + grade.seconds()
              + ", score "
              + json.path("score")
              + ": solved lessons full, the others not");
    }
    return problems;
  }

  /**
   * Each lesson must score in full exactly when it is solved or has no exercise, and there must be
   * tests at all.
   */
  private static List<String> scoreProblems(JsonNode json, int solved, Set<Integer> exercised) {
    List<String> problems = new ArrayList<>();
    scoresByLesson(json)
        .forEach(
            (lesson, scores) -> {
              boolean full = scores[0] == scores[1];
              if (full != (lesson <= solved || !exercised.contains(lesson))) {
                problems.add(
                    "(d) Gradescope trial, lessons up to "
                        + solved
                        + " solved: lesson "
                        + lesson
                        + " scored "
                        + scores[0]
                        + " of "
                        + scores[1]
                        + "\n"
                        + json.path("output").asText());
              }
            });
    if (json.path("tests").isEmpty()) {
      problems.add("(d) Gradescope trial: no tests in results.json");
    }
    return problems;
  }

  /** Score and maximum score of each lesson's tests, by lesson; a test's number is "4.2". */
  private static Map<Integer, double[]> scoresByLesson(JsonNode json) {
    Map<Integer, double[]> byLesson = new TreeMap<>();
    for (JsonNode test : json.path("tests")) {
      int lesson = Integer.parseInt(test.path("number").asText("0.0").split("\\.")[0]);
      double[] scores = byLesson.computeIfAbsent(lesson, l -> new double[2]);
      scores[0] += test.path("score").asDouble();
      scores[1] += test.path("max_score").asDouble();
    }
    return byLesson;
  }

  private static void unzip(Path zip, Path into) throws IOException {
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("zip entry outside its folder: " + entry.getName());
        }
        if (!entry.isDirectory()) {
          Files.createDirectories(target.getParent());
          Files.copy(entries, target);
        }
      }
    }
  }
}
