package lab.videofarm.ui.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import lab.videofarm.os.AppState;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.ui.scene.AppRecord.Kind;
import org.junit.jupiter.api.Test;

/**
 * The fold reads what the daemon and the app state on the timeline, in the detail shapes the
 * timeline package documents, instead of working it out.
 */
class SceneFoldFactsTest {
  private static final String APP = "lab.videofarm.VideoFarm";
  private static final String BACKGROUND = "lab.videofarm.background";

  private final SceneFold fold = new SceneFold();
  private long sequence;

  @Test
  void aCreatedTaskCarriesItsDescriptionAndTheBytesItWillSend() {
    post(
        Layer.DAEMON,
        1,
        BACKGROUND,
        4,
        "task created",
        "UPLOAD PUT http://127.0.0.1:1/upload/v1; to send: 5000 bytes; description: upload v1");

    DaemonTask task = fold.snapshot().task(BACKGROUND, 4);
    assertThat(task.kind()).isEqualTo(TaskKind.UPLOAD);
    assertThat(task.request()).isEqualTo("PUT http://127.0.0.1:1/upload/v1");
    assertThat(task.description()).isEqualTo("upload v1");
    assertThat(task.expected()).isEqualTo(5000);
  }

  @Test
  void aResponseSaysHowManyBytesTheDownloadWillReceive() {
    post(
        Layer.DAEMON,
        1,
        BACKGROUND,
        1,
        "task created",
        "DOWNLOAD GET http://127.0.0.1:1/movie from resume data; to send: 0 bytes");
    post(Layer.DAEMON, 1, BACKGROUND, 1, "response", "HTTP 200; to receive: 90000 bytes");

    DaemonTask task = fold.snapshot().task(BACKGROUND, 1);
    assertThat(task.fromResumeData()).isTrue();
    assertThat(task.description()).isEmpty();
    assertThat(task.expected()).isEqualTo(90000);
    assertThat(task.step()).isEqualTo("HTTP 200");
  }

  @Test
  void theRelaunchDelayIsTheOneTheDaemonAnnounced() {
    post(Layer.DEVICE, 0, "", TimelineEvent.NO_TASK, "install", APP);
    post(Layer.DEVICE, 2, "", TimelineEvent.NO_TASK, "app state", APP + " SUSPENDED -> BACKGROUND");
    post(
        Layer.DAEMON,
        2,
        BACKGROUND,
        1,
        "relaunch requested",
        "launch " + APP + " in the background; relaunch 3, delay 240 s");

    AppStatus app = fold.snapshot().apps().get(APP);
    assertThat(app.state()).isEqualTo(AppState.BACKGROUND);
    assertThat(app.relaunches()).isEqualTo(3);
    assertThat(app.relaunchDelay()).isEqualTo(Duration.ofSeconds(240));
  }

  @Test
  void theQueueAnAttachListsIsNamedEventByEvent() {
    post(
        Layer.DAEMON,
        2,
        BACKGROUND,
        TimelineEvent.NO_TASK,
        "session attached",
        APP + ": 2 queued events [DidFinishDownloading#3, DidComplete#3], 1 tasks");

    assertThat(fold.snapshot().session(BACKGROUND).queue())
        .extracting(QueuedEvent::name, QueuedEvent::taskId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("DidFinishDownloading", 3L),
            org.assertj.core.groups.Tuple.tuple("DidComplete", 3L));
  }

  @Test
  void aTaskTheDaemonReleasedIsGoneFromItsSession() {
    post(Layer.DAEMON, 1, BACKGROUND, 1, "task created", "DATA GET http://h/v; to send: 0 bytes");
    post(Layer.DAEMON, 1, BACKGROUND, 1, "task finished", "HTTP 200");
    post(Layer.DAEMON, 1, BACKGROUND, 1, "task released", "the app heard its completion");

    assertThat(fold.snapshot().task(BACKGROUND, 1)).isNull();
  }

  @Test
  void aCancelReasonIsSpelledOutFromItsName() {
    post(
        Layer.DAEMON,
        1,
        BACKGROUND,
        1,
        "task created",
        "DOWNLOAD GET http://h/m; to send: 0 bytes");
    post(
        Layer.DAEMON,
        1,
        BACKGROUND,
        1,
        "task failed",
        "-999 cancelled (with resume data) reason UserForceQuitApplication");

    assertThat(fold.snapshot().task(BACKGROUND, 1).outcome())
        .isEqualTo("failed -999 cancelled (with resume data): the user force-quit the app");
  }

  @Test
  void aDefaultSessionsRowsAndTheDaemonsShareOneLabel() {
    post(Layer.DEVICE, 1, "", TimelineEvent.NO_TASK, "launch", APP + " (USER)");
    post(
        Layer.DAEMON,
        1,
        "default#4",
        TimelineEvent.NO_TASK,
        "session attached",
        APP + ": 0 queued events [], 0 tasks");
    post(Layer.SESSION, 1, "default#4", TimelineEvent.NO_TASK, "session created", "default");

    AppSession session = fold.snapshot().launch(1).session("default#4");
    assertThat(session.isDefault()).isTrue();
    assertThat(session.daemonId()).isEqualTo("default#4");
  }

  @Test
  void aRestoredArchiveNamesTheRecordsTheLastLaunchCreated() {
    post(Layer.DEVICE, 1, "", TimelineEvent.NO_TASK, "launch", APP + " (USER)");
    post(Layer.APP, 1, BACKGROUND, 7, "record created", "download v42");
    post(Layer.DEVICE, 2, "", TimelineEvent.NO_TASK, "launch", APP + " (USER)");
    post(
        Layer.ARCHIVE,
        2,
        "",
        TimelineEvent.NO_TASK,
        "restored " + Kind.DOWNLOAD.archive(),
        "1 entry, saved by launch 1 at 2026-01-01T00:00:00Z, format 1; ids: 7");

    assertThat(fold.snapshot().launch(2).records())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.videoId()).isEqualTo("v42");
              assertThat(r.taskId()).isEqualTo(7);
              assertThat(r.restored()).isTrue();
            });
  }

  private void post(
      Layer layer, int launch, String sessionId, long taskId, String what, String detail) {
    fold.apply(
        new TimelineEvent(
            ++sequence,
            Instant.EPOCH,
            layer,
            launch,
            sessionId,
            taskId,
            what,
            detail,
            Severity.INFO));
  }
}
