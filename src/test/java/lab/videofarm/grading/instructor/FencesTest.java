package lab.videofarm.grading.instructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FencesTest {
  private static final List<String> TWO_LESSONS =
      List.of(
          "package lab.videofarm.app.archive;",
          "",
          "import java.util.List;",
          "import lab.videofarm.os.Clock;",
          "",
          "final class Archive {",
          "  int size(List<String> items) {",
          "    // BEGIN SOLUTION lesson 4 size",
          "    return items.size();",
          "    // END SOLUTION",
          "  }",
          "",
          "  boolean keep() {",
          "    // BEGIN SOLUTION lesson 5",
          "    // STUB: return false;",
          "    return true;",
          "    // END SOLUTION",
          "  }",
          "}");

  @Test
  void aRegionWithoutStubLinesThrowsNotImplementedYetNamingItsLessonAndMethod() throws Exception {
    String starter = parse(TWO_LESSONS).render(lesson -> false);

    assertThat(starter)
        .contains(
            "  int size(List<String> items) {\n    throw new NotImplementedYet(4, \"size\");\n  }")
        .doesNotContain("items.size()")
        .doesNotContain("SOLUTION");
  }

  @Test
  void theDefaultStubsImportIsAddedInOrder() throws Exception {
    String starter = parse(TWO_LESSONS).render(lesson -> false);

    assertThat(starter)
        .contains(
            "import java.util.List;\nimport lab.videofarm.app.NotImplementedYet;\n"
                + "import lab.videofarm.os.Clock;\n");
  }

  @Test
  void stubLinesReplaceTheirRegionAtItsIndentation() throws Exception {
    String starter = parse(TWO_LESSONS).render(lesson -> false);

    assertThat(starter)
        .contains("  boolean keep() {\n    return false;\n  }")
        .doesNotContain("return true;")
        .doesNotContain("STUB");
  }

  @Test
  void aSolvedLessonKeepsItsSolutionWithoutMarkers() throws Exception {
    String copy = parse(TWO_LESSONS).render(lesson -> lesson == 5);

    assertThat(copy)
        .contains("  boolean keep() {\n    return true;\n  }")
        .contains("throw new NotImplementedYet(4, \"size\");")
        .doesNotContain("SOLUTION")
        .doesNotContain("STUB");
  }

  @Test
  void anUnclosedRegionIsAnErrorAtItsBeginLine() {
    assertProblem(
        List.of("class A {", "  // BEGIN SOLUTION lesson 1 a", "}"),
        "A.java:2: BEGIN SOLUTION never closed by // END SOLUTION");
  }

  @Test
  void aRegionInsideAnotherIsAnError() {
    assertProblem(
        List.of("// BEGIN SOLUTION lesson 1 a", "// BEGIN SOLUTION lesson 2 b", "// END SOLUTION"),
        "A.java:2: BEGIN SOLUTION inside the region opened at line 1 (regions do not nest)");
  }

  @Test
  void anUnknownLessonIsAnError() {
    assertProblem(
        List.of("// BEGIN SOLUTION lesson 12 a", "// END SOLUTION"), "A.java:1: unknown lesson 12");
  }

  @Test
  void aStrayEndOrStubIsAnError() {
    assertProblem(
        List.of("// STUB: return 1;", "// END SOLUTION"),
        "A.java:1: STUB outside a solution region",
        "A.java:2: END SOLUTION without a BEGIN SOLUTION");
  }

  @Test
  void aMisspelledMarkerIsAnErrorRatherThanASolutionLeak() {
    assertProblem(
        List.of("  //BEGIN SOLUTION lesson 1 a", "  // END SOLUTION."),
        "A.java:1: malformed marker: //BEGIN SOLUTION lesson 1 a",
        "A.java:2: malformed marker: // END SOLUTION.");
  }

  @Test
  void proseThatNamesTheMarkersIsNoMarker() throws Exception {
    Fences.FencedFile file =
        parse(
            List.of(
                "/**", " * Exercises are fenced by {@code // BEGIN SOLUTION lesson N}.", " */"));

    assertThat(file.hasRegions()).isFalse();
  }

  @Test
  void aRegionWithoutStubLinesNeedsAMethodName() {
    assertProblem(
        List.of("  // BEGIN SOLUTION lesson 3", "  return 1;", "  // END SOLUTION"),
        "A.java:1: a region without STUB lines needs a name: // BEGIN SOLUTION lesson 3 methodName");
  }

  private static Fences.FencedFile parse(List<String> lines) throws FenceException {
    return Fences.parse("Archive.java", lines, Exercises::isLesson);
  }

  private static void assertProblem(List<String> lines, String... problems) {
    assertThatThrownBy(() -> Fences.parse("A.java", lines, Exercises::isLesson))
        .isInstanceOfSatisfying(
            FenceException.class, e -> assertThat(e.problems()).containsExactly(problems));
  }
}
