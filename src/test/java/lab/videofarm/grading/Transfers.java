package lab.videofarm.grading;

import java.util.Random;
import java.util.function.Predicate;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;

/**
 * What the transfer graders (lessons 4 to 9) look for on the timeline, and the small movies they
 * move: small and throttled, so that a grader can act mid-transfer and still end in a second or
 * two.
 */
final class Transfers {
  /** A movie small enough to grade quickly, large enough to be cut in the middle. */
  static final int MOVIE_BYTES = 256 * 1024;

  /**
   * The server's pace while a grader means to interrupt a transfer: sixteen seconds a movie, so
   * that the interruption comes mid-way even on a machine so busy that the grader hears of the
   * first progress seconds late (at four seconds a movie, a grader on a saturated machine now and
   * then acted after the upload had finished). Graders lift it once they have acted, so a correct
   * solution is not slower for it.
   */
  static final long THROTTLE = 16 * 1024;

  private Transfers() {}

  /** {@code size} bytes that no other grader's movie shares. */
  static byte[] movie(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static Predicate<TimelineEvent> notification(String name) {
    return LessonPhone.event(Layer.NOTIFICATION, name);
  }

  static Predicate<TimelineEvent> notification(String name, long task) {
    return notification(name).and(e -> e.taskId() == task);
  }

  static Predicate<TimelineEvent> delegate(String method, long task) {
    return LessonPhone.event(Layer.DELEGATE, method).and(e -> e.taskId() == task);
  }

  /** The delegate's {@code method} for {@code task} has returned. */
  static Predicate<TimelineEvent> returned(String method, long task) {
    return LessonPhone.event(Layer.DELEGATE, "returned")
        .and(e -> e.taskId() == task && e.detail().equals(method));
  }

  /** Progress past the first byte: the transfer is really under way. */
  static Predicate<TimelineEvent> underWay(String method, long task) {
    return delegate(method, task).and(e -> !e.detail().contains(" 0/"));
  }

  /** What a command answered, for a failure message. */
  static String describe(Object answer) {
    return answer instanceof LessonPhone.Failed failed
        ? "it failed: " + failed.describe()
        : "it returned " + answer;
  }
}
