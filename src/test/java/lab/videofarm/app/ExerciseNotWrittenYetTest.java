package lab.videofarm.app;

import static lab.videofarm.app.AppScenario.movieInLibrary;
import static lab.videofarm.app.AppScenario.notification;
import static lab.videofarm.story.VideoFarmPhone.APP;
import static lab.videofarm.story.VideoFarmPhone.event;
import static lab.videofarm.story.VideoFarmPhone.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import lab.videofarm.os.AppState;
import lab.videofarm.os.device.AppBundle;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.story.VideoFarmPhone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as a student's starter runs it: exercises that throw {@link NotImplementedYet} are said
 * on the timeline ("not implemented yet", INFO, naming the lesson), thrown on to whoever pressed
 * the button, and the app keeps running.
 */
class ExerciseNotWrittenYetTest {
  @TempDir Path root;
  private VideoFarmPhone phone;

  @AfterEach
  void stopPhone() {
    if (phone != null) {
      phone.close();
    }
  }

  @Test
  void aButtonWhoseExerciseIsNotWrittenSaysSoAndTheAppRunsOn() throws Exception {
    phone = phoneWithStubbed(region -> region.name().equals("downloadMovieAndThumbnail"));
    String id =
        phone.addVideoWithMovie("Hens", VideoFarmPhone.randomFile(root.resolve("m"), 4096, 1));
    phone.launch();

    assertThatThrownBy(() -> phone.command("downloadMovieAndThumbnail", id))
        .satisfies(
            e -> assertThat(e.getClass().getName()).isEqualTo(NotImplementedYet.class.getName()))
        .hasMessage(
            "Lesson 4: downloadMovieAndThumbnail is not implemented yet."
                + " See lessons/04-download/README.md");

    assertThat(phone.awaitEvent(notImplementedYet()).detail())
        .startsWith("Lesson 4: downloadMovieAndThumbnail");
    assertThat(phone.command("fetchVideos")).asList().containsExactly(id);
    assertThat(phone.device().state(APP)).isEqualTo(AppState.FOREGROUND);
  }

  @Test
  void aDelegateCallbackWhoseExerciseIsNotWrittenIsSaidOnceAndTheDownloadStillFinishes()
      throws Exception {
    phone = phoneWithStubbed(region -> region.name().equals("didWriteData"));
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), AppScenario.MOVIE_BYTES, 2);
    String id = phone.addVideoWithMovie("Geese", movie);
    phone.launch();

    long task = (Long) phone.command("downloadMovieAndThumbnail", id);

    phone.awaitEvent(notification("VideoDownloadFinished", task));
    assertThat(sha256(movieInLibrary(phone, id))).isEqualTo(sha256(movie));
    assertThat(phone.events())
        .filteredOn(notImplementedYet())
        .singleElement()
        .satisfies(event -> assertThat(event.detail()).startsWith("Lesson 4: didWriteData"));
    assertThat(phone.events()).noneMatch(notification("VideoDownloadProgressed"));
  }

  @Test
  void theStarterWithNoExerciseWrittenLaunchesAndSaysWhatIsMissing() throws Exception {
    phone = phoneWithStubbed(region -> true);

    phone.device().launch(APP);

    assertThat(phone.awaitEvent(notImplementedYet()).detail())
        .isEqualTo(
            "Lesson 1: backgroundSession is not implemented yet. See lessons/01-sessions/README.md");
    assertThatThrownBy(() -> phone.command("fetchVideos"))
        .hasMessageStartingWith("Lesson 1: foregroundSession is not implemented yet.");
    assertThat(phone.device().state(APP)).isEqualTo(AppState.FOREGROUND);
    assertThat(phone.events())
        .filteredOn(event -> event.layer() == Layer.APP)
        .allSatisfy(event -> assertThat(event.severity()).isEqualTo(TimelineEvent.Severity.INFO));
  }

  /** A phone whose app has the regions {@code stubbed} accepts as the starter has them. */
  private VideoFarmPhone phoneWithStubbed(Predicate<SolutionRegions.Region> stubbed)
      throws Exception {
    Path classes = root.resolve("starter-classes");
    String errors = SolutionRegions.compile(SolutionRegions.filesWithRegions(), stubbed, classes);
    assertThat(errors).as("the stubbed classes compile").isEmpty();
    return VideoFarmPhone.start(root, bundle -> withClassesFirst(bundle, classes));
  }

  private static AppBundle withClassesFirst(AppBundle bundle, Path classes) {
    List<URL> classpath = new ArrayList<>();
    try {
      classpath.add(classes.toUri().toURL());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    classpath.addAll(bundle.classpath());
    return new AppBundle(
        bundle.bundleId(),
        bundle.delegateClassName(),
        bundle.childFirstPackages(),
        classpath,
        bundle.info());
  }

  private static Predicate<TimelineEvent> notImplementedYet() {
    return event(Layer.APP, AppLog.NOT_IMPLEMENTED_YET);
  }
}
