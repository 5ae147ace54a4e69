package lab.videofarm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import lab.videofarm.app.NotImplementedYet;
import org.junit.jupiter.api.Test;

class UserMessagesTest {
  @Test
  void anExerciseNotWrittenYetIsToldAsSuchWithItsLesson() {
    Throwable wrapped = new ExecutionException(new NotImplementedYet(4, "didFinishDownloadingTo"));

    assertThat(UserMessages.isNotImplementedYet(wrapped)).isTrue();
    assertThat(UserMessages.describe(wrapped))
        .startsWith("Not implemented yet. Lesson 4: didFinishDownloadingTo")
        .endsWith("See lessons/04-download/README.md");
  }

  @Test
  void anyOtherProblemIsItsOwnMessageOrWhatKindOfProblemItWas() {
    assertThat(UserMessages.describe(new IllegalStateException("the disk is full")))
        .isEqualTo("the disk is full");
    assertThat(UserMessages.describe(new ExecutionException(new NullPointerException())))
        .isEqualTo("null pointer exception");
    assertThat(UserMessages.isNotImplementedYet(new IllegalStateException())).isFalse();
  }
}
