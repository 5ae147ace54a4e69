package lab.videofarm.grading;

import java.nio.file.Path;
import java.util.Optional;
import lab.videofarm.os.AppState;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.story.VideoFarmPhone;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesson 8: a background fetch refreshes the list and answers the system once, after the answer:
 * new data when a video appeared that no refresh had seen, no data otherwise, even after a kill.
 */
@Tag("lesson-8")
class Lesson08BackgroundFetchTest {
  private static final Lesson LESSON = Lesson.BACKGROUND_FETCH;

  @TempDir Path root;

  @Test
  @Points(3)
  void aFetchAnswersNewDataForANewVideoThenNoData() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      phone.addVideo("Fence");

      expect(phone, "NEW_DATA", "a video the app had never seen is on the server");
      expect(phone, "NO_DATA", "nothing appeared since the last fetch");
      phone.addVideo("Gate");
      expect(phone, "NEW_DATA", "a second video appeared since the last fetch");
      calledOnce(phone);
    }
  }

  @Test
  @Points(2)
  void theVideosSeenAreRememberedAcrossAKill() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      phone.addVideo("Well");
      expect(phone, "NEW_DATA", "a video the app had never seen is on the server");

      phone.device().terminate(VideoFarmPhone.APP);

      expect(
          phone,
          "NO_DATA",
          "the same video: a refresh in the launch before the kill had seen it already");
    }
  }

  /** Simulates a background fetch; fails unless the app answers {@code result}. */
  static void expect(LessonPhone phone, String result, String because) throws Exception {
    String answer = backgroundFetch(phone);
    if (!answer.equals(result)) {
      throw LESSON.failure(
          "performFetch to answer " + result + ": " + because,
          answer,
          answer.startsWith("FAILED") || answer.startsWith("no answer")
              ? "Call the handler on every path"
              : "New means never seen by any refresh");
    }
  }

  /**
   * Simulates a background fetch and returns what the app told the system, once the app is
   * suspended again (as it would be long before the next fetch).
   */
  static String backgroundFetch(LessonPhone phone) throws Exception {
    long before = phone.events().size();
    phone.device().simulateBackgroundFetch(VideoFarmPhone.APP);
    Optional<TimelineEvent> answered =
        phone.awaitOptional(
            LessonPhone.event(Layer.DEVICE, "fetch completed")
                .or(LessonPhone.event(Layer.DEVICE, "fetch expired"))
                .and(e -> e.sequence() > before));
    if (answered.isEmpty() || answered.get().what().equals("fetch expired")) {
      return "no answer; " + phone.lastWords();
    }
    try {
      Awaitility.await()
          .atMost(LessonPhone.WAIT)
          .until(() -> phone.device().state(VideoFarmPhone.APP) != AppState.BACKGROUND);
    } catch (ConditionTimeoutException e) {
      // Still in the background: the next fetch wakes it all the same.
    }
    String result = answered.get().detail();
    return result.equals("FAILED") ? result + notImplemented(phone) : result;
  }

  /** What the app said was not implemented yet, if anything: why a fetch may have failed. */
  private static String notImplemented(LessonPhone phone) {
    return phone.events().stream()
        .filter(e -> e.what().equals("not implemented yet"))
        .findFirst()
        .map(e -> "; the app reported: " + e.detail())
        .orElse("");
  }

  /** The system heard once per fetch, never twice. */
  static void calledOnce(LessonPhone phone) {
    Optional<TimelineEvent> twice =
        phone.events().stream()
            .filter(LessonPhone.event(Layer.DEVICE, "fetch completed"))
            .filter(e -> e.severity() != TimelineEvent.Severity.INFO)
            .findFirst();
    if (twice.isPresent()) {
      throw LESSON.failure(
          "one call of the completion handler per fetch",
          "the system warned: fetch completed " + twice.get().detail(),
          "Once, not twice");
    }
  }
}
