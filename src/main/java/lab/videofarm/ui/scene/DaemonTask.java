package lab.videofarm.ui.scene;

import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskState;

/**
 * One task as the daemon holds it, as far as the timeline tells.
 *
 * @param sessionId the daemon's label of its session ({@code default#3} for a default session)
 * @param taskId the task identifier within that session
 * @param kind data, download or upload
 * @param request method and URL of the original request
 * @param description the app's {@code taskDescription}, {@code ""} when it set none
 * @param state the daemon's state for it
 * @param step the latest thing the daemon reported about it, such as {@code "HTTP 200"}
 * @param bytes bytes moved so far (received for downloads and data, sent for uploads)
 * @param expected bytes expected, or {@code -1} while unknown
 * @param launch the launch that created it
 * @param outcome how it ended ({@code ""} while it has not): {@code "finished HTTP 200"}, or the
 *     error of a failed task
 * @param fromResumeData created from resume data
 * @param updatedAt the sequence of the last event about it
 */
public record DaemonTask(
    String sessionId,
    long taskId,
    TaskKind kind,
    String request,
    String description,
    TaskState state,
    String step,
    long bytes,
    long expected,
    int launch,
    String outcome,
    boolean fromResumeData,
    long updatedAt) {

  /** Progress between 0 and 1, or {@code -1} while the size is unknown. */
  public double fraction() {
    if (expected <= 0) {
      return state == TaskState.COMPLETED && outcome.startsWith("finished") ? 1 : -1;
    }
    return Math.min(1.0, (double) bytes / expected);
  }

  public boolean finished() {
    return state == TaskState.COMPLETED;
  }

  /** The last path segment of the request URL, the short name a diagram shows. */
  public String shortName() {
    int space = request.lastIndexOf(' ');
    String url = space < 0 ? request : request.substring(space + 1);
    int slash = url.lastIndexOf('/');
    return slash < 0 || slash == url.length() - 1 ? url : url.substring(slash + 1);
  }

  DaemonTask with(TaskState newState, String newStep, long at) {
    return new DaemonTask(
        sessionId,
        taskId,
        kind,
        request,
        description,
        newState,
        newStep,
        bytes,
        expected,
        launch,
        outcome,
        fromResumeData,
        at);
  }

  DaemonTask withBytes(long newBytes, long newExpected, String newStep, long at) {
    return new DaemonTask(
        sessionId,
        taskId,
        kind,
        request,
        description,
        state,
        newStep,
        newBytes,
        newExpected,
        launch,
        outcome,
        fromResumeData,
        at);
  }

  DaemonTask ended(String newOutcome, long at) {
    return new DaemonTask(
        sessionId,
        taskId,
        kind,
        request,
        description,
        TaskState.COMPLETED,
        newOutcome,
        bytes,
        expected,
        launch,
        newOutcome,
        fromResumeData,
        at);
  }
}
