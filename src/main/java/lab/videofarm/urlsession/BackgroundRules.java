package lab.videofarm.urlsession;

import lab.videofarm.os.process.AppProcess;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.urlsession.internal.BackgroundIdentifiers;

/**
 * What iOS allows a background session, checked with Apple's messages: a delegate, one live session
 * per identifier in a process (rule 1), and only delegate-based tasks and uploads from files (rules
 * 10-11), because its events may arrive in a later launch where no completion handler or memory
 * buffer exists. A default session passes every check.
 */
final class BackgroundRules {
  private static final String COMPLETION_HANDLERS_NOT_SUPPORTED =
      "Completion handler blocks are not supported in background sessions. Use a delegate"
          + " instead.";
  private static final String UPLOAD_FROM_DATA_NOT_SUPPORTED =
      "Upload tasks from NSData are not supported in background sessions.";
  private static final String STREAMED_UPLOAD_NOT_SUPPORTED =
      "Upload tasks in background sessions must be from a file";

  private final AppProcess process;
  private final String identifier;
  private final SessionLog log;

  BackgroundRules(AppProcess process, String identifier, SessionLog log) {
    this.process = process;
    this.identifier = identifier;
    this.log = log;
  }

  /**
   * Admits a new session: a background one needs a delegate, and takes its identifier until it is
   * invalidated or abandoned ({@link #release}).
   */
  void admit(URLSessionDelegate delegate) {
    if (identifier == null) {
      return;
    }
    if (delegate == null) {
      throw new IllegalArgumentException(
          "A background URLSession needs a delegate: its events may arrive in a later launch,"
              + " where no completion handler exists");
    }
    if (!identifiers().claim(identifier)) {
      String message = "A background URLSession with identifier " + identifier + " already exists!";
      log.session(TimelineEvent.NO_TASK, "session refused", message, Severity.WARNING);
      throw new IllegalStateException(message);
    }
  }

  /** Frees the identifier for a new session of this process. */
  void release() {
    if (identifier != null) {
      identifiers().release(identifier);
    }
  }

  void refuseCompletionHandler() {
    refuse(COMPLETION_HANDLERS_NOT_SUPPORTED);
  }

  void refuseUploadFromData() {
    refuse(UPLOAD_FROM_DATA_NOT_SUPPORTED);
  }

  void refuseStreamedUpload() {
    refuse(STREAMED_UPLOAD_NOT_SUPPORTED);
  }

  private void refuse(String message) {
    if (identifier != null) {
      log.session(TimelineEvent.NO_TASK, "refused", message, Severity.ERROR);
      throw new UnsupportedOperationException(message);
    }
  }

  private BackgroundIdentifiers identifiers() {
    return process.local(BackgroundIdentifiers.class, BackgroundIdentifiers::new);
  }
}
