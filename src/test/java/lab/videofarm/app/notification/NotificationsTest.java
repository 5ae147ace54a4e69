package lab.videofarm.app.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.common.eventbus.Subscribe;
import com.google.common.util.concurrent.MoreExecutors;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lab.videofarm.app.RecordingApplication;
import lab.videofarm.app.model.DownloadState;
import lab.videofarm.app.model.MovieStatus;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.app.model.VFMVideo;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.os.clock.SystemClock;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationsTest {
  private static final String SESSION = "lab.videofarm.background";

  @TempDir Path container;

  private RecordingApplication application;
  private Notifications notifications;

  private static final VFMRemoteVideo SHEEP =
      new VFMRemoteVideo(
          "v1",
          new VFMVideo("Sheep", "", URI.create("http://127.0.0.1:1/videos/v1/thumbnail")),
          URI.create("http://127.0.0.1:1/videos/v1/movie"),
          MovieStatus.READY,
          1000,
          null);

  /** Delivers on the posting thread, so coalescing can be checked without waiting. */
  private NotificationRecorder directlyDelivered() {
    application = new RecordingApplication(container);
    notifications =
        new Notifications(application, application.clock(), MoreExecutors.directExecutor());
    NotificationRecorder recorder = new NotificationRecorder();
    notifications.register(recorder);
    return recorder;
  }

  private static VideoDownloadProgressed progress(long taskId, long bytes) {
    return new VideoDownloadProgressed(
        SESSION, taskId, VFMVideoDownload.starting(SHEEP, taskId, 99).withProgress(bytes, 1000));
  }

  private static VideoDownloadFinished finished(long taskId) {
    return new VideoDownloadFinished(
        SESSION,
        taskId,
        VFMVideoDownload.starting(SHEEP, taskId, 99).withState(DownloadState.FINISHED));
  }

  private void advanceMillis(long millis) {
    application.clock().advance(Duration.ofMillis(millis));
  }

  @AfterEach
  void closeLaunch() {
    if (notifications != null) {
      notifications.close();
    }
    if (application != null) {
      application.close();
    }
  }

  @Test
  void everyPostIsReportedOnTheTimelineWithItsSessionAndTask() {
    directlyDelivered();

    notifications.post(finished(7));

    assertThat(application.events(Layer.NOTIFICATION))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.what()).isEqualTo("VideoDownloadFinished");
              assertThat(event.sessionId()).isEqualTo(SESSION);
              assertThat(event.taskId()).isEqualTo(7);
              assertThat(event.launch()).isEqualTo(1);
              assertThat(event.severity()).isEqualTo(Severity.INFO);
            });
  }

  @Test
  void subscribersRunOnTheEventDispatchThreadByDefault() {
    application = new RecordingApplication(container);
    notifications = new Notifications(application, application.clock());
    NotificationRecorder recorder = new NotificationRecorder();
    notifications.register(recorder);

    notifications.post(new BackgroundEventsFinished(SESSION));

    await().atMost(Duration.ofSeconds(5)).until(() -> recorder.received().size() == 1);
    assertThat(recorder.onEventDispatchThread()).containsExactly(true);
  }

  @Test
  void anUnheardNotificationIsReportedAsInformationNotAsAWarning() {
    application = new RecordingApplication(container);
    notifications =
        new Notifications(application, application.clock(), MoreExecutors.directExecutor());

    notifications.post(new BackgroundEventsFinished(SESSION));

    assertThat(application.warnings(Layer.NOTIFICATION)).isEmpty();
    assertThat(application.events(Layer.NOTIFICATION))
        .filteredOn(event -> event.what().startsWith("unheard"))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.what()).isEqualTo("unheard BackgroundEventsFinished");
              assertThat(event.sessionId()).isEqualTo(SESSION);
              assertThat(event.severity()).isEqualTo(Severity.INFO);
            });
  }

  @Test
  void aSubscriberThatThrowsIsReportedAndOthersStillHear() {
    NotificationRecorder recorder = directlyDelivered();
    notifications.register(new FailingSubscriber());

    notifications.post(finished(3));

    assertThat(recorder.received()).containsExactly(finished(3));
    assertThat(application.warnings(Layer.NOTIFICATION))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.what()).isEqualTo("subscriber failed on VideoDownloadFinished");
              assertThat(event.detail()).contains("FailingSubscriber.explode", "broken view");
              assertThat(event.taskId()).isEqualTo(3);
            });
  }

  @Test
  void progressPassesAtMostOncePerIntervalPerTask() {
    NotificationRecorder recorder = directlyDelivered();

    notifications.post(progress(1, 100));
    advanceMillis(30);
    notifications.post(progress(1, 200));
    advanceMillis(30);
    notifications.post(progress(1, 300));

    assertThat(recorder.received()).containsExactly(progress(1, 100));
  }

  @Test
  void theLatestProgressArrivesWhenTheIntervalEnds() {
    NotificationRecorder recorder = directlyDelivered();
    notifications.post(progress(1, 100));
    advanceMillis(30);
    notifications.post(progress(1, 200));
    notifications.post(progress(1, 300));

    advanceMillis(70);

    assertThat(recorder.received()).containsExactly(progress(1, 100), progress(1, 300));
    assertThat(application.clock().pendingCount()).isZero();
  }

  @Test
  void progressAfterAQuietIntervalPassesAtOnce() {
    NotificationRecorder recorder = directlyDelivered();
    notifications.post(progress(1, 100));
    advanceMillis(500);

    notifications.post(progress(1, 200));

    assertThat(recorder.received()).containsExactly(progress(1, 100), progress(1, 200));
  }

  @Test
  void aFinishedNotificationDeliversWaitingProgressFirstAndIsNeverHeldBack() {
    NotificationRecorder recorder = directlyDelivered();
    notifications.post(progress(1, 100));
    notifications.post(progress(1, 900));

    notifications.post(finished(1));
    notifications.post(finished(1));

    assertThat(recorder.received())
        .containsExactly(progress(1, 100), progress(1, 900), finished(1), finished(1));
    advanceMillis(1000);
    assertThat(recorder.received()).hasSize(4);
  }

  @Test
  void onRealTimeAFlurryOfProgressEndsWithTheLatestThenFinished() {
    application = new RecordingApplication(container);
    try (SystemClock realTime = new SystemClock()) {
      notifications = new Notifications(application, realTime, MoreExecutors.directExecutor());
      NotificationRecorder recorder = new NotificationRecorder();
      notifications.register(recorder);

      for (long bytes = 1; bytes <= 1000; bytes++) {
        notifications.post(progress(1, bytes));
      }
      notifications.post(finished(1));

      List<Notification> received = recorder.received();
      assertThat(received).hasSizeLessThan(1000);
      assertThat(received.subList(received.size() - 2, received.size()))
          .containsExactly(progress(1, 1000), finished(1));
    }
  }

  @Test
  void eachTaskIsCoalescedOnItsOwn() {
    NotificationRecorder recorder = directlyDelivered();

    notifications.post(progress(1, 100));
    notifications.post(progress(2, 100));
    notifications.post(progress(1, 200));
    notifications.post(progress(2, 200));

    assertThat(recorder.received()).containsExactly(progress(1, 100), progress(2, 100));
  }

  @Test
  void onlyDeliveredNotificationsReachTheTimeline() {
    directlyDelivered();

    notifications.post(progress(1, 100));
    notifications.post(progress(1, 200));
    notifications.post(progress(1, 300));
    advanceMillis(100);

    assertThat(application.events(Layer.NOTIFICATION))
        .extracting(TimelineEvent::detail)
        .containsExactly("v1 100/1000 bytes", "v1 300/1000 bytes");
  }

  @Test
  void closeUnregistersSubscribersAndDropsWaitingProgress() {
    NotificationRecorder recorder = directlyDelivered();
    notifications.post(progress(1, 100));
    notifications.post(progress(1, 200));

    notifications.close();
    advanceMillis(1000);
    notifications.post(finished(1));

    assertThat(recorder.received()).containsExactly(progress(1, 100));
    assertThat(application.clock().pendingCount()).isZero();
    assertThat(application.warnings(Layer.NOTIFICATION)).isEmpty();
    assertThat(application.events(Layer.NOTIFICATION))
        .extracting(TimelineEvent::what)
        .endsWith("posted after close: VideoDownloadFinished");
  }

  @Test
  void registeringWithAClosedCenterFails() {
    directlyDelivered();
    notifications.close();

    assertThatThrownBy(() -> notifications.register(new NotificationRecorder()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anUnregisteredSubscriberHearsNothingMore() {
    NotificationRecorder recorder = directlyDelivered();
    notifications.post(finished(1));

    notifications.unregister(recorder);
    notifications.post(finished(2));

    assertThat(recorder.received()).containsExactly(finished(1));
    assertThat(application.events(Layer.NOTIFICATION))
        .filteredOn(event -> event.what().startsWith("unheard"))
        .extracting(TimelineEvent::taskId)
        .containsExactly(2L);
  }

  static final class FailingSubscriber {
    @Subscribe
    public void explode(VideoDownloadFinished finished) {
      throw new IllegalStateException("broken view");
    }
  }

  @Test
  void notificationsWithoutATaskReportNoTask() {
    directlyDelivered();

    notifications.post(new VideosFetched(List.of(SHEEP)));

    assertThat(application.events(Layer.NOTIFICATION))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.hasTask()).isFalse();
              assertThat(event.sessionId()).isEmpty();
              assertThat(event.detail()).isEqualTo("1 videos");
            });
  }
}
