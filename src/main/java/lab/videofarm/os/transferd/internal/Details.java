package lab.videofarm.os.transferd.internal;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The detail strings of the daemon's timeline events that views read back. Each shape is listed in
 * {@code lab.videofarm.os.timeline}'s package documentation; keep the two in step.
 */
final class Details {
  /** Apple's names of NSURLErrorBackgroundTaskCancelledReason values 0, 1 and 2. */
  private static final List<String> CANCEL_REASONS =
      List.of(
          "UserForceQuitApplication", "BackgroundUpdatesDisabled", "InsufficientSystemResources");

  private Details() {}

  /**
   * {@code "DOWNLOAD GET <url>[ from resume data]; to send: N bytes[; description: <text>]"}, the
   * description last because it is the app's own text.
   */
  static String created(TaskRecord task, boolean fromResumeData) {
    return task.spec.kind()
        + " "
        + task.originalRequest.method()
        + " "
        + task.originalRequest.url()
        + (fromResumeData ? " from resume data" : "")
        + "; to send: "
        + bytes(task.expectedToSend)
        + " bytes"
        + (task.description == null ? "" : "; description: " + task.description);
  }

  /** {@code "; to receive: N bytes"}, {@code ?} while the length is unknown. */
  static String toReceive(long expected) {
    return "; to receive: " + bytes(expected) + " bytes";
  }

  /** {@code " reason UserForceQuitApplication"}, or nothing when the system did not cancel. */
  static String cancelReason(Integer reason) {
    if (reason == null) {
      return "";
    }
    boolean known = reason >= 0 && reason < CANCEL_REASONS.size();
    return " reason " + (known ? CANCEL_REASONS.get(reason) : String.valueOf(reason));
  }

  /** {@code "launch <bundle> in the background; relaunch 2, delay 120 s"}. */
  static String relaunch(String action, int relaunches, long delaySeconds) {
    return action + "; relaunch " + relaunches + ", delay " + delaySeconds + " s";
  }

  /** {@code "<bundle>: N queued events [Name#task, ...], M tasks"}, as an app attaches. */
  static String attached(SessionChannel channel) {
    return channel.key.bundleId()
        + ": "
        + channel.queue.size()
        + " queued events "
        + queue(channel.queue)
        + ", "
        + channel.tasks.size()
        + " tasks";
  }

  /**
   * {@code "<bundle>: M tasks carry on, N queued events [Name#task, ...]"} for a background
   * session, {@code "<bundle>: its tasks are cancelled"} for any other.
   */
  static String detached(SessionChannel channel) {
    return channel.key.bundleId()
        + ": "
        + (channel.key.isBackground()
            ? channel.tasks.size()
                + " tasks carry on, "
                + channel.queue.size()
                + " queued events "
                + queue(channel.queue)
            : "its tasks are cancelled");
  }

  /** {@code "error -996: attached by launch 2"}: another launch holds the background session. */
  static String inUse(SessionChannel channel) {
    return "error "
        + ErrorCodes.BACKGROUND_SESSION_IN_USE
        + ": attached by launch "
        + channel.attached.session().launch();
  }

  /** {@code "[DidFinishDownloading#3, DidComplete#3]"}: the queue, oldest first. */
  static String queue(Collection<SessionChannel.Pending> queue) {
    return queue.stream()
        .map(p -> Mailbox.eventName(p.event()) + "#" + p.event().taskIdentifier())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String bytes(long count) {
    return count < 0 ? "?" : String.valueOf(count);
  }
}
