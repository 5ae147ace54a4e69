package lab.videofarm.urlsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.SwingUtilities;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.transferd.DaemonEventSink;
import lab.videofarm.os.transferd.TaskEvent;
import org.junit.jupiter.api.Test;

/** A session belongs to its app process: created only inside one, and detached when it dies. */
class SessionInAppProcessTest extends InsideAnAppProcess {
  @Test
  void sessionsCanOnlyBeCreatedInsideAnAppProcess() {
    Thread.currentThread().setContextClassLoader(previousContextLoader);

    assertThatThrownBy(() -> URLSession.session(URLSessionConfiguration.defaultConfiguration()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theSharedSessionIsOnePerProcess() {
    URLSession shared = URLSession.sharedSession();

    assertThat(URLSession.sharedSession()).isSameAs(shared);
    assertThat(shared.configuration().isBackground()).isFalse();
    assertThat(shared.delegate()).isNull();
  }

  @Test
  void theProcessDyingDetachesTheSessionAndLeavesTheEventInFlightQueued() throws Exception {
    CountDownLatch inDelegate = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    URLSession session =
        background(
            "bg",
            (URLSessionDownloadDelegate)
                (s, task, location) -> {
                  inDelegate.countDown();
                  try {
                    never.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    long id = session.downloadTask(MOVIE).taskIdentifier();
    ScriptedDaemon.Connection connection = daemon.last();
    CompletableFuture<Void> delivery =
        CompletableFuture.runAsync(
            () -> {
              try {
                connection.deliver(
                    new TaskEvent.DidFinishDownloading(id, container.resolve("tmp"), null));
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    assertThat(inDelegate.await(5, TimeUnit.SECONDS)).isTrue();

    process.kill();

    await().until(delivery::isDone);
    assertThat(delivery).isCompletedExceptionally();
    assertThat(connection.closed).isTrue();
  }

  @Test
  void aGetAllTasksAnswerStillQueuedWhenTheProcessDiesIsDroppedQuietly() {
    List<Runnable> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    URLSession session =
        URLSession.session(
            URLSessionConfiguration.background("bg"), new RecordingDelegate(), held::add);
    AtomicBoolean answered = new AtomicBoolean();
    session.getAllTasks(tasks -> answered.set(true));

    process.kill();
    held.forEach(Runnable::run);

    assertThat(held).isNotEmpty();
    assertThat(answered).isFalse();
  }

  @Test
  void eventsQueuedWhileTheSessionConnectsNeverBlockTheSwingThreadAsItsQueue() throws Exception {
    RecordingDelegate delegate = new RecordingDelegate();
    AtomicBoolean swingStayedFree = new AtomicBoolean();
    daemon.whileConnecting =
        sink -> {
          // As the daemon does on a relaunch: a queued event goes out before connect returns.
          Thread delivery =
              new Thread(
                  () ->
                      deliverIgnoringFailure(
                          sink, new TaskEvent.DidFinishEventsForBackgroundSession()));
          delivery.start();
          await()
              .atMost(Duration.ofSeconds(5))
              .until(() -> delivery.getState() == Thread.State.WAITING);
          CountDownLatch swingRan = new CountDownLatch(1);
          SwingUtilities.invokeLater(swingRan::countDown);
          swingStayedFree.set(awaitIgnoringInterrupt(swingRan));
        };

    URLSession.session(
        URLSessionConfiguration.background("bg"), delegate, SwingUtilities::invokeLater);

    assertThat(swingStayedFree).as("the Swing thread ran other work while connecting").isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> delegate.calls.contains("urlSessionDidFinishEvents"));
    assertThat(timeline.events())
        .extracting(TimelineEvent::what)
        .containsSubsequence("session created", "urlSessionDidFinishEvents");
  }

  private static void deliverIgnoringFailure(DaemonEventSink sink, TaskEvent event) {
    try {
      sink.deliver(event);
    } catch (Exception e) {
      // The test asserts on what the delegate heard.
    }
  }

  private static boolean awaitIgnoringInterrupt(CountDownLatch latch) {
    try {
      return latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
