package lab.videofarm.grading.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lab.videofarm.grading.instructor.FixtureProject;
import lab.videofarm.grading.instructor.ResultFormats;
import lab.videofarm.grading.instructor.StarterGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner end to end, on the fixture project: compile, run, report. */
class GradeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  @Test
  void onTheSolutionEveryGraderPassesInFileOrderWithItsPoints() throws Exception {
    Path project = FixtureProject.copyTo(root.resolve("project"));

    Grading grading = grade(project, "all");

    assertThat(grading.tests())
        .extracting(GraderResult::method, GraderResult::points, GraderResult::lesson)
        .containsExactly(
            tuple("shoutingAddsAnExclamationMark", 3, 2),
            tuple("greetingNamesThePerson", 2, 1),
            tuple("aGreetingEndsWithAnExclamationMark", 1, 1),
            tuple("anEmptyNameIsGreetedToo", 1, 1));
    assertThat(grading.allPassed()).isTrue();
    assertThat(grading.score()).isEqualTo(7);
  }

  @Test
  void oneLessonRunsOnlyThatLessonsGraders() throws Exception {
    Path project = FixtureProject.copyTo(root.resolve("project"));

    Grading grading = grade(project, "2");

    assertThat(grading.tests())
        .extracting(GraderResult::method)
        .containsExactly("shoutingAddsAnExclamationMark");
  }

  @Test
  void onTheStarterEveryLessonFailsWithAMessageNamingIt() throws Exception {
    Path starter = root.resolve("starter");
    StarterGenerator.generate(FixtureProject.copyTo(root.resolve("project")), starter, l -> false);

    Grading grading = grade(starter, "all");

    assertThat(grading.tests()).noneMatch(GraderResult::hidden).noneMatch(GraderResult::passed);
    assertThat(grading.tests())
        .filteredOn(test -> test.lesson() == 1)
        .first()
        .satisfies(
            test -> {
              assertThat(test.status()).isEqualTo(GraderResult.Status.ERRORED);
              assertThat(test.message())
                  .isEqualTo(
                      "Lesson 1: greet is not implemented yet. See lessons/01-sessions/README.md");
              assertThat(test.output()).isEqualTo("greeting Ada\n");
            });
    assertThat(grading.tests())
        .filteredOn(test -> test.lesson() == 2)
        .singleElement()
        .satisfies(test -> assertThat(test.message()).startsWith("Lesson 2: shout should"));
  }

  @Test
  void theReportsHaveExercismsAndGradescopesFields() throws Exception {
    Path project = FixtureProject.copyTo(root.resolve("project"));
    Reports reports = new Reports(lesson -> "0" + lesson + "-fixture");
    Grading grading = grade(project, "all");
    reports.writeAll(grading, root.resolve("out"));

    JsonNode exercism = JSON.readTree(root.resolve("out/exercism/results.json").toFile());
    JsonNode gradescope = JSON.readTree(root.resolve("out/gradescope/results.json").toFile());

    assertThat(ResultFormats.exercism(exercism)).isEmpty();
    assertThat(ResultFormats.gradescope(gradescope)).isEmpty();
    assertThat(exercism.path("tests").get(1).path("test_code").asText())
        .startsWith("void greetingNamesThePerson() {")
        .contains("assertEquals(\"Hello, Ada!\", Greeter.greet(\"Ada\"));");
    assertThat(gradescope.path("tests").findValuesAsText("visibility"))
        .containsExactly("visible", "visible", "visible", "after_published");
    assertThat(reports.table(grading)).contains("PASS 2/2  greeting names the person");
  }

  @Test
  void aCompileErrorIsReportedAsFileLineAndMessage() throws Exception {
    Path project = FixtureProject.copyTo(root.resolve("project"));
    grade(project, "1");
    Path greeter = project.resolve("src/main/java/fixture/Greeter.java");
    Files.writeString(greeter, Files.readString(greeter).replace("+ \"!\";", "+ \"!\""));

    Grading grading = grade(project, "1");

    assertThat(grading.isError()).isTrue();
    assertThat(grading.error())
        .contains("src/main/java/fixture/Greeter.java:12: ';' expected")
        .contains("return \"Hello, \" + name + \"!\"");
    Map<String, Object> exercism = new Reports(lesson -> "").exercism(grading);
    assertThat(exercism).containsEntry("status", "error").containsEntry("tests", List.of());
  }

  @Test
  void aSubmissionReplacesOnlyTheExerciseFilesAndMissingOnesCountAsTheStarters() throws Exception {
    Path bundle = root.resolve("bundle");
    lab.videofarm.grading.instructor.GradingBundle.build(
        FixtureProject.copyTo(root.resolve("project")), bundle);
    Path submission = root.resolve("submission");
    Files.createDirectories(submission);
    Files.writeString(submission.resolve("FixtureGreeterTest.java"), "class Cheat {}");

    Grading grading =
        grade(bundle.resolve("project"), "all", "--submission", submission.toString());

    assertThat(grading.tests()).hasSize(4).noneMatch(GraderResult::passed);
    assertThat(
            bundle.resolve("project/src/test/java/lab/videofarm/grading/FixtureGreeterTest.java"))
        .content()
        .contains("class FixtureGreeterTest");
  }

  private static Grading grade(Path project, String... args) throws Exception {
    String[] all = new String[args.length + 2];
    all[0] = args[0];
    all[1] = "--project";
    all[2] = project.toString();
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return Grade.grade(Grade.Options.parse(all), FixtureProject.libraries());
  }
}
