package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.defaultSession;
import static lab.videofarm.os.transferd.DaemonHarness.uploadFile;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lab.videofarm.server.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resumable uploads (rules 35-37), "Resumable Uploads for HTTP" interop version 3, between the real
 * daemon and the real sample server. "No byte twice" is read from the server's own record of the
 * body bytes each request delivered.
 */
class TransferDaemonResumableUploadTest {
  private static final int SIZE = 600_000;
  private static final RequestInfo PLACEHOLDER =
      new RequestInfo("GET", URI.create("about:resume-data"), List.of());

  @TempDir Path root;
  DaemonHarness harness;
  RecordingSink sink;
  URI url;
  byte[] movie;
  Path file;

  @BeforeEach
  void start() throws Exception {
    harness = DaemonHarness.start(root);
    sink = harness.sink("app");
    url = harness.videos.movieUrl(harness.videos.createVideo("resumable"));
    movie = randomBytes(SIZE, 90);
    file = Files.write(root.resolve("movie.mp4"), movie);
  }

  @AfterEach
  void stop(TestInfo info) throws Exception {
    try {
      // Kept for reading when a scenario fails: the daemon's timeline and the server's record.
      Path story = Path.of("target", "timelines", info.getDisplayName() + ".txt");
      Files.createDirectories(story.getParent());
      List<String> lines = new ArrayList<>();
      harness.timeline.events().forEach(e -> lines.add(e.toString()));
      harness.server.requests().forEach(r -> lines.add(r.toString()));
      Files.write(story, lines);
    } finally {
      harness.close();
    }
  }

  @Test
  void anUploadFromAFileAnnouncesInteropVersion3AndLearnsItsUploadResource() throws Exception {
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);
    long task = session.createTask(uploadFile(url, file));
    session.resume(task);

    TaskEvent.DidComplete done = sink.awaitCompletion(task);

