package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.download;
import static lab.videofarm.os.transferd.DaemonHarness.resumeDownload;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lab.videofarm.server.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** suspend, resume, cancel, and resume data (rules 27-34). */
class TransferDaemonControlTest {
  static final int MOVIE = 1024 * 1024;

  @TempDir Path root;
  DaemonHarness harness;
  RecordingSink sink;
  DaemonConnection session;

  @BeforeEach
  void start() throws Exception {
    harness = DaemonHarness.start(root);
    sink = harness.sink("app");
    session = harness.daemon.connect(background(1), sink);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void suspendAndResumeNestLikeACounter() throws Exception {
    byte[] movie = randomBytes(MOVIE, 10);
    URI url = harness.videos.videoWithMovie(movie);
    long task = harness.throttledDownloadUnderWay(session, sink, url, 50_000);

    session.suspend(task);
    session.suspend(task);
    assertThat(state(task)).isEqualTo(TaskState.SUSPENDED);
    long frozen = received(task);
    harness.server.faults().throttleBytesPerSecond(0);
    session.resume(task);
    assertThat(state(task))
        .as("one resume undoes one of two suspends")
        .isEqualTo(TaskState.SUSPENDED);
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        // at most the read in flight when it was suspended: one download buffer (256 KiB)
        .until(() -> received(task) <= frozen + 256 * 1024);
    assertThat(sink.events(task, TaskEvent.DidComplete.class)).isEmpty();

    session.resume(task);

    assertThat(state(task)).isIn(TaskState.RUNNING, TaskState.COMPLETED);
    assertThat(sink.awaitCompletion(task).error()).isNull();
    assertThat(sha256(sink.downloaded(task))).isEqualTo(sha256(movie));
  }

  @Test
  void cancelReturnsAtOnceAndCompletesWithCancelled() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(MOVIE, 11));
    harness.server.faults().throttleBytesPerSecond(100_000);
    long task = session.createTask(download(url));
    session.resume(task);
    sink.awaitBytesWritten(task, 10_000);

    session.cancel(task);

