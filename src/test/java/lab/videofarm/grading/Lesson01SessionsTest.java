package lab.videofarm.grading;

import static lab.videofarm.grading.LessonPhone.event;

import java.nio.file.Path;
import java.util.Optional;
import lab.videofarm.app.VFMAPIClient;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 1: the app creates its background session, with its identifier, at every launch. */
@Tag("lesson-1")
class Lesson01SessionsTest {
  private static final Lesson LESSON = Lesson.SESSIONS;
  private static final String IDENTIFIER = VFMAPIClient.BACKGROUND_IDENTIFIER;

  @TempDir Path root;
  LessonPhone phone;

  @BeforeEach
  void startPhone() throws Exception {
    phone = LessonPhone.start(root, LESSON);
  }

  @AfterEach
  void stopPhone() throws Exception {
    phone.close();
  }

  @Test
  @Points(2)
  void atLaunchTheAppCreatesABackgroundSessionWithItsIdentifier() throws Exception {
    phone.launchApp();

    Optional<TimelineEvent> created = phone.awaitOptional(backgroundSessionCreated(1));

    if (created.isEmpty()) {
      throw LESSON.failure(
          "during launch, a background session with the identifier \"" + IDENTIFIER + "\"",
          "no background session was created; " + phone.lastWords(),
          "Create the background session at launch");
    }
    if (!created.get().sessionId().equals(IDENTIFIER)) {
      throw LESSON.failure(
          "the identifier \"" + IDENTIFIER + "\" (VFMAPIClient.BACKGROUND_IDENTIFIER)",
          "a background session named \"" + created.get().sessionId() + "\"",
          "One identifier, the same in every launch");
    }
  }

  @Test
  @Points(2)
  void theTransferDaemonAttachesTheBackgroundSession() throws Exception {
    phone.launchApp();

    Optional<TimelineEvent> attached =
        phone.awaitOptional(
            event(Layer.DAEMON, "session attached").and(e -> e.sessionId().equals(IDENTIFIER)));

    if (attached.isEmpty()) {
      throw LESSON.failure(
          "the transfer daemon to attach the session \""
              + IDENTIFIER
              + "\": it only does so for a background configuration with a delegate",
          "the daemon never heard of it; " + phone.lastWords(),
          "Why the daemon needs a delegate");
    }
  }

  @Test
  @Points(1)
  void aLaterLaunchCreatesTheSessionAgainWithTheSameIdentifier() throws Exception {
    phone.launchApp();
    phone.awaitOptional(backgroundSessionCreated(1));
    phone.terminateApp();

    phone.launchApp();
    Optional<TimelineEvent> again = phone.awaitOptional(backgroundSessionCreated(2));

    if (again.isEmpty() || !again.get().sessionId().equals(IDENTIFIER)) {
      throw LESSON.failure(
          "the second launch to create the background session \"" + IDENTIFIER + "\" again",
          again.map(e -> "it created \"" + e.sessionId() + "\"").orElse(phone.lastWords()),
          "One identifier, the same in every launch");
    }
  }

  static java.util.function.Predicate<TimelineEvent> backgroundSessionCreated(int launch) {
    return event(Layer.SESSION, "session created")
        .and(e -> e.launch() == launch && e.detail().startsWith("background("));
  }
}
