package lab.videofarm.grading.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradingBundleTest {
  @TempDir Path root;

  @Test
  void theBundleHasHiddenGradersTheExerciseListAndTheirStarterVersions() throws Exception {
    Path bundle = root.resolve("bundle");

    GradingBundle.build(FixtureProject.copyTo(root.resolve("project")), bundle);

    Path project = bundle.resolve("project");
    assertThat(project.resolve("src/test/java/lab/videofarm/grading/FixtureGreeterHiddenTest.java"))
        .exists();
    assertThat(project.resolve("src/test/java/lab/videofarm/grading/instructor")).doesNotExist();
    assertThat(project.resolve("exercise-files.txt"))
        .content()
        .isEqualTo("src/main/java/fixture/Greeter.java\n");
    assertThat(project.resolve("starter-files/src/main/java/fixture/Greeter.java"))
        .content()
        .contains("throw new NotImplementedYet(1, \"greet\");");
    assertThat(project.resolve("src/main/java/fixture/Greeter.java"))
        .content()
        .contains("// BEGIN SOLUTION lesson 1 greet");
    assertThat(bundle.resolve("grade-submission")).isExecutable();
  }

  @Test
  void theGradescopeZipHasSetupAndRunAutograderAtItsRoot() throws Exception {
    Path bundle = root.resolve("bundle");

    GradingBundle.build(FixtureProject.copyTo(root.resolve("project")), bundle);

    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(bundle.resolve(GradingBundle.ZIP));
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    assertThat(names)
        .startsWith("setup.sh", "run_autograder")
        .contains("project/exercise-files.txt", "project/pom.xml", "project/mvnw")
        .allMatch(
            name ->
                name.equals("setup.sh")
                    || name.equals("run_autograder")
                    || name.startsWith("project/"));
  }

  @Test
  void theWorkflowGradesEveryPushAndWritesTheTableToTheJobSummary() throws Exception {
    Path bundle = root.resolve("bundle");
    GradingBundle.build(FixtureProject.copyTo(root.resolve("project")), bundle);

    JsonNode workflow =
        new ObjectMapper(new YAMLFactory())
            .readTree(bundle.resolve(".github/workflows/grade.yml").toFile());

    assertThat(workflow.path("on").has("push")).isTrue();
    List<String> uses = workflow.path("jobs").path("grade").path("steps").findValuesAsText("uses");
    List<String> runs = workflow.path("jobs").path("grade").path("steps").findValuesAsText("run");
    assertThat(uses)
        .anyMatch(action -> action.startsWith("actions/checkout@"))
        .anyMatch(action -> action.startsWith("actions/setup-java@"))
        .noneMatch(action -> action.contains("classroom"));
    assertThat(runs).containsExactly("./grade all --summary \"$GITHUB_STEP_SUMMARY\"");
    assertThat(workflow.path("jobs").path("grade").path("steps").findValuesAsText("java-version"))
        .containsExactly("17");
  }
}
