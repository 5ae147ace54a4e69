package lab.videofarm.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each story of the README runs to the end: what {@code Stories.main} would exit 0 for. */
class StoriesTest {
  @TempDir Path root;

  @Test
  void theDownloadStoryEndsWithAByteExactFile() throws Exception {
    assertSucceeded(Stories.run("download", root));
  }

  @Test
  void theUploadStoryEndsWithAByteExactFileOnTheServer() throws Exception {
    assertSucceeded(Stories.run("upload", root));
  }

  @Test
  void theForceQuitStoryResumesWithoutFetchingAByteTwice() throws Exception {
    assertSucceeded(Stories.run("force-quit", root));
  }

  private static void assertSucceeded(StoryResult result) {
    assertThat(result.failures())
        .as(String.join("\n", result.timeline().stream().map(Object::toString).toList()))
        .isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.steps()).isNotEmpty();
  }
}
