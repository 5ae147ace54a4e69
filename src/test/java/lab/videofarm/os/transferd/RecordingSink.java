package lab.videofarm.os.transferd;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A session sink for tests, acting like a well-behaved app delegate: it records every event in
 * order and moves each finished download out of the daemon's temp location before returning, as
 * rule 15 demands. An optional hook runs first on the delivery thread, to block or fail a delivery.
 */
final class RecordingSink implements DaemonEventSink {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Runs inside {@link #deliver} before the event is recorded. */
  @FunctionalInterface
  interface Hook {
    void before(TaskEvent event) throws Exception;
  }

  private final Path keep;
  private final List<TaskEvent> events = new CopyOnWriteArrayList<>();
  private final Map<Long, Path> downloads = new ConcurrentHashMap<>();
  private volatile Hook hook = event -> {};

  RecordingSink(Path keep) {
    this.keep = keep;
    try {
      Files.createDirectories(keep);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RecordingSink hook(Hook hook) {
    this.hook = hook;
    return this;
  }

  @Override
  public void deliver(TaskEvent event) throws Exception {
    hook.before(event);
    if (event instanceof TaskEvent.DidFinishDownloading finished) {
      Path target = keep.resolve("task-" + finished.taskIdentifier() + "-" + System.nanoTime());
      Files.move(finished.location(), target);
      downloads.put(finished.taskIdentifier(), target);
    }
    events.add(event);
  }

  List<TaskEvent> events() {
    return List.copyOf(events);
  }

  List<TaskEvent> events(long task) {
    return events.stream().filter(event -> event.taskIdentifier() == task).toList();
  }

  <T extends TaskEvent> List<T> events(long task, Class<T> type) {
    return events(task).stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends TaskEvent> List<T> all(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Events of the task without the progress ones, as simple names: the order that matters. */
  List<String> milestones(long task) {
    return events(task).stream()
        .filter(
            e -> !(e instanceof TaskEvent.DidWriteData || e instanceof TaskEvent.DidSendBodyData))
        .filter(e -> !(e instanceof TaskEvent.DidReceiveData))
        .map(e -> e.getClass().getSimpleName())
        .toList();
  }

  TaskEvent.DidComplete awaitCompletion(long task) {
    await().atMost(TIMEOUT).until(() -> !events(task, TaskEvent.DidComplete.class).isEmpty());
    return events(task, TaskEvent.DidComplete.class).get(0);
  }

  /** Waits until the download reported at least {@code bytes} written. */
  void awaitBytesWritten(long task, long bytes) {
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                events(task, TaskEvent.DidWriteData.class).stream()
                    .anyMatch(e -> e.totalBytesWritten() >= bytes));
  }

  <T extends TaskEvent> T awaitFirst(Class<T> type) {
    await().atMost(TIMEOUT).until(() -> !all(type).isEmpty());
    return all(type).get(0);
  }

  Path downloaded(long task) {
    return downloads.get(task);
  }
}
