package lab.videofarm.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each story of the README runs to the end: what {@code Stories.main} would exit 0 for. */
class StoriesTest {
  @TempDir Path root;

  @Test
  void theDownloadStoryEndsWithAByteExactFileAndNoWarning() throws Exception {
    StoryResult result = Stories.run("download", root);

    assertSucceeded(result);
    assertThat(problems(result)).isEmpty();
  }

  @Test
  void theUploadStoryEndsWithAByteExactFileOnTheServerAndNoWarning() throws Exception {
    StoryResult result = Stories.run("upload", root);

    assertSucceeded(result);
    assertThat(problems(result)).isEmpty();
  }

  @Test
  void theForceQuitStoryResumesWithoutFetchingAByteTwiceAndWarnsOfNothingElse() throws Exception {
    StoryResult result = Stories.run("force-quit", root);

    assertSucceeded(result);
    assertThat(problems(result))
        .as("the force quit the story provokes may warn; nothing else")
        .allSatisfy(event -> assertThat(event.what()).isEqualTo("force quit"));
  }

  @Test
  void aStoryWhoseTimelineShowsAnUnprovokedWarningFails() {
    TimelineEvent warning =
        new TimelineEvent(
            1,
            Instant.EPOCH,
            Layer.APP,
            1,
            "",
            TimelineEvent.NO_TASK,
            "download not kept",
            "no record for this task",
            TimelineEvent.Severity.WARNING);
    StoryCheck check = new StoryCheck();

    check.noWarnings(List.of(warning), event -> false);

    assertThat(check.failures()).singleElement().asString().contains("download not kept");
  }

  /** The WARNING and ERROR events on the story's timeline. */
  private static List<TimelineEvent> problems(StoryResult result) {
    return result.timeline().stream()
        .filter(event -> event.severity() != TimelineEvent.Severity.INFO)
        .toList();
  }

  private static void assertSucceeded(StoryResult result) {
    assertThat(result.failures())
        .as(String.join("\n", result.timeline().stream().map(Object::toString).toList()))
        .isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.steps()).isNotEmpty();
  }
}