    assertThat(state(task)).isIn(TaskState.CANCELING, TaskState.COMPLETED);
    TaskEvent.DidComplete done = sink.awaitCompletion(task);
    assertThat(done.error().code()).isEqualTo(-999);
    assertThat(done.error().resumeData()).isNull();
    assertThat(sink.milestones(task)).containsExactly("DidComplete");
  }

  @Test
  void cancelWorksOnATaskThatNeverStarted() {
    long task = session.createTask(download(harness.base.resolve("videos/x/movie")));

    session.cancel(task);

    assertThat(sink.awaitCompletion(task).error().code()).isEqualTo(-999);
    assertThat(harness.server.requests()).isEmpty();
  }

  @Test
  void controllingATaskThatAlreadyCompletedChangesNothing() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 9));
    long task = session.createTask(download(url));
    session.resume(task);
    sink.awaitCompletion(task);
    await().atMost(Duration.ofSeconds(5)).until(() -> session.task(task).isEmpty());

    session.cancel(task);
    session.suspend(task);
    session.resume(task);

    assertThat(session.cancelByProducingResumeData(task).get(5, TimeUnit.SECONDS)).isEmpty();
    assertThat(sink.events(task, TaskEvent.DidComplete.class)).hasSize(1);
  }

  @Test
  void pauseAndResumeNeverTransfersAByteTwice() throws Exception {
    byte[] movie = randomBytes(MOVIE, 12);
    URI url = harness.videos.videoWithMovie(movie);
    long first = harness.throttledDownloadUnderWay(session, sink, url, 100_000);

    Optional<byte[]> resumeData =
        session.cancelByProducingResumeData(first).get(10, TimeUnit.SECONDS);

    assertThat(resumeData).isPresent();
    TaskEvent.DidComplete cancelled = sink.awaitCompletion(first);
    assertThat(cancelled.error().code()).isEqualTo(-999);
    harness.server.faults().throttleBytesPerSecond(0);
    long second = session.createTask(resumeDownload(url, resumeData.get()));
    session.resume(second);

    assertThat(sink.awaitCompletion(second).error()).isNull();
    assertThat(sha256(sink.downloaded(second))).isEqualTo(sha256(movie));
    List<TaskEvent.DidResumeAtOffset> resumed =
        sink.events(second, TaskEvent.DidResumeAtOffset.class);
    assertThat(resumed).singleElement().satisfies(r -> assertThat(r.fileOffset()).isPositive());
    assertThat(sink.milestones(second))
        .containsExactly("DidResumeAtOffset", "DidFinishDownloading", "DidComplete");
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              List<RecordedRequest> requests = harness.requestsTo(url);
              assertThat(requests).hasSize(3); // the PUT that made the movie, then two GETs
              RecordedRequest ranged = requests.get(2);
              assertThat(ranged.header("Range"))
                  .hasValue("bytes=" + resumed.get(0).fileOffset() + "-");
              assertThat(ranged.header("If-Range")).isPresent();
              assertThat(ranged.status()).isEqualTo(206);
              long sent =
                  requests.stream()
                      .filter(r -> r.method().equals("GET"))
                      .mapToLong(RecordedRequest::bodyBytesSent)
                      .sum();
              assertThat(sent).isEqualTo(movie.length);
            });
  }

  @Test
  void resumeDataForAMovieThatChangedRestartsFromZero() throws Exception {
    byte[] original = randomBytes(MOVIE, 13);
    URI url = harness.videos.videoWithMovie(original);
    long first = harness.throttledDownloadUnderWay(session, sink, url, 100_000);
    byte[] resumeData = cancelForResumeData(first);
    byte[] replacement = randomBytes(MOVIE / 2, 14);
    harness.videos.replaceMovie(url, replacement);

    long second = session.createTask(resumeDownload(url, resumeData));
    session.resume(second);

    assertThat(sink.awaitCompletion(second).error()).isNull();
    assertThat(sink.events(second, TaskEvent.DidResumeAtOffset.class))
        .singleElement()
        .satisfies(r -> assertThat(r.fileOffset()).isZero());
    assertThat(sha256(sink.downloaded(second))).isEqualTo(sha256(replacement));
  }

  @Test
  void resumeDataAfterAnEtagChangeNeverSplicesTwoVersions() throws Exception {
    byte[] movie = randomBytes(MOVIE, 15);
    URI url = harness.videos.videoWithMovie(movie);
    long first = harness.throttledDownloadUnderWay(session, sink, url, 100_000);
    byte[] resumeData = cancelForResumeData(first);
    harness.server.faults().changeMovieEtag(videoId(url));

    long second = session.createTask(resumeDownload(url, resumeData));
    session.resume(second);

    assertThat(sink.awaitCompletion(second).error()).isNull();
    assertThat(sink.events(second, TaskEvent.DidResumeAtOffset.class).get(0).fileOffset()).isZero();
    assertThat(sha256(sink.downloaded(second))).isEqualTo(sha256(movie));
    assertThat(harness.requestsTo(url).get(harness.requestsTo(url).size() - 1).status())
        .isEqualTo(200);
  }

  @Test
  void aServerWithoutRangesGivesNoResumeData() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(MOVIE, 16));
    harness.server.faults().disableRanges(true);
    long task = harness.throttledDownloadUnderWay(session, sink, url, 50_000);

    Optional<byte[]> resumeData =
        session.cancelByProducingResumeData(task).get(10, TimeUnit.SECONDS);

    assertThat(resumeData).isEmpty();
    assertThat(sink.awaitCompletion(task).error().resumeData()).isNull();
  }

  @Test
  void resumeDataCanBeUsedOnce() throws Exception {
    byte[] movie = randomBytes(MOVIE, 17);
    URI url = harness.videos.videoWithMovie(movie);
    long first = harness.throttledDownloadUnderWay(session, sink, url, 50_000);
    byte[] resumeData = cancelForResumeData(first);
    long second = session.createTask(resumeDownload(url, resumeData));
    session.resume(second);
    assertThat(sink.awaitCompletion(second).error()).isNull();

    long third = session.createTask(resumeDownload(url, resumeData));
    session.resume(third);

    assertThat(sink.awaitCompletion(third).error().code()).isEqualTo(-3001);
  }

  @Test
  void corruptResumeDataFailsTheTaskClearly() {
    long task =
        session.createTask(
            resumeDownload(
                harness.base.resolve("videos/x/movie"),
                "garbage".getBytes(StandardCharsets.UTF_8)));
    session.resume(task);

    TaskEvent.DidComplete done = sink.awaitCompletion(task);
    assertThat(done.error().code()).isEqualTo(-1015);
    assertThat(done.error().description()).contains("resume data");
    assertThat(harness.server.requests()).isEmpty();
  }

  private static String videoId(URI movieUrl) {
    String[] parts = movieUrl.getPath().split("/");
    return parts[parts.length - 2];
  }

  /** The task's state; a task the daemon already forgot has completed and was delivered. */
  private TaskState state(long task) {
    return session.task(task).map(TaskSnapshot::state).orElse(TaskState.COMPLETED);
  }

  private long received(long task) {
    return session.task(task).map(TaskSnapshot::countOfBytesReceived).orElse(0L);
  }

  /** A download of {@code url} from a throttled server, under way with {@code bytes} written. */
  private long throttledDownloadUnderWay(URI url, long bytes) {
    long task = harness.throttledDownloadUnderWay(session, sink, url, bytes);
    return task;
  }

  /** Cancels a download under way for its resume data, and lifts the throttle for what follows. */
  private byte[] cancelForResumeData(long task) throws Exception {
    byte[] resumeData =
        session.cancelByProducingResumeData(task).get(10, TimeUnit.SECONDS).orElseThrow();
    harness.server.faults().throttleBytesPerSecond(0);
    return resumeData;
  }
}
