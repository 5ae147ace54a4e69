package lab.videofarm.grading;

import static lab.videofarm.grading.LessonPhone.event;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lab.videofarm.app.VFMAPIClient;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 2: fetchVideos lists the server's videos on a default session, and HTTP errors fail. */
@Tag("lesson-2")
class Lesson02VideoListTest {
  private static final Lesson LESSON = Lesson.VIDEO_LIST;

  @TempDir Path root;

  @Test
  @Points(3)
  void fetchVideosListsEveryVideoOnTheServer() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      String hens = phone.addVideo("Hens");
      String geese = phone.addVideo("Geese");
      phone.launchApp();

      Object answer = phone.command("fetchVideos");

      if (!(answer instanceof List<?> ids) || !ids.containsAll(List.of(hens, geese))) {
        throw LESSON.failure(
            "fetchVideos to call success with the server's two videos, ids " + List.of(hens, geese),
            answer instanceof LessonPhone.Failed failed
                ? "it failed: " + failed.describe()
                : "success got " + answer,
            "Decoding the JSON list");
      }
      if (ids.size() != 2) {
        throw LESSON.failure(
            "exactly the two videos on the server",
            "success got " + ids.size() + " videos: " + ids,
            "Decoding the JSON list");
      }
    }
  }

  @Test
  @Points(1)
  void fetchVideosUsesADefaultSessionNotTheBackgroundOne() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      phone.launchApp();

      Object answer = phone.command("fetchVideos");
      Optional<TimelineEvent> task =
          phone.awaitOptional(
              event(Layer.SESSION, "task created").and(e -> e.detail().endsWith("/videos")));

      if (task.isEmpty()) {
        throw LESSON.failure(
            "a data task for GET /videos",
            "no task asked for /videos; " + phone.lastWords(),
            "A default session for small requests");
      }
      if (!(answer instanceof List<?>)) {
        throw LESSON.failure(
            "fetchVideos to call success with the list, from a data task in a default session",
            "it failed: " + ((LessonPhone.Failed) answer).describe(),
            "A default session for small requests");
      }
      if (task.get().sessionId().equals(VFMAPIClient.BACKGROUND_IDENTIFIER)
          || !task.get().detail().startsWith("DATA")) {
        throw LESSON.failure(
            "a data task in a default session: a list the user waits for is no background work",
            "the task was "
                + task.get().detail()
                + " in session \""
                + task.get().sessionId()
                + "\"",
            "A default session for small requests");
      }
    }
  }

  @Test
  @Points(2)
  void anHttpErrorReachesTheFailureCallbackNotTheSuccessOne() throws Exception {
    try (LessonPhone phone =
        LessonPhone.startWithAppServer(root, LESSON, base -> base.resolve("no-such-api/"))) {
      phone.launchApp();

      Object answer = phone.command("fetchVideos");

      boolean failedWithHttp =
          answer instanceof LessonPhone.Failed failed
              && failed.cause() instanceof Exception
              && !(failed.cause() instanceof java.util.concurrent.TimeoutException)
              && !(failed.cause() instanceof IllegalStateException)
              && !failed.cause().getClass().getSimpleName().equals("NotImplementedYet");
      if (!failedWithHttp) {
        throw LESSON.failure(
            "the server answers 404 Not Found; fetchVideos must call failure: the request"
                + " completed without a transport error, so check the status code yourself",
            answer instanceof LessonPhone.Failed failed
                ? failed.describe()
                : "success was called with " + answer,
            "HTTP errors are not transport errors");
      }
    }
  }
}
