package lab.videofarm.grading.instructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** A grading run's two {@code results.json}, read back, with their format checked. */
record GradingResults(JsonNode exercism, JsonNode gradescope, List<String> formatProblems) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads {@code target/grading/} of a project. */
  static GradingResults read(Path project) throws IOException {
    Path folder = project.resolve("target/grading");
    JsonNode exercism = JSON.readTree(folder.resolve("exercism/results.json").toFile());
    JsonNode gradescope = JSON.readTree(folder.resolve("gradescope/results.json").toFile());
    List<String> problems = new ArrayList<>();
    ResultFormats.exercism(exercism).forEach(p -> problems.add("Exercism: " + p));
    ResultFormats.gradescope(gradescope).forEach(p -> problems.add("Gradescope: " + p));
    return new GradingResults(exercism, gradescope, problems);
  }

  String status() {
    return exercism.path("status").asText();
  }

  SortedSet<Integer> lessons() {
    SortedSet<Integer> lessons = new TreeSet<>();
    exercism.path("tests").forEach(test -> lessons.add(test.path("task_id").asInt()));
    return lessons;
  }

  /** Whether every grader of the lesson passed (and there is one). */
  boolean passes(int lesson) {
    List<JsonNode> tests = tests(lesson);
    return !tests.isEmpty()
        && tests.stream().allMatch(t -> t.path("status").asText().equals("pass"));
  }

  /** A failing grader of the lesson whose message names the lesson, if there is one. */
  boolean failsNaming(int lesson) {
    return tests(lesson).stream()
        .filter(t -> !t.path("status").asText().equals("pass"))
        .anyMatch(t -> t.path("message").asText().contains("Lesson " + lesson));
  }

  String failures(int lesson) {
    StringBuilder out = new StringBuilder();
    for (JsonNode test : tests(lesson)) {
      if (!test.path("status").asText().equals("pass")) {
        out.append("    ")
            .append(test.path("name").asText())
            .append(": ")
            .append(test.path("message").asText().replace("\n", "\n      "))
            .append('\n');
      }
    }
    return out.toString();
  }

  private List<JsonNode> tests(int lesson) {
    List<JsonNode> tests = new ArrayList<>();
    exercism
        .path("tests")
        .forEach(
            test -> {
              if (test.path("task_id").asInt() == lesson) {
                tests.add(test);
              }
            });
    return tests;
  }
}
