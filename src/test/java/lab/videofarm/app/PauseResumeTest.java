package lab.videofarm.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.MoreExecutors;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import lab.videofarm.app.archive.AppArchives;
import lab.videofarm.app.model.DownloadState;
import lab.videofarm.app.model.MovieStatus;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.app.model.VFMVideo;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.notification.Notifications;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.urlsession.HTTPURLResponse;
import lab.videofarm.urlsession.URLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pausing a download whose movie task has just finished: the cancel reaches the daemon after the
 * task is done, so it gives no resume data, and the finished file is on its way to the app. The
 * download must keep it, whichever of the two the app hears first.
 */
class PauseResumeTest {
  private static final String SESSION = "lab.videofarm.app.background";
  private static final long MOVIE_TASK = 5;
  private static final byte[] MOVIE = {1, 2, 3, 4};

  @TempDir Path container;

  private final VFMRemoteVideo video =
      new VFMRemoteVideo(
          "v1",
          new VFMVideo("Sheep", "", URI.create("http://127.0.0.1:1/videos/v1/thumbnail")),
          URI.create("http://127.0.0.1:1/videos/v1/movie"),
          MovieStatus.READY,
          MOVIE.length,
          Instant.parse("2026-01-01T09:00:00Z"));

  private RecordingApplication application;
  private TransferStore store;
  private Downloads downloads;
  private PauseResume pauseResume;
  private Consumer<byte[]> cancelAnswer;

  @BeforeEach
  void launch() {
    application = new RecordingApplication(container);
    Notifications notifications =
        new Notifications(application, application.clock(), MoreExecutors.directExecutor());
    AppArchives archives = new AppArchives(application, application.clock());
    store = new TransferStore(archives, archives.restore());
    AppLog log = new AppLog(application, SESSION);
    java.util.function.Supplier<URLSession> noSession =
        () -> {
          throw new AssertionError("pausing needs no new task");
        };
    downloads =
        new Downloads(noSession, store, notifications, new VideoLibrary(container), log, SESSION);
    pauseResume = new PauseResume(noSession, store, new CancelLater(), notifications, log, SESSION);
    store.putDownload(
        MOVIE_TASK, VFMVideoDownload.starting(video, MOVIE_TASK, VFMVideoDownload.NO_TASK));
  }

  @AfterEach
  void kill() {
    application.close();
  }

  @Test
  void aDownloadThatFinishesAsItIsPausedIsKeptWhenItsFileArrivesFirst() throws Exception {
    pauseResume.pauseDownloads(video);

    daemonDeliversTheFinishedMovie();
    cancelAnswer.accept(null);

    assertKeptAndFinished();
  }

  @Test
  void aDownloadThatFinishesAsItIsPausedIsKeptWhenTheEmptyCancelAnswersFirst() throws Exception {
    pauseResume.pauseDownloads(video);

    cancelAnswer.accept(null);
    daemonDeliversTheFinishedMovie();

    assertKeptAndFinished();
  }

  private void daemonDeliversTheFinishedMovie() throws Exception {
    Path temp = Files.write(container.resolve("CFNetworkDownload_1.tmp"), MOVIE);
    HTTPURLResponse ok = new HTTPURLResponse(video.movieURL(), 200, Map.of(), MOVIE.length);
    downloads.didFinishDownloadingTo(MOVIE_TASK, ok, temp);
    downloads.didCompleteWithError(MOVIE_TASK, ok, null);
  }

  private void assertKeptAndFinished() throws Exception {
    Path movie = container.resolve("Library/Videos/v1/movie");
    assertThat(movie).exists();
    assertThat(Files.readAllBytes(movie)).isEqualTo(MOVIE);
    assertThat(store.downloads())
        .singleElement()
        .satisfies(download -> assertThat(download.state()).isEqualTo(DownloadState.FINISHED));
    assertThat(application.events(Layer.NOTIFICATION))
        .extracting(TimelineEvent::what)
        .contains("VideoDownloadFinished");
    assertThat(application.warnings(Layer.APP)).isEmpty();
  }

  /** The cancel is sent; its answer comes when the test says so. */
  private final class CancelLater implements TaskActions {
    @Override
    public void suspend(long taskIdentifier, Runnable then) {
      throw new AssertionError("not for downloads");
    }

    @Override
    public void resume(long taskIdentifier, Runnable then) {
      throw new AssertionError("not for downloads");
    }

    @Override
    public void cancel(long taskIdentifier) {
      throw new AssertionError("a pause cancels for resume data");
    }

    @Override
    public void cancelForResumeData(long taskIdentifier, Consumer<byte[]> resumeData) {
      assertThat(taskIdentifier).isEqualTo(MOVIE_TASK);
      cancelAnswer = resumeData;
    }
  }
}
