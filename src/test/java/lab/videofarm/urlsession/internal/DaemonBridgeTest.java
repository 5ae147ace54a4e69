package lab.videofarm.urlsession.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lab.videofarm.os.transferd.TaskEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DaemonBridgeTest {
  private final ExecutorService delegateQueue = Executors.newSingleThreadExecutor();
  private final List<TaskEvent> dispatched = new CopyOnWriteArrayList<>();
  private final DaemonBridge bridge = new DaemonBridge(delegateQueue, dispatched::add);

  @AfterEach
  void stopTheQueue() {
    delegateQueue.shutdownNow();
  }

  private CompletableFuture<Void> deliverFromTheDaemon(TaskEvent event) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            bridge.deliver(event);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void anEventBeforeOpenWaitsOnTheDaemonsThreadAndReachesTheQueueOnceOpen() throws Exception {
    TaskEvent event = new TaskEvent.DidFinishEventsForBackgroundSession();
    CompletableFuture<Void> delivery = deliverFromTheDaemon(event);

    // The delegate queue stays free while the delivery waits.
    assertThat(delegateQueue.submit(() -> "free").get(5, TimeUnit.SECONDS)).isEqualTo("free");
    assertThat(dispatched).isEmpty();
    assertThat(delivery).isNotDone();

    bridge.open();

    delivery.get(5, TimeUnit.SECONDS);
    assertThat(dispatched).containsExactly(event);
  }

  @Test
  void closingBeforeOpenEndsTheWaitingDeliveryWithAnError() {
    CompletableFuture<Void> delivery =
        deliverFromTheDaemon(new TaskEvent.DidFinishEventsForBackgroundSession());

    bridge.close();

    await().atMost(Duration.ofSeconds(5)).until(delivery::isDone);
    assertThat(delivery).isCompletedExceptionally();
    assertThat(dispatched).isEmpty();
  }

  @Test
  void aDeliveryReturnsOnlyAfterItsDelegateCallReturned() throws Exception {
    bridge.open();
    TaskEvent event = new TaskEvent.DidFinishEventsForBackgroundSession();

    bridge.deliver(event);

    assertThat(dispatched).containsExactly(event);
  }
}
