package lab.videofarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exercises are fenced as the lessons need them: every lesson has some, each is small, and the
 * starter in which every one is a stub still compiles.
 */
class LessonRegionsTest {
  private static final int MOST_LINES_IN_A_REGION = 30;

  @TempDir Path output;

  @Test
  void everyOneOfTheNineLessonsHasAnExercise() throws Exception {
    assertThat(SolutionRegions.regions())
        .extracting(SolutionRegions.Region::lesson)
        .containsAll(IntStream.rangeClosed(1, 9).boxed().toList())
        .allSatisfy(lesson -> assertThat(lesson).isBetween(1, 9));
  }

  @Test
  void everyExerciseIsAFewLinesLong() throws Exception {
    assertThat(SolutionRegions.regions())
        .allSatisfy(
            region ->
                assertThat(region.lines())
                    .as(region.file() + " " + region.name())
                    .isLessThanOrEqualTo(MOST_LINES_IN_A_REGION));
  }

  @Test
  void theExercisesLiveInTheAppOnly() throws Exception {
    assertThat(SolutionRegions.filesWithRegions())
        .allSatisfy(
            file ->
                assertThat(file.toString().replace('\\', '/'))
                    .startsWith("src/main/java/lab/videofarm/app/"));
  }

  @Test
  void theStarterWithEveryExerciseStubbedCompiles() throws Exception {
    List<Path> files = SolutionRegions.filesWithRegions();

    String errors = SolutionRegions.compile(files, region -> true, output.resolve("classes"));

    assertThat(errors).isEmpty();
  }
}
