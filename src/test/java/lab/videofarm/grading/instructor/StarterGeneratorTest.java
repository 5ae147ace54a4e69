package lab.videofarm.grading.instructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StarterGeneratorTest {
  @TempDir Path root;

  @Test
  void theStarterHasTheStubsTheVisibleGradersAndItsOwnWrapper() throws Exception {
    Path project = FixtureProject.copyTo(root.resolve("project"));
    Path starter = root.resolve("starter");

    StarterGenerator.generate(project, starter, lesson -> false);

    assertThat(Files.readString(starter.resolve("src/main/java/fixture/Greeter.java")))
        .contains("throw new NotImplementedYet(1, \"greet\");")
        .contains("import lab.videofarm.app.NotImplementedYet;")
        .contains("    return text;\n")
        .doesNotContain("Hello, ")
        .doesNotContain("toUpperCase(Locale.ROOT)");
    assertThat(starter.resolve("mvnw")).isExecutable();
    assertThat(starter.resolve(".mvn/wrapper/maven-wrapper.properties")).exists();
    assertThat(starter.resolve("lessons/01-sessions/README.md")).exists();
    assertThat(starter.resolve(".github/workflows/grade.yml")).exists();
    assertThat(starter.resolve("src/test/java/lab/videofarm/grading/FixtureGreeterTest.java"))
        .exists();
  }

  @Test
  void theStarterLeavesOutHiddenGradersSolutionsMachineryAndInstructorOnlyPomParts()
      throws Exception {
    Path project = FixtureProject.copyTo(root.resolve("project"));
    Path starter = root.resolve("starter");

    StarterGenerator.generate(project, starter, lesson -> false);

    Path grading = starter.resolve("src/test/java/lab/videofarm/grading");
    assertThat(grading.resolve("FixtureGreeterHiddenTest.java")).doesNotExist();
    assertThat(grading.resolve("instructor")).doesNotExist();
    assertThat(grading.resolve("runner/FixtureRunnerTest.java")).doesNotExist();
    assertThat(Files.readString(starter.resolve("pom.xml")))
        .doesNotContain("instructor only")
        .doesNotContain("INSTRUCTOR")
        .contains("<artifactId>fixture</artifactId>");
  }

  @Test
  void malformedMarkersStopTheStarterNamingFileAndLine() throws Exception {
    Path project = FixtureProject.copyTo(root.resolve("project"));
    Files.writeString(
        project.resolve("src/main/java/fixture/Greeter.java"),
        "// BEGIN SOLUTION lesson 1 broken\n",
        StandardOpenOption.APPEND);

    assertThatThrownBy(
            () -> StarterGenerator.generate(project, root.resolve("starter"), l -> false))
        .isInstanceOf(FenceException.class)
        .hasMessage(
            "src/main/java/fixture/Greeter.java:24: BEGIN SOLUTION never closed by // END SOLUTION");
    assertThat(root.resolve("starter")).doesNotExist();
  }
}
