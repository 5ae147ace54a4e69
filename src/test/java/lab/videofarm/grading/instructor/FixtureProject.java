package lab.videofarm.grading.instructor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A tiny project shaped like this one, for testing the grading machinery without the app: one
 * fenced class ({@code fixture.Greeter}, lessons 1 and 2), tagged graders with points, a hidden
 * grader, and files no starter may carry. It lives in {@code src/test/resources/.../fixture}.
 */
public final class FixtureProject {
  static final Path SOURCE = Path.of("src/test/resources/lab/videofarm/grading/instructor/fixture");
  private static final String APP = "src/main/java/lab/videofarm/app/";

  private FixtureProject() {}

  /** Copies the fixture into {@code folder}, with the app's NotImplementedYet its stubs use. */
  public static Path copyTo(Path folder) throws IOException {
    ProjectFiles.copy(SOURCE, folder, ".");
    ProjectFiles.makeExecutable(folder.resolve("mvnw"));
    for (String file : List.of("NotImplementedYet.java", "LessonFolders.java")) {
      ProjectFiles.copy(Path.of("."), folder, APP + file);
    }
    return folder;
  }

  /** The libraries of this test run (jars only: the fixture brings its own classes). */
  public static List<Path> libraries() {
    String surefire = System.getProperty("surefire.test.class.path");
    String classpath = surefire != null ? surefire : System.getProperty("java.class.path");
    return Stream.of(classpath.split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar"))
        .map(Path::of)
        .filter(Files::isRegularFile)
        .toList();
  }
}
