package lab.videofarm.os.device.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.uikit.Application;

/** What the app itself sees of the system during one launch ({@code UIApplication.shared}). */
final class ApplicationView implements Application {
  private final LaunchedProcess process;
  private final Map<String, String> info;
  private final Consumer<Duration> fetchIntervalChanged;

  ApplicationView(
      LaunchedProcess process, Map<String, String> info, Consumer<Duration> fetchIntervalChanged) {
    this.process = process;
    this.info = Map.copyOf(info);
    this.fetchIntervalChanged = fetchIntervalChanged;
  }

  @Override
  public String bundleId() {
    return process.bundleId();
  }

  @Override
  public int launchNumber() {
    return process.launchNumber();
  }

  @Override
  public AppState state() {
    return process.state();
  }

  /** The launch's view of the device clock: what the app scheduled dies with the launch. */
  @Override
  public Clock clock() {
    return process.clock();
  }

  @Override
  public Path containerDirectory() {
    return process.containerDirectory();
  }

  @Override
  public Map<String, String> infoDictionary() {
    return info;
  }

  @Override
  public Executor mainExecutor() {
    return process.mainExecutor();
  }

  @Override
  public ExecutorService newSerialQueue(String name) {
    return process.newSerialQueue(name);
  }

  @Override
  public void setMinimumBackgroundFetchInterval(Duration interval) {
    if (process.isAlive()) {
      fetchIntervalChanged.accept(interval);
    }
  }

  @Override
  public void report(Layer layer, String sessionId, long taskId, String what, String detail) {
    process.timeline().post(layer, process.launchNumber(), sessionId, taskId, what, detail);
  }

  @Override
  public void warn(Layer layer, String sessionId, long taskId, String what, String detail) {
    process
        .timeline()
        .post(layer, process.launchNumber(), sessionId, taskId, what, detail, Severity.WARNING);
  }
}
