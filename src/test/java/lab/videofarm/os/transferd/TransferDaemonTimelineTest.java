package lab.videofarm.os.transferd;

import static lab.videofarm.os.transferd.DaemonHarness.BUNDLE;
import static lab.videofarm.os.transferd.DaemonHarness.background;
import static lab.videofarm.os.transferd.DaemonHarness.download;
import static lab.videofarm.testing.TestBytes.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the daemon states on the timeline, in the shapes {@code lab.videofarm.os.timeline}
 * documents: the facts the instructor's views are folded from.
 */
class TransferDaemonTimelineTest {
  @TempDir Path root;
  DaemonHarness harness;
  final List<String> relaunches = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    harness = DaemonHarness.start(root);
    harness.daemon.setRelauncher((bundle, identifier) -> relaunches.add(bundle + "/" + identifier));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aCreatedTaskNamesTheBytesToSendAndTheAppsDescription() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 60));
    DaemonConnection session = harness.daemon.connect(background(1), harness.sink("app"));

    long task =
        session.createTask(
            new TaskSpec(
                TaskKind.DOWNLOAD,
                new RequestInfo("GET", url, List.of()),
                null,
                null,
                "movie v1",
                null));

    assertThat(daemonDetail(task, "task created"))
        .isEqualTo("DOWNLOAD GET " + url + "; to send: 0 bytes; description: movie v1");
  }

  @Test
  void aResponseNamesTheBytesToReceive() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(12_345, 61));
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(download(url));
    session.resume(task);
    sink.awaitCompletion(task);

    assertThat(daemonDetail(task, "response"))
        .startsWith("HTTP 200")
        .endsWith("; to receive: 12345 bytes");
  }

  @Test
  void aTaskIsReleasedOnceTheAppHeardItsCompletion() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 62));
    RecordingSink sink = harness.sink("app");
    DaemonConnection session = harness.daemon.connect(background(1), sink);
    long task = session.createTask(download(url));
    session.resume(task);
    sink.awaitCompletion(task);

    await().atMost(RecordingSink.TIMEOUT).until(() -> session.allTasks().isEmpty());
    assertThat(daemonDetail(task, "task released")).isEqualTo("the app heard its completion");
  }

  @Test
  void aRelaunchSaysWhichRelaunchItIsAndTheDelayItBrings() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 63));
    DaemonConnection session = harness.daemon.connect(background(1), harness.sink("launch1"));
    long task = session.createTask(download(url));
    session.close(); // the device killed the app
    harness.daemon.appStateChanged(BUNDLE, lab.videofarm.os.AppState.NOT_RUNNING);
    DaemonConnection later = harness.daemon.connect(background(2), harness.sink("launch2"));
    later.resume(task);
    later.close();

    await().atMost(RecordingSink.TIMEOUT).until(() -> !relaunches.isEmpty());
    assertThat(daemonDetail(task, "relaunch requested"))
        .isEqualTo("launch " + BUNDLE + " in the background; relaunch 1, delay 60 s");
  }

  @Test
  void anAttachListsTheQueueItFindsByNameAndTask() throws Exception {
    URI url = harness.videos.videoWithMovie(randomBytes(1000, 64));
    DaemonConnection session = harness.daemon.connect(background(1), harness.sink("launch1"));
    long task = session.createTask(download(url));
    session.resume(task);
    session.close();
    await().atMost(RecordingSink.TIMEOUT).until(() -> !relaunches.isEmpty());

    harness.daemon.connect(background(2), harness.sink("launch2"));

    List<String> attached = harness.details("session attached");
    assertThat(attached.get(attached.size() - 1))
        .isEqualTo(
            BUNDLE
                + ": 2 queued events [DidFinishDownloading#"
                + task
                + ", DidComplete#"
                + task
                + "], 1 tasks");
    assertThat(harness.details("session detached")).first().asString().startsWith(BUNDLE + ": ");
  }

  private String daemonDetail(long task, String what) {
    await()
        .atMost(RecordingSink.TIMEOUT)
        .until(() -> harness.timeline.events().stream().anyMatch(e -> matches(e, task, what)));
    return harness.timeline.events().stream()
        .filter(e -> matches(e, task, what))
        .map(TimelineEvent::detail)
        .findFirst()
        .orElseThrow();
  }

  private static boolean matches(TimelineEvent e, long task, String what) {
    return e.layer() == Layer.DAEMON && e.taskId() == task && e.what().equals(what);
  }
}
