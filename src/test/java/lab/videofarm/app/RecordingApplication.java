package lab.videofarm.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.SwingUtilities;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.uikit.Application;

/**
 * An {@link Application} for the app's own tests: reports go to a real {@link Timeline} on a {@link
 * ManualClock}, the main executor is the Swing event thread. The device's real one is not needed to
 * test models, notifications and archives.
 */
public final class RecordingApplication implements Application, AutoCloseable {
  private final Path container;
  private final int launch;
  private final ManualClock clock;
  private final Timeline timeline;
  private final List<ExecutorService> queues = new CopyOnWriteArrayList<>();

  public RecordingApplication(Path container, ManualClock clock, int launch) {
    this.container = container;
    this.clock = clock;
    this.launch = launch;
    this.timeline = new Timeline(clock);
  }

  public RecordingApplication(Path container) {
    this(container, new ManualClock(), 1);
  }

  public ManualClock clock() {
    return clock;
  }

  public Timeline timeline() {
    return timeline;
  }

  /** The events reported on one layer so far, oldest first. */
  public List<TimelineEvent> events(Layer layer) {
    return timeline.events().stream().filter(event -> event.layer() == layer).toList();
  }

  /** The warnings reported on one layer so far, oldest first. */
  public List<TimelineEvent> warnings(Layer layer) {
    return events(layer).stream().filter(event -> event.severity() == Severity.WARNING).toList();
  }

  @Override
  public String bundleId() {
    return "lab.videofarm.app";
  }

  @Override
  public int launchNumber() {
    return launch;
  }

  @Override
  public AppState state() {
    return AppState.FOREGROUND;
  }

  @Override
  public Path containerDirectory() {
    return container;
  }

  @Override
  public Executor mainExecutor() {
    return task -> {
      if (SwingUtilities.isEventDispatchThread()) {
        task.run();
      } else {
        SwingUtilities.invokeLater(task);
      }
    };
  }

  @Override
  public ExecutorService newSerialQueue(String name) {
    ExecutorService queue = Executors.newSingleThreadExecutor(task -> new Thread(task, name));
    queues.add(queue);
    return queue;
  }

  @Override
  public void setMinimumBackgroundFetchInterval(Duration interval) {}

  @Override
  public void report(Layer layer, String sessionId, long taskId, String what, String detail) {
    timeline.post(layer, launch, sessionId, taskId, what, detail, Severity.INFO);
  }

  @Override
  public void warn(Layer layer, String sessionId, long taskId, String what, String detail) {
    timeline.post(layer, launch, sessionId, taskId, what, detail, Severity.WARNING);
  }

  @Override
  public void close() {
    queues.forEach(ExecutorService::shutdownNow);
  }
}
