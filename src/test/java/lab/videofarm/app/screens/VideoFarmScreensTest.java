package lab.videofarm.app.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import lab.videofarm.app.NotImplementedYet;
import org.junit.jupiter.api.Test;

/** What a screen says when a button's action cannot be done. */
class VideoFarmScreensTest {
  @Test
  void anExerciseNotWrittenYetIsShownAsSuchWithTheLessonToRead() {
    String shown = VideoFarmScreens.problem(new NotImplementedYet(4, "downloadMovieAndThumbnail"));

    assertThat(shown)
        .isEqualTo(
            "not implemented yet: Lesson 4: downloadMovieAndThumbnail is not implemented yet."
                + " See lessons/04-download/README.md");
  }

  @Test
  void anyOtherProblemIsShownAsAFailure() {
    assertThat(VideoFarmScreens.problem(new IOException("HTTP 500"))).isEqualTo("failed: HTTP 500");
  }
}
