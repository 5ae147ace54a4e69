package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.SessionSpecs;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.UploadBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an attempt starts, decided from what the daemon knows of the task and its files. */
class AttemptStartTest {
  private static final URI URL = URI.create("http://127.0.0.1:9/videos/7/movie");
  private static final URI RESOURCE = URI.create("http://127.0.0.1:9/uploads/1");
  private static final SessionSpec SESSION =
      SessionSpecs.background(List.of(new HttpHeader("X-App", "1")));

  @TempDir Path root;
  DownloadsFolder folder;

  @BeforeEach
  void createFolder() {
    ManualClock clock = new ManualClock();
    folder =
        new DownloadsFolder(root, clock, new DaemonLog(new Timeline(clock)), Duration.ofDays(3));
  }

  @Test
  void aFirstDownloadStartsFromZeroIntoANewFileInTheDownloadsFolder() throws Exception {
    TaskRecord task = task(TaskKind.DOWNLOAD, "GET", null);

    TransferCall.Start start = AttemptStart.of(task, folder);

    assertThat(start.offset()).isZero();
    assertThat(task.tempFile.getParent()).isEqualTo(folder.path());
    assertThat(task.announceResume).isFalse();
    assertThat(start.sessionHeaders()).containsExactly(new HttpHeader("X-App", "1"));
  }

  @Test
  void aDownloadContinuesItsPartialFileOnlyUpToTheBytesKnownDurable() throws Exception {
    TaskRecord task = partialDownload("GET", "\"v1\"", true);

    TransferCall.Start start = AttemptStart.of(task, folder);

    assertThat(start.offset()).isEqualTo(600);
    assertThat(start.validator()).isEqualTo("\"v1\"");
    assertThat(task.announceResume).isTrue();
  }

  @Test
  void aDownloadWhoseBytesTheServerCannotValidateStartsOverAndStillAnnouncesAResume()
      throws Exception {
    TaskRecord task = partialDownload("GET", null, true);

    TransferCall.Start start = AttemptStart.of(task, folder);

    assertThat(start.offset()).isZero();
    assertThat(start.validator()).isNull();
    assertThat(task.announceResume).isTrue();
  }

  @Test
  void aDownloadFromAServerWithoutByteRangesStartsOver() throws Exception {
    TaskRecord task = partialDownload("GET", "\"v1\"", false);

    assertThat(AttemptStart.of(task, folder).offset()).isZero();
  }

  @Test
  void aDownloadByPostStartsOverBecauseOnlyAGetCanBeContinued() throws Exception {
    TaskRecord task = partialDownload("POST", "\"v1\"", true);

    assertThat(AttemptStart.of(task, folder).offset()).isZero();
  }

  @Test
  void anUploadWhoseFileIsGoneCannotStart() {
    TaskRecord task = upload(root.resolve("gone.mp4"));

    assertCannotStart(task, ErrorCodes.FILE_DOES_NOT_EXIST);
  }

  @Test
  void anUploadFromAFileAnnouncesResumableUploadsAndRecordsTheFileAsItIs() throws Exception {
    Path file = movie();
    TaskRecord task = upload(file);

    TransferCall.Start start = AttemptStart.of(task, folder);

    assertThat(start.resumableUpload()).isTrue();
    assertThat(start.uploadResource()).isNull();
    assertThat(start.uploadDraft()).isSameAs(ResumableUploadDraft.CURRENT);
    assertThat(task.uploadFileSize).isEqualTo(1000);
    assertThat(task.expectedToSend).isEqualTo(1000);
  }

  @Test
  void anUploadContinuesAtTheResourceTheServerOffered() throws Exception {
    TaskRecord task = uploadTheServerHoldsPartOf(movie());

    TransferCall.Start start = AttemptStart.of(task, folder);

    assertThat(start.uploadResource()).isEqualTo(RESOURCE);
    assertThat(start.uploadDraft().interopVersion()).isEqualTo(3);
  }

  @Test
  void anUploadWhoseFileChangedSinceTheServerTookPartOfItCannotBeResumed() throws Exception {
    Path file = movie();
    TaskRecord task = uploadTheServerHoldsPartOf(file);
    Files.write(file, new byte[2000]);

    assertCannotStart(task, ErrorCodes.CANNOT_OPEN_FILE);
  }

  @Test
  void anUploadWhoseFileChangedBeforeTheServerTookAnyOfItStartsAfresh() throws Exception {
    Path file = movie();
    TaskRecord task = upload(file);
    AttemptStart.of(task, folder);
    Files.write(file, new byte[2000]);

    TransferCall.Start start = AttemptStart.of(task, folder);

    assertThat(start.uploadResource()).isNull();
    assertThat(task.uploadFileSize).isEqualTo(2000);
  }

  private void assertCannotStart(TaskRecord task, int code) {
    assertThatThrownBy(() -> AttemptStart.of(task, folder))
        .isInstanceOfSatisfying(
            TransferFailure.class, failure -> assertThat(failure.code).isEqualTo(code));
  }

  /** A 1000-byte movie to upload. */
  private Path movie() throws Exception {
    return Files.write(root.resolve("movie.mp4"), new byte[1000]);
  }

  /** An upload of {@code file} that began, and whose first 104 offered {@link #RESOURCE}. */
  private TaskRecord uploadTheServerHoldsPartOf(Path file) throws Exception {
    TaskRecord task = upload(file);
    AttemptStart.of(task, folder);
    task.uploadResource = RESOURCE;
    task.uploadInteropVersion = 3;
    return task;
  }

  /** A download with 1000 bytes in its file, of which 600 are known durable. */
  private TaskRecord partialDownload(String method, String validator, boolean acceptsRanges)
      throws Exception {
    TaskRecord task = task(TaskKind.DOWNLOAD, method, null);
    task.tempFile = Files.write(folder.newTempFile(), new byte[1000]);
    task.bytesDurable = 600;
    task.validator = validator;
    task.acceptsRanges = acceptsRanges;
    return task;
  }

  private static TaskRecord upload(Path file) {
    return task(TaskKind.UPLOAD, "PUT", new UploadBody.FromFile(file));
  }

  private static TaskRecord task(TaskKind kind, String method, UploadBody body) {
    SessionChannel channel =
        new SessionChannel(
            SessionKey.background(SESSION.bundleId(), SESSION.identifier()), SESSION);
    TaskSpec spec =
        new TaskSpec(kind, new RequestInfo(method, URL, List.of()), body, null, null, null);
    return new TaskRecord(channel, 1, spec, 1);
  }
}
