package lab.videofarm.app;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.uikit.Application;

/**
 * The app's lines on the timeline (layer {@code APP}), and the one place that turns a lesson's
 * {@link NotImplementedYet} into an INFO line instead of a crash.
 *
 * <p>{@link #report} is for what a correct app does; {@link #warn} only for what a student's
 * mistake would cause, so that a correct run shows no warning at all.
 */
final class AppLog {
  /** What the timeline line of an exercise not written yet says. */
  static final String NOT_IMPLEMENTED_YET = "not implemented yet";

  private final Application application;
  private final String sessionId;
  private final Set<String> toldOnce = ConcurrentHashMap.newKeySet();

  AppLog(Application application, String sessionId) {
    this.application = application;
    this.sessionId = sessionId;
  }

  void report(String what, long taskIdentifier, String detail) {
    application.report(Layer.APP, sessionId, taskIdentifier, what, detail);
  }

  void warn(String what, long taskIdentifier, String detail) {
    application.warn(Layer.APP, sessionId, taskIdentifier, what, detail);
  }

  /** Says on the timeline which exercise is missing: what a user action that needed it shows. */
  void notImplementedYet(NotImplementedYet missing, long taskIdentifier) {
    report(NOT_IMPLEMENTED_YET, taskIdentifier, missing.getMessage());
  }

  /**
   * {@link #notImplementedYet}, once per exercise and launch: a delegate callback would otherwise
   * say it for every progress step.
   */
  private void notImplementedYetOnce(NotImplementedYet missing, long taskIdentifier) {
    if (toldOnce.add(missing.getMessage())) {
      notImplementedYet(missing, taskIdentifier);
    }
  }

  /** Runs a delegate callback's exercise; one not written yet is reported, never thrown. */
  void attempt(long taskIdentifier, Runnable exercise) {
    try {
      exercise.run();
    } catch (NotImplementedYet missing) {
      notImplementedYetOnce(missing, taskIdentifier);
    }
  }

  /**
   * Runs a user action's exercise; one not written yet is reported and thrown on, so that the
   * screen (or the command) that asked can say so too.
   */
  <T> T reported(Supplier<T> exercise) {
    try {
      return exercise.get();
    } catch (NotImplementedYet missing) {
      notImplementedYet(missing, -1);
      throw missing;
    }
  }

  /** {@link #reported(Supplier)} for an exercise that may fail with an {@code IOException}. */
  <T> T reportedIO(IOSupplier<T> exercise) throws IOException {
    try {
      return exercise.get();
    } catch (NotImplementedYet missing) {
      notImplementedYet(missing, -1);
      throw missing;
    }
  }

  /** A step that may fail with an {@code IOException}. */
  @FunctionalInterface
  interface IOSupplier<T> {
    T get() throws IOException;
  }

  void reported(Runnable exercise) {
    reported(
        () -> {
          exercise.run();
          return null;
        });
  }
}
