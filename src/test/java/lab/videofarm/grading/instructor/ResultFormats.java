package lab.videofarm.grading.instructor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@code results.json} against the fields its consumer knows: Exercism's test runner
 * interface (version 3) and Gradescope's autograder results. Returns the problems, empty when the
 * file is valid; unknown fields count as problems, so that a typo cannot go unnoticed.
 */
public final class ResultFormats {
  private static final Set<String> EXERCISM_TOP = Set.of("version", "status", "message", "tests");
  private static final Set<String> EXERCISM_TEST =
      Set.of("name", "status", "message", "output", "test_code", "task_id");
  private static final Set<String> GRADESCOPE_TOP =
      Set.of(
          "score",
          "output",
          "output_format",
          "visibility",
          "stdout_visibility",
          "execution_time",
          "extra_data",
          "tests",
          "leaderboard");
  private static final Set<String> GRADESCOPE_TEST =
      Set.of(
          "name",
          "name_format",
          "number",
          "score",
          "max_score",
          "status",
          "output",
          "output_format",
          "visibility",
          "tags",
          "extra_data");
  private static final Set<String> VISIBILITY =
      Set.of("hidden", "after_due_date", "after_published", "visible");

  private ResultFormats() {}

  public static List<String> exercism(JsonNode results) {
    List<String> problems = new ArrayList<>();
    fields(results, EXERCISM_TOP, "", problems);
    if (results.path("version").asInt() != 3) {
      problems.add("version is not 3");
    }
    String status = results.path("status").asText();
    oneOf(status, Set.of("pass", "fail", "error"), "status", problems);
    if (status.equals("error") && results.path("message").asText().isBlank()) {
      problems.add("status error without a message");
    }
    if (!results.path("tests").isArray()) {
      problems.add("tests is not an array");
    }
    int i = 0;
    for (JsonNode test : results.path("tests")) {
      String where = "tests[" + i++ + "].";
      fields(test, EXERCISM_TEST, where, problems);
      text(test, "name", where, problems);
      String testStatus = test.path("status").asText();
      oneOf(testStatus, Set.of("pass", "fail", "error"), where + "status", problems);
      if (!testStatus.equals("pass") && test.path("message").asText().isBlank()) {
        problems.add(where + "message missing for a " + testStatus);
      }
      if (test.path("output").asText().length() > 500) {
        problems.add(where + "output longer than 500 characters");
      }
      text(test, "test_code", where, problems);
      if (!test.path("task_id").isInt() || test.path("task_id").asInt() < 1) {
        problems.add(where + "task_id is not a positive integer");
      }
    }
    if (status.equals("pass") && hasAny(results, "status", "pass")) {
      problems.add("status pass although a test did not pass");
    }
    return problems;
  }

  public static List<String> gradescope(JsonNode results) {
    List<String> problems = new ArrayList<>();
    fields(results, GRADESCOPE_TOP, "", problems);
    if (!results.path("score").isNumber()) {
      problems.add("score is not a number");
    }
    oneOf(results.path("visibility").asText("visible"), VISIBILITY, "visibility", problems);
    double sum = 0;
    int i = 0;
    for (JsonNode test : results.path("tests")) {
      String where = "tests[" + i++ + "].";
      fields(test, GRADESCOPE_TEST, where, problems);
      text(test, "name", where, problems);
      if (!test.path("score").isNumber() || !test.path("max_score").isNumber()) {
        problems.add(where + "score or max_score is not a number");
      }
      if (test.path("score").asDouble() > test.path("max_score").asDouble()) {
        problems.add(where + "score above max_score");
      }
      oneOf(test.path("status").asText(), Set.of("passed", "failed"), where + "status", problems);
      oneOf(test.path("visibility").asText(), VISIBILITY, where + "visibility", problems);
      if (!test.path("output").isTextual()) {
        problems.add(where + "output is not text");
      }
      sum += test.path("score").asDouble();
    }
    if (Math.abs(sum - results.path("score").asDouble()) > 1e-9) {
      problems.add("score " + results.path("score") + " is not the sum of the tests' " + sum);
    }
    return problems;
  }

  private static boolean hasAny(JsonNode results, String field, String notValue) {
    for (JsonNode test : results.path("tests")) {
      if (!test.path(field).asText().equals(notValue)) {
        return true;
      }
    }
    return false;
  }

  private static void fields(JsonNode node, Set<String> known, String where, List<String> out) {
    if (!node.isObject()) {
      out.add(where + " is not an object");
      return;
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        out.add(where + name + " is not a known field");
      }
    }
  }

  private static void text(JsonNode node, String field, String where, List<String> out) {
    if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
      out.add(where + field + " is missing or empty");
    }
  }

  private static void oneOf(String value, Set<String> allowed, String what, List<String> out) {
    if (!allowed.contains(value)) {
      out.add(what + " is \"" + value + "\", not one of " + allowed);
    }
  }
}
