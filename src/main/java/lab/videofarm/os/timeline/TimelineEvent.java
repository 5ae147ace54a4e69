package lab.videofarm.os.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of the story, as plain data any view can show.
 *
 * @param sequence position on the timeline, starting at 1, without gaps
 * @param time device time, from the injected clock
 * @param layer where it happened
 * @param launch the app launch it belongs to (1 for the first launch), or {@link #NO_LAUNCH}
 * @param sessionId the URLSession identifier, or {@code ""} when none applies
 * @param taskId the task identifier within that session, or {@link #NO_TASK}
 * @param what a short name for what happened, such as {@code "didFinishDownloadingTo"}
 * @param detail human-readable detail, possibly empty
 * @param severity how loudly a view should show it
 */
public record TimelineEvent(
    long sequence,
    Instant time,
    Layer layer,
    int launch,
    String sessionId,
    long taskId,
    String what,
    String detail,
    Severity severity) {

  public static final int NO_LAUNCH = 0;
  public static final long NO_TASK = -1;

  /** How loudly to show an event. */
  public enum Severity {
    INFO,
    WARNING,
    ERROR
  }

  public TimelineEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(what, "what");
    sessionId = sessionId == null ? "" : sessionId;
    detail = detail == null ? "" : detail;
    severity = severity == null ? Severity.INFO : severity;
  }

  public boolean hasTask() {
    return taskId != NO_TASK;
  }

  /** One line: {@code #12 DAEMON launch=1 session=x task=3 didWriteData 1024/4096}. */
  @Override
  public String toString() {
    StringBuilder line = new StringBuilder();
    line.append('#').append(sequence).append(' ').append(layer);
    line.append(" launch=").append(launch == NO_LAUNCH ? "-" : Integer.toString(launch));
    line.append(" session=").append(sessionId.isEmpty() ? "-" : sessionId);
    line.append(" task=").append(hasTask() ? Long.toString(taskId) : "-");
    line.append(' ').append(what);
    if (!detail.isEmpty()) {
      line.append(' ').append(detail);
    }
    if (severity != Severity.INFO) {
      line.append(" [").append(severity).append(']');
    }
    return line.toString();
  }
}
