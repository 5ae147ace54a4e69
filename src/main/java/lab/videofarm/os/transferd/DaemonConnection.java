package lab.videofarm.os.transferd;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import lab.videofarm.os.DelayedRequestDisposition;

/**
 * One session's line to the daemon: the only door a URLSession has into it. Every argument and
 * result is a value or a copy.
 */
public interface DaemonConnection extends AutoCloseable {

  /** The session this connection speaks for. */
  SessionSpec session();

  /**
   * The daemon's label of this session on the timeline: the background identifier, or {@code
   * default#N} for a default session, so the session's own rows can carry the same label.
   */
  default String label() {
    String identifier = session().identifier();
    return identifier == null ? "" : identifier;
  }

  /** Creates a task, suspended, and returns its identifier, unique within the session. */
  long createTask(TaskSpec spec);

  /** Starts the task, or undoes one {@link #suspend}. */
  void resume(long taskIdentifier);

  /** Stops traffic and timers for the task; nestable with {@link #resume}. */
  void suspend(long taskIdentifier);

  /** Cancels the task; it completes with -999. Returns at once. */
  void cancel(long taskIdentifier);

  /**
   * Cancels a download or an upload and produces resume data when it could be resumed later, or an
   * empty optional otherwise. A download needs a validator, byte ranges and its partial file (rule
   * 27); an upload from a file needs a server that offered resumption with {@code 104 Upload
   * Resumption Supported} (rules 35-36). Resume the one with a {@link TaskSpec} of the same kind
   * that carries the data.
   */
  CompletableFuture<Optional<byte[]>> cancelByProducingResumeData(long taskIdentifier);

  /** Answers {@link TaskEvent.NeedNewBodyStream}. The daemon closes the stream when done. */
  void provideBodyStream(long taskIdentifier, InputStream body);

  /**
   * Answers {@link TaskEvent.WillBeginDelayedRequest}. {@code newRequest} is used only with {@link
   * DelayedRequestDisposition#USE_NEW_REQUEST}; an answer nobody waits for is ignored.
   */
  void continueDelayedRequest(
      long taskIdentifier, DelayedRequestDisposition disposition, RequestInfo newRequest);

  /**
   * Sets Apple's {@code earliestBeginDate} of a task that has not started yet (device time, or null
   * for none). Only background sessions honour it; it has no effect once the task started.
   */
  void setEarliestBeginDate(long taskIdentifier, Instant earliestBeginDate);

  /** Sets the app's label on a task. */
  void setTaskDescription(long taskIdentifier, String description);

  /** This session's tasks that have not completed, plus completed ones whose events are pending. */
  List<TaskSnapshot> allTasks();

  /** One task, if the daemon still knows it. */
  Optional<TaskSnapshot> task(long taskIdentifier);

  /** Lets running tasks finish, then invalidates the session. */
  void finishTasksAndInvalidate();

  /** Cancels every task, then invalidates the session. */
  void invalidateAndCancel();

  /**
   * Detaches: the app process is gone or let go of the session. Background tasks carry on and their
   * events queue; default-session tasks are cancelled silently.
   */
  @Override
  void close();
}