    assertThat(done.error()).isNull();
    assertThat(done.response().statusCode()).isEqualTo(201);
    RecordedRequest put = harness.requestsTo(url).get(0);
    assertThat(put.headers().get("upload-draft-interop-version")).containsExactly("3");
    assertThat(put.headers().get("upload-incomplete")).containsExactly("?0");
    assertThat(harness.details("upload resumption supported"))
        .singleElement()
        .asString()
        .contains("interop version 3", "/uploads/");
    assertThat(sha256(harness.videos.fetch(url))).isEqualTo(sha256(movie));
  }

  @Test
  void cancelByProducingResumeDataThenResumingSendsNoByteTwice() throws Exception {
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long first = throttledUploadUnderWay(session, 100_000);

    byte[] resumeData =
        session.cancelByProducingResumeData(first).get(10, TimeUnit.SECONDS).orElseThrow();
    assertThat(sink.awaitCompletion(first).error().code()).isEqualTo(-999);
    harness.server.faults().reset();
    long resumed = session.createTask(fromResumeData(resumeData));
    session.resume(resumed);

    TaskEvent.DidComplete done = sink.awaitCompletion(resumed);
    assertThat(done.error()).isNull();
    assertThat(done.response().statusCode()).isEqualTo(201);
    assertThat(sha256(harness.videos.fetch(url))).isEqualTo(sha256(movie));
    assertNoByteSentTwice();
    List<TaskEvent.DidSendBodyData> progress =
        sink.events(resumed, TaskEvent.DidSendBodyData.class);
    assertThat(progress.get(0).totalBytesSent()).isGreaterThan(progress.get(0).bytesSent());
    assertThat(progress.get(progress.size() - 1).totalBytesSent()).isEqualTo(SIZE);
    assertThat(done.response().url()).isEqualTo(url);
  }

  @Test
  void aServerWithoutResumableUploadsGivesNoResumeData() throws Exception {
    harness.server.faults().resumableUploads(false).throttleBytesPerSecond(400_000);
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(uploadFile(url, file));
    session.resume(task);
    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(() -> !sink.events(task, TaskEvent.DidSendBodyData.class).isEmpty());

    Optional<byte[]> resumeData =
        session.cancelByProducingResumeData(task).get(10, TimeUnit.SECONDS);

    assertThat(resumeData).isEmpty();
    assertThat(sink.awaitCompletion(task).error().resumeData()).isNull();
    assertThat(harness.details("upload resumption supported")).isEmpty();
  }

  @Test
  void aFileThatChangedSinceTheUploadBeganIsNotResumed() throws Exception {
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long first = throttledUploadUnderWay(session, 50_000);
    byte[] resumeData =
        session.cancelByProducingResumeData(first).get(10, TimeUnit.SECONDS).orElseThrow();
    sink.awaitCompletion(first);
    Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);

    long resumed = session.createTask(fromResumeData(resumeData));
    session.resume(resumed);

    TaskEvent.DidComplete done = sink.awaitCompletion(resumed);
    assertThat(done.error().code()).isEqualTo(-3001);
    assertThat(done.error().description()).contains("changed");
    assertThat(harness.server.requests()).noneMatch(r -> r.method().equals("PATCH"));
  }

  @Test
  void aDroppedBackgroundUploadContinuesFromTheOffsetInsteadOfStartingOver() throws Exception {
    harness.server.faults().dropConnectionAfterBodyBytes(400_000);
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(uploadFile(url, file));
    session.resume(task);

    TaskEvent.DidComplete done = sink.awaitCompletion(task);

    assertThat(done.error()).isNull();
    harness.server.faults().reset();
    assertThat(sha256(harness.videos.fetch(url))).isEqualTo(sha256(movie));
    assertThat(harness.server.requests())
        .extracting(RecordedRequest::method)
        .containsSubsequence("PUT", "HEAD", "PATCH");
    assertNoByteSentTwice();
    assertThat(harness.whats())
        .containsSubsequence("connection lost", "upload resumed", "task finished");
  }

  @Test
  void aFailedDefaultSessionUploadCarriesUploadResumeDataInItsError() throws Exception {
    harness.server.faults().dropConnectionAfterBodyBytes(400_000);
    DaemonConnection session = harness.daemon.connect(defaultSession(1, false), sink);
    long first = session.createTask(uploadFile(url, file));
    session.resume(first);

    TransferError error = sink.awaitCompletion(first).error();
    assertThat(error.code()).isEqualTo(-1005);
    assertThat(error.resumeData()).isNotNull();
    harness.server.faults().reset();
    long resumed = session.createTask(fromResumeData(error.resumeData()));
    session.resume(resumed);

    assertThat(sink.awaitCompletion(resumed).error()).isNull();
    assertThat(sha256(harness.videos.fetch(url))).isEqualTo(sha256(movie));
    assertNoByteSentTwice();
  }

  @Test
  void aBackgroundUploadContinuesFromTheOffsetAfterADaemonRestart() throws Exception {
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = throttledUploadUnderWay(session, 100_000);

    harness.restartDaemon();
    harness.server.faults().reset();
    RecordingSink next = harness.sink("next");
    harness.daemon.connect(background(2), next);

    assertThat(next.awaitCompletion(task).error()).isNull();
    assertThat(sha256(harness.videos.fetch(url))).isEqualTo(sha256(movie));
    assertThat(harness.server.requests())
        .extracting(RecordedRequest::method)
        .containsSubsequence("PUT", "HEAD", "PATCH");
    assertNoByteSentTwice();
  }

  @Test
  void plainCancelGivesTheUploadResourceUp() throws Exception {
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = throttledUploadUnderWay(session, 50_000);

    session.cancel(task);

    assertThat(sink.awaitCompletion(task).error().resumeData()).isNull();
    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(() -> harness.server.requests().stream().anyMatch(r -> r.method().equals("DELETE")));
    await().atMost(RecordingSink.TIMEOUT).until(() -> partialFiles().isEmpty());
  }

  private TaskSpec fromResumeData(byte[] resumeData) {
    return new TaskSpec(TaskKind.UPLOAD, PLACEHOLDER, null, resumeData, null, null);
  }

  /** The bodies the server took from the PUT and every PATCH add up to the file, exactly. */
  private void assertNoByteSentTwice() {
    long received =
        harness.server.requests().stream()
            .filter(r -> r.method().equals("PUT") || r.method().equals("PATCH"))
            .filter(r -> r.path().equals(url.getRawPath()) || r.path().startsWith("/uploads/"))
            .mapToLong(RecordedRequest::bodyBytesReceived)
            .sum();
    assertThat(received).isEqualTo(SIZE);
    assertThat(harness.server.requests())
        .filteredOn(r -> r.method().equals("PATCH"))
        .allMatch(r -> r.bodyBytesReceived() < SIZE);
  }

  /**
   * Starts uploading the file with the server throttled, and returns once the server's upload
   * resource holds {@code bytes} of it; the throttle stays on.
   */
  private long throttledUploadUnderWay(DaemonConnection session, long bytes) {
    harness.server.faults().throttleBytesPerSecond(400_000);
    long task = session.createTask(uploadFile(url, file));
    session.resume(task);
    awaitServerHolds(bytes);
    return task;
  }

  /** Waits until the server's upload resource holds at least {@code bytes}. */
  private void awaitServerHolds(long bytes) {
    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(
            () ->
                partialFiles().stream()
                    .anyMatch(
                        partial -> {
                          try {
                            return Files.size(partial) >= bytes;
                          } catch (IOException e) {
                            return false;
                          }
                        }));
  }

  private List<Path> partialFiles() {
    Path uploads = root.resolve("server").resolve("uploads");
    if (!Files.isDirectory(uploads)) {
      return List.of();
    }
    try (Stream<Path> resources = Files.list(uploads)) {
      return resources.map(r -> r.resolve("partial")).filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
