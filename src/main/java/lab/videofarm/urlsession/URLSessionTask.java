package lab.videofarm.urlsession;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * One transfer of a session. New tasks start {@link State#SUSPENDED}; {@link #resume()} starts them
 * (rule 32). {@link #suspend()} and {@link #resume()} nest (rule 33); {@link #cancel()} returns at
 * once, the task becomes {@link State#CANCELING} and then completes with {@link URLError#CANCELLED}
 * (rule 34).
 *
 * <p>The daemon owns the transfer; this object is the app's view of it, valid for one launch. After
 * a relaunch the session hands out new objects with the same {@link #taskIdentifier()}, {@link
 * #taskDescription()} and {@link #originalRequest()} (rule 26): key your own records on those.
 */
public class URLSessionTask {

  /** Apple's task states. */
  public enum State {
    RUNNING,
    SUSPENDED,
    CANCELING,
    COMPLETED
  }

  private final DaemonLink link;
  private final long taskIdentifier;
  private final URLRequest originalRequest;

  /** Guarded by {@code this}. */
  private int suspendCount;

  /** Guarded by {@code this}. */
  private State state;

  private volatile String taskDescription;
  private volatile Instant earliestBeginDate;
  private volatile URLRequest currentRequest;
  private volatile HTTPURLResponse response;
  private volatile URLError error;
  private volatile long countOfBytesReceived;
  private volatile long countOfBytesExpectedToReceive = -1;
  private volatile long countOfBytesSent;
  private volatile long countOfBytesExpectedToSend = -1;

  URLSessionTask(
      DaemonLink link,
      long taskIdentifier,
      URLRequest originalRequest,
      String taskDescription,
      State state) {
    this.link = link;
    this.taskIdentifier = taskIdentifier;
    this.originalRequest = originalRequest;
    this.currentRequest = originalRequest;
    this.taskDescription = taskDescription;
    this.state = state;
    this.suspendCount = state == State.SUSPENDED ? 1 : 0;
  }

  /** Unique within the session, and kept across relaunches. */
  public long taskIdentifier() {
    return taskIdentifier;
  }

  /** The app's own label, kept by the daemon across relaunches; may be null. */
  public String taskDescription() {
    return taskDescription;
  }

  public void setTaskDescription(String description) {
    this.taskDescription = description;
    link.forward(
        taskIdentifier,
        "setTaskDescription",
        daemon -> daemon.setTaskDescription(taskIdentifier, description));
  }

  /**
   * Apple's {@code earliestBeginDate}: the device time before which the task does not start, or
   * null. Only background sessions honour it (rule 8); set it before {@link #resume()}. When it
   * comes, the delegate's {@code willBeginDelayedRequest} may continue, swap or cancel the request.
   */
  public Instant earliestBeginDate() {
    return earliestBeginDate;
  }

  public void setEarliestBeginDate(Instant date) {
    this.earliestBeginDate = date;
    link.forward(
        taskIdentifier,
        "setEarliestBeginDate",
        daemon -> daemon.setEarliestBeginDate(taskIdentifier, date));
  }

  public synchronized State state() {
    return state;
  }

  public URLRequest originalRequest() {
    return originalRequest;
  }

  /** The request after redirects. */
  public URLRequest currentRequest() {
    return currentRequest;
  }

  /** The response once its headers arrived, or null. */
  public HTTPURLResponse response() {
    return response;
  }

  /** Why the task failed, once completed; null on success or while running. */
  public URLError error() {
    return error;
  }

  public long countOfBytesReceived() {
    return countOfBytesReceived;
  }

  /** -1 until known. */
  public long countOfBytesExpectedToReceive() {
    return countOfBytesExpectedToReceive;
  }

  public long countOfBytesSent() {
    return countOfBytesSent;
  }

  /** -1 until known. */
  public long countOfBytesExpectedToSend() {
    return countOfBytesExpectedToSend;
  }

  /**
   * Starts the task, or undoes one {@link #suspend()}. Does nothing once canceling or completed.
   */
  public void resume() {
    boolean starts;
    synchronized (this) {
      if (state == State.CANCELING || state == State.COMPLETED || suspendCount == 0) {
        return;
      }
      suspendCount--;
      starts = suspendCount == 0;
      if (starts) {
        state = State.RUNNING;
      }
    }
    if (starts) {
      link.forward(taskIdentifier, "resume", daemon -> daemon.resume(taskIdentifier));
    }
  }

  /**
   * Stops traffic and timeouts until as many {@link #resume()} calls. Delegate calls for data
   * already received may still arrive.
   */
  public void suspend() {
    boolean stops;
    synchronized (this) {
      if (state == State.CANCELING || state == State.COMPLETED) {
        return;
      }
      stops = suspendCount == 0;
      suspendCount++;
      state = State.SUSPENDED;
    }
    if (stops) {
      link.forward(taskIdentifier, "suspend", daemon -> daemon.suspend(taskIdentifier));
    }
  }

  /** Cancels the task, also a suspended one; it completes with {@link URLError#CANCELLED}. */
  public void cancel() {
    if (markCanceling()) {
      link.forward(taskIdentifier, "cancel", daemon -> daemon.cancel(taskIdentifier));
    }
  }

  /** How many {@link #resume()} calls the task needs before it runs. */
  public synchronized int suspendCount() {
    return suspendCount;
  }

  /**
   * Cancels for resume data, for the two kinds of task that offer it (downloads and uploads): a
   * task already cancelling or finished hands the handler null, on the delegate queue like any
   * answer.
   */
  final void cancelForResumeData(Consumer<byte[]> completionHandler) {
    if (!markCanceling()) {
      link.answer(() -> completionHandler.accept(null));
      return;
    }
    link.cancelByProducingResumeData(taskIdentifier, completionHandler);
  }

  final synchronized boolean markCanceling() {
    if (state == State.CANCELING || state == State.COMPLETED) {
      return false;
    }
    state = State.CANCELING;
    return true;
  }

  final void received(long total, long expected) {
    countOfBytesReceived = total;
    if (expected >= 0) {
      countOfBytesExpectedToReceive = expected;
    }
  }

  final void sent(long total, long expected) {
    countOfBytesSent = total;
    if (expected >= 0) {
      countOfBytesExpectedToSend = expected;
    }
  }

  final void responded(HTTPURLResponse newResponse) {
    if (newResponse != null) {
      response = newResponse;
      if (newResponse.url() != null && !newResponse.url().equals(currentRequest.url())) {
        currentRequest = currentRequest.withUrl(newResponse.url());
      }
      if (countOfBytesExpectedToReceive < 0 && newResponse.expectedContentLength() >= 0) {
        countOfBytesExpectedToReceive = newResponse.expectedContentLength();
      }
    }
  }

  /** The delegate swapped the request of a delayed task (rule 8). */
  final void requestReplaced(URLRequest request) {
    currentRequest = request;
  }

  final void completed(HTTPURLResponse finalResponse, URLError failure) {
    responded(finalResponse);
    error = failure;
    synchronized (this) {
      state = State.COMPLETED;
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "#"
        + taskIdentifier
        + " "
        + state()
        + " "
        + originalRequest
        + (taskDescription == null ? "" : " \"" + taskDescription + "\"");
  }
}
