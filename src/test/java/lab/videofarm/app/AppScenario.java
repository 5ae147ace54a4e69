package lab.videofarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.server.RecordedRequest;
import lab.videofarm.story.VideoFarmPhone;

/**
 * What the app's end-to-end tests share: the phone with the VideoFarm app, and ways to read what
 * the app did from outside (timeline, container, server). Saves the timeline of every scenario
 * under {@code target/timelines} for reading when one fails.
 */
final class AppScenario {
  static final int MOVIE_BYTES = 1024 * 1024;

  private AppScenario() {}

  static Predicate<TimelineEvent> notification(String name) {
    return VideoFarmPhone.event(Layer.NOTIFICATION, name);
  }

  static Predicate<TimelineEvent> notification(String name, long task) {
    return notification(name).and(event -> event.taskId() == task);
  }

  static Predicate<TimelineEvent> delegate(String what, long task) {
    return VideoFarmPhone.event(Layer.DELEGATE, what).and(event -> event.taskId() == task);
  }

  static Path movieInLibrary(VideoFarmPhone phone, String videoId) {
    return phone.container().resolve("Library/Videos/" + videoId + "/movie");
  }

  static Path thumbnailInLibrary(VideoFarmPhone phone, String videoId) {
    return phone.container().resolve("Library/Videos/" + videoId + "/thumbnail");
  }

  static String archive(VideoFarmPhone phone, String name) throws Exception {
    return Files.readString(phone.container().resolve(name + ".json"));
  }

  static List<RecordedRequest> movieGets(VideoFarmPhone phone, String videoId) {
    String path = "/videos/" + videoId + "/movie";
    return phone.server().requests().stream()
        .filter(request -> request.method().equals("GET") && request.path().equals(path))
        .toList();
  }

  /**
   * The resumed task asked for the rest of the movie from where the first one stopped, and the
   * server sent exactly that rest: no byte twice.
   */
  static void assertResumedWithoutResending(VideoFarmPhone phone, String videoId, long task)
      throws Exception {
    TimelineEvent resumedAt = phone.awaitEvent(delegate("didResumeAtOffset", task));
    long offset = Long.parseLong(resumedAt.detail().split(" ")[0]);
    List<RecordedRequest> gets = movieGets(phone, videoId);
    RecordedRequest resume = gets.get(gets.size() - 1);
    assertThat(offset).isPositive();
    assertThat(resume.header("Range")).contains("bytes=" + offset + "-");
    assertThat(resume.status()).isEqualTo(206);
    assertThat(resume.bodyBytesSent()).isEqualTo(MOVIE_BYTES - offset);
  }

  static void saveTimeline(VideoFarmPhone phone, String name) throws Exception {
    Path story = Path.of("target", "timelines", name + ".txt");
    Files.createDirectories(story.getParent());
    Files.write(story, phone.events().stream().map(Object::toString).toList());
  }
}
