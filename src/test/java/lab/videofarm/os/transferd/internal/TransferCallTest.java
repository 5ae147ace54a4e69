package lab.videofarm.os.transferd.internal;

import static lab.videofarm.testing.TestBytes.randomBytes;
import static lab.videofarm.testing.TestBytes.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.server.SampleServer;
import lab.videofarm.testing.SampleVideos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@link TransferCall} against the real sample server, with a fake in place of the daemon: the
 * calls it makes on its listener, in order, are the transfer's steps.
 */
class TransferCallTest {
  @TempDir Path root;
  SampleServer server;
  SampleVideos videos;
  HttpTransport transport;
  final ManualClock clock = new ManualClock();
  final NetworkConditioner network = new NetworkConditioner(new Timeline(clock));

  @BeforeEach
  void start() throws Exception {
    server = SampleServer.builder().dataDirectory(root.resolve("server")).seed(false).build();
    videos = new SampleVideos(server.start());
    transport = new HttpTransport();
  }

  @AfterEach
  void stop() throws Exception {
    transport.close();
    videos.close();
    server.close();
  }

  @Test
  void aDownloadWritesTheBodyToTheFileTheListenerNamesAndThenFinishes() throws Exception {
    byte[] movie = randomBytes(100_000, 71);
    URI url = videos.videoWithMovie(movie);
    FakeListener listener = new FakeListener(download(url, 0, null), root.resolve("movie.tmp"));

    call(listener).execute();

    assertThat(listener.steps())
        .containsSubsequence(
            "begin", "requestSent", "downloadResponse 200 from 0", "finishDownload");
    assertThat(listener.written).isEqualTo(movie.length);
    assertThat(sha256(root.resolve("movie.tmp"))).isEqualTo(sha256(movie));
  }

  @Test
  void aDownloadWhoseBytesAreAllOnDiskFinishesOnTheServers416() throws Exception {
    byte[] movie = randomBytes(50_000, 72);
    URI url = videos.videoWithMovie(movie);
    Path partial = root.resolve("movie.tmp");
    Files.write(partial, movie);
    FakeListener listener =
        new FakeListener(download(url, movie.length, videos.etag(url)), partial);

    call(listener).execute();

    assertThat(listener.steps())
        .containsExactly(
            "begin",
            "requestSent",
            "downloadAlreadyComplete 416 at " + movie.length,
            "finishDownload");
    assertThat(sha256(partial)).isEqualTo(sha256(movie));
  }

  @Test
  void a416ForALengthOtherThanTheBytesOnDiskStillFailsAndDiscardsThePartialFile() throws Exception {
    byte[] movie = randomBytes(50_000, 73);
    URI url = videos.videoWithMovie(movie);
    Path partial = root.resolve("movie.tmp");
    Files.write(partial, Arrays.copyOf(movie, movie.length + 10));
    FakeListener listener =
        new FakeListener(download(url, movie.length + 10, videos.etag(url)), partial);

    assertThatThrownBy(() -> call(listener).execute())
        .isInstanceOfSatisfying(
            TransferFailure.class,
            failure -> assertThat(failure.code).isEqualTo(ErrorCodes.BAD_SERVER_RESPONSE));
    assertThat(listener.steps()).containsExactly("begin", "requestSent", "discardPartialFile");
  }

  @Test
  void aDownloadIsDurableToItsLastByteBeforeItFinishes() throws Exception {
    byte[] movie = randomBytes(300_000, 74);
    URI url = videos.videoWithMovie(movie);
    FakeListener listener = new FakeListener(download(url, 0, null), root.resolve("movie.tmp"));

    call(listener).execute();

    assertThat(listener.steps())
        .containsSubsequence("bytesDurable " + movie.length, "finishDownload");
  }

