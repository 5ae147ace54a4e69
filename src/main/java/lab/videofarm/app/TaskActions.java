package lab.videofarm.app;

import java.util.function.Consumer;

/**
 * What the app does to a live task, found by its identifier: task objects are never kept, they die
 * with a launch (rule 26). Callbacks run on the session's delegate queue.
 */
interface TaskActions {
  /** Suspends the task, then runs {@code then}; nothing happens if the daemon has no such task. */
  void suspend(long taskIdentifier, Runnable then);

  /** Resumes the task, then runs {@code then}; nothing happens if the daemon has no such task. */
  void resume(long taskIdentifier, Runnable then);

  /** Cancels the task; it completes with -999 (rule 34). */
  void cancel(long taskIdentifier);

  /**
   * Cancels the download or upload task and hands {@code resumeData} what it gave: null when it
   * could not give any, or when the task had already finished (rules 27 and 35).
   */
  void cancelForResumeData(long taskIdentifier, Consumer<byte[]> resumeData);
}
