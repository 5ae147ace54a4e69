package lab.videofarm.grading.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What a grading run writes: the points table (plain text for the console, Markdown for a CI job
 * summary), Exercism's {@code results.json} (test runner interface, version 3) and Gradescope's.
 */
public final class Reports {
  /** Exercism's limit on a test's output. */
  static final int OUTPUT_LIMIT = 500;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final IntFunction<String> lessonFolder;

  /**
   * @param lessonFolder the folder of lesson N under {@code lessons/}, for pointing at hints
   */
  public Reports(IntFunction<String> lessonFolder) {
    this.lessonFolder = lessonFolder;
  }

  // ---- the points table ----

  public String table(Grading grading) {
    StringBuilder out = new StringBuilder();
    if (grading.isError()) {
      return out.append("Could not grade ")
          .append(grading.selection())
          .append(":\n")
          .append(grading.error().indent(2))
          .toString();
    }
    int lesson = -1;
    for (GraderResult test : grading.tests()) {
      if (test.lesson() != lesson) {
        lesson = test.lesson();
        out.append("\nLesson ").append(lesson).append("  (lessons/");
        out.append(lessonFolder.apply(lesson)).append(")\n");
      }
      out.append(
          String.format(
              "  %-4s %3s  %s%s%n",
              test.passed() ? "PASS" : "FAIL",
              test.score() + "/" + test.points(),
              name(test),
              test.hidden() ? "  [hidden]" : ""));
      if (!test.passed()) {
        out.append(test.message().indent(13));
      }
    }
    return out.append(
            String.format(
                "%nTotal: %d/%d points, %d of %d graders passed%n",
                grading.score(),
                grading.maxScore(),
                grading.tests().stream().filter(GraderResult::passed).count(),
                grading.tests().size()))
        .toString();
  }

  public String markdown(Grading grading) {
    StringBuilder out =
        new StringBuilder("## Grading: ").append(grading.selection()).append("\n\n");
    if (grading.isError()) {
      return out.append("Could not grade:\n\n```\n")
          .append(grading.error())
          .append("\n```\n")
          .toString();
    }
    out.append("| Lesson | Grader | Points | Result |\n|---|---|---|---|\n");
    for (GraderResult test : grading.tests()) {
      out.append("| ")
          .append(test.lesson())
          .append(" | ")
          .append(cell(name(test)))
          .append(" | ")
          .append(test.score())
          .append('/')
          .append(test.points())
          .append(" | ")
          .append(test.passed() ? "✅ passed" : "❌ " + test.status().name().toLowerCase())
          .append(" |\n");
    }
    out.append("\n**Total: ")
        .append(grading.score())
        .append('/')
        .append(grading.maxScore())
        .append(" points**\n");
    for (GraderResult test : grading.tests()) {
      if (!test.passed()) {
        out.append("\n<details><summary>")
            .append(cell(name(test)))
            .append("</summary>\n\n```\n")
            .append(test.message())
            .append("\n```\n</details>\n");
      }
    }
    return out.toString();
  }

  // ---- Exercism: test runner interface, version 3 ----

  public Map<String, Object> exercism(Grading grading) {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("version", 3);
    if (grading.isError()) {
      results.put("status", "error");
      results.put("message", grading.error());
      results.put("tests", List.of());
      return results;
    }
    results.put("status", grading.allPassed() ? "pass" : "fail");
    List<Map<String, Object>> tests = new ArrayList<>();
    for (GraderResult test : grading.tests()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", name(test));
      entry.put(
          "status",
          switch (test.status()) {
            case PASSED -> "pass";
            case FAILED -> "fail";
            case ERRORED -> "error";
          });
      if (!test.passed()) {
        entry.put("message", test.message());
      }
      if (!test.output().isEmpty()) {
        entry.put("output", truncate(test.output(), OUTPUT_LIMIT));
      }
      entry.put("test_code", test.testCode());
      entry.put("task_id", test.lesson());
      tests.add(entry);
    }
    results.put("tests", tests);
    return results;
  }

  // ---- Gradescope ----

  public Map<String, Object> gradescope(Grading grading) {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("score", grading.score());
    results.put(
        "output", grading.isError() ? "Could not grade:\n" + grading.error() : table(grading));
    results.put("visibility", "visible");
    results.put("stdout_visibility", "hidden");
    List<Map<String, Object>> tests = new ArrayList<>();
    int[] numberInLesson = new int[1];
    int lesson = -1;
    for (GraderResult test : grading.tests()) {
      numberInLesson[0] = test.lesson() == lesson ? numberInLesson[0] + 1 : 1;
      lesson = test.lesson();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", "Lesson " + test.lesson() + ": " + name(test));
      entry.put("number", test.lesson() + "." + numberInLesson[0]);
      entry.put("score", test.score());
      entry.put("max_score", test.points());
      entry.put("status", test.passed() ? "passed" : "failed");
      entry.put("output", test.passed() ? "" : test.message() + outputSuffix(test));
      entry.put("visibility", test.hidden() ? "after_published" : "visible");
      entry.put("tags", List.of("lesson-" + test.lesson()));
      tests.add(entry);
    }
    results.put("tests", tests);
    return results;
  }

  private static String outputSuffix(GraderResult test) {
    return test.output().isBlank() ? "" : "\n\nOutput:\n" + truncate(test.output(), 2000);
  }

  // ---- files ----

  /** Writes the table, the Markdown and both {@code results.json} files under {@code folder}. */
  public void writeAll(Grading grading, Path folder) throws IOException {
    write(folder.resolve("points.txt"), table(grading));
    write(folder.resolve("points.md"), markdown(grading));
    writeJson(folder.resolve("exercism/results.json"), exercism(grading));
    writeJson(folder.resolve("gradescope/results.json"), gradescope(grading));
  }

  public void writeJson(Path file, Map<String, Object> results) throws IOException {
    write(file, JSON.writeValueAsString(results) + "\n");
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".results", ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A grader's name as a sentence: its display name, or its method name split into words. */
  static String name(GraderResult test) {
    if (!test.name().equals(test.method())) {
      return test.name();
    }
    return test.method()
        .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1 $2")
        .toLowerCase(java.util.Locale.ROOT);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  static String truncate(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    String marker = "\n[output truncated]";
    return text.substring(0, limit - marker.length()) + marker;
  }
}
