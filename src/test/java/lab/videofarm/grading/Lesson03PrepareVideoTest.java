package lab.videofarm.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import lab.videofarm.server.RecordedRequest;
import lab.videofarm.story.VideoFarmPhone;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson 3: prepareVideo posts a multipart form, and finds the created video by the 303. */
@Tag("lesson-3")
class Lesson03PrepareVideoTest {
  private static final Lesson LESSON = Lesson.PREPARE_VIDEO;

  @TempDir Path root;

  @Test
  @Points(3)
  void prepareVideoCreatesTheVideoOnTheServerAndReturnsItsId() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Path thumbnail = Files.write(root.resolve("goat.png"), VideoFarmPhone.png());
      phone.launchApp();

      Object answer = phone.command("prepareVideo", "Goat", thumbnail.toString(), "climbs");

      if (!(answer instanceof String id)) {
        throw LESSON.failure(
            "prepareVideo to call success with the created video",
            Transfers.describe(answer),
            "Building the request");
      }
      Optional<byte[]> json = phone.serverFile("videos/" + id);
      String created = json.map(String::new).orElse("");
      if (!created.contains("\"title\":\"Goat\"")
          || !created.contains("\"description\":\"climbs\"")) {
        throw LESSON.failure(
            "the server to hold a video " + id + " titled \"Goat\", described \"climbs\"",
            json.isEmpty() ? "the server has no video " + id : "the server has " + created,
            "Resolve the Location");
      }
      Optional<byte[]> stored = phone.serverFile("videos/" + id + "/thumbnail");
      if (stored.isEmpty() || !Arrays.equals(stored.get(), Files.readAllBytes(thumbnail))) {
        throw LESSON.failure(
            "the thumbnail on the server, byte for byte as the app sent it",
            stored.map(b -> "the server holds " + b.length + " other bytes").orElse("none"),
            "Keep the boundary");
      }
    }
  }

  @Test
  @Points(2)
  void theFormGoesOutAsOneMultipartPostToVideos() throws Exception {
    try (LessonPhone phone = LessonPhone.start(root, LESSON)) {
      Path thumbnail = Files.write(root.resolve("hen.png"), VideoFarmPhone.png());
      phone.launchApp();

      Object answer = phone.command("prepareVideo", "Hen", thumbnail.toString(), "lays");

      List<RecordedRequest> posts =
          phone.server().requests().stream().filter(r -> r.method().equals("POST")).toList();
      if (posts.size() != 1
          || !posts.get(0).path().equals("/videos")
          || !posts.get(0).header("Content-Type").orElse("").startsWith("multipart/form-data")
          || posts.get(0).status() != 303) {
        throw LESSON.failure(
            "one POST /videos, Content-Type multipart/form-data with its boundary, answered 303",
            posts.isEmpty()
                ? "the server got no POST; " + Transfers.describe(answer)
                : "the server got "
                    + posts.stream()
                        .map(
                            r ->
                                r.method()
                                    + " "
                                    + r.path()
                                    + " "
                                    + r.header("Content-Type").orElse("")
                                    + ", answered "
                                    + r.status())
                        .toList(),
            "Building the request");
      }
      if (!(answer instanceof String)) {
        throw LESSON.failure(
            "the 303 to count as success, and its Location to lead to the created video",
            Transfers.describe(answer),
            "303 is a success here");
      }
    }
  }
}