  @Test
  void aStoppedDownloadReportsTheLengthOnDiskAsDurableBeforeItEnds() throws Exception {
    byte[] movie = randomBytes(2_000_000, 75);
    URI url = videos.videoWithMovie(movie);
    Path file = root.resolve("movie.tmp");
    FakeListener listener = new FakeListener(download(url, 0, null), file);
    listener.stopAfter = 500_000;

    assertThatThrownBy(() -> call(listener).execute()).isInstanceOf(InterruptedIOException.class);

    assertThat(listener.written).isBetween(500_000L, (long) movie.length - 1);
    assertThat(listener.durable).last().isEqualTo(listener.written).isEqualTo(Files.size(file));
    assertThat(sha256(file)).isEqualTo(sha256(Arrays.copyOf(movie, (int) listener.written)));
  }

  private TransferCall call(FakeListener listener) {
    Attempt attempt = new Attempt(Instant.now());
    return new TransferCall(listener, attempt, transport, new Link(network, attempt));
  }

  private static TransferCall.Start download(URI url, long offset, String validator) {
    return new TransferCall.Start(
        TaskKind.DOWNLOAD,
        new RequestInfo("GET", url, List.of()),
        null,
        List.of(),
        offset,
        validator,
        null,
        null,
        null);
  }

  /** Records what the call tells it; answers as a daemon with nothing else going on would. */
  static final class FakeListener implements TransferListener {
    final List<String> steps = new CopyOnWriteArrayList<>();
    final TransferCall.Start start;
    final Path file;
    final List<Long> durable = new CopyOnWriteArrayList<>();
    long written;
    long stopAfter = Long.MAX_VALUE;

    FakeListener(TransferCall.Start start, Path file) {
      this.start = start;
      this.file = file;
    }

    List<String> steps() {
      return List.copyOf(steps);
    }

    @Override
    public TransferCall.Start begin() {
      steps.add("begin");
      return start;
    }

    @Override
    public void requestSent(RequestInfo sent) {
      steps.add("requestSent");
    }

    @Override
    public CompletableFuture<InputStream> requestBodyStream() {
      steps.add("requestBodyStream");
      return CompletableFuture.completedFuture(InputStream.nullInputStream());
    }

    @Override
    public void bodyRestarted(long offset) {
      steps.add("bodyRestarted " + offset);
    }

    @Override
    public void bodyBytesSent(int count) {}

    @Override
    public void bodySent() {
      steps.add("bodySent");
    }

    @Override
    public void uploadResumptionOffered(URI resource, int interopVersion) {
      steps.add("uploadResumptionOffered");
    }

    @Override
    public void uploadResourceGone(String why) {
      steps.add("uploadResourceGone");
    }

    @Override
    public void uploadResumed(long offset, long size) {
      steps.add("uploadResumed " + offset);
    }

    @Override
    public Path downloadResponse(
        ResponseInfo response,
        long offset,
        long expectedTotal,
        String validator,
        boolean acceptsRanges) {
      steps.add("downloadResponse " + response.statusCode() + " from " + offset);
      return file;
    }

    @Override
    public void downloadAlreadyComplete(ResponseInfo response, long length) {
      steps.add("downloadAlreadyComplete " + response.statusCode() + " at " + length);
    }

    @Override
    public void bytesWritten(int count) {
      written += count;
    }

    @Override
    public void bytesDurable(long length) {
      durable.add(length);
      steps.add("bytesDurable " + length);
    }

    @Override
    public void finishDownload() {
      steps.add("finishDownload");
    }

    @Override
    public void discardPartialFile() {
      steps.add("discardPartialFile");
    }

    @Override
    public void responseReceived(ResponseInfo response) {
      steps.add("responseReceived " + response.statusCode());
    }

    @Override
    public void dataReceived(byte[] chunk) {}

    @Override
    public void finishData() {
      steps.add("finishData");
    }

    @Override
    public void awaitRunnable() throws IOException {
      if (written >= stopAfter) {
        throw new InterruptedIOException("attempt stopped: CANCEL_WITH_RESUME_DATA");
      }
    }
  }
}
