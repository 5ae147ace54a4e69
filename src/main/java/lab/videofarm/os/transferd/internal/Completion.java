package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.os.transferd.TransferError;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * The end of a task: {@link #complete} is the one place {@link TaskEvent.DidComplete} is emitted,
 * once per task (it returns at once for a task already completed). It settles the partial file
 * (kept for resume data, or deleted), answers a pending cancel-for-resume-data, asks for a
 * relaunch, and ends an invalidating session whose last task this was. Called under the daemon's
 * lock.
 */
final class Completion {
  private final DaemonLog log;
  private final Mailbox mailbox;
  private final DownloadsFolder folder;
  private final TaskTimers timers;
  private final RelaunchRequests relaunches;
  private final StateStore store;
  private final Executor workers;
  private final HttpTransport transport;

  Completion(
      DaemonLog log,
      Mailbox mailbox,
      DownloadsFolder folder,
      TaskTimers timers,
      RelaunchRequests relaunches,
      StateStore store,
      Executor workers,
      HttpTransport transport) {
    this.log = log;
    this.mailbox = mailbox;
    this.folder = folder;
    this.timers = timers;
    this.relaunches = relaunches;
    this.store = store;
    this.workers = workers;
    this.transport = transport;
  }

  /** The task succeeded: DidComplete without an error. */
  void succeed(TaskRecord task) {
    complete(task, null);
  }

  /** The task failed with {@code code}, with resume data when asked for and rule 27 allows it. */
  void fail(TaskRecord task, int code, String description, boolean withResumeData) {
    complete(
        task,
        new TransferError(
            code,
            description,
            task.currentRequest.url(),
            withResumeData ? folder.resumeDataFor(task) : null,
            null));
  }

  /** The task was stopped by the app, its session or the system: ends the way the stop says. */
  void stopped(TaskRecord task, StopReason reason) {
    switch (reason) {
      case SESSION_GONE -> {
        task.state = TaskState.COMPLETED;
        timers.stopAll(task);
        folder.deleteTempFile(task);
        task.session.tasks.remove(task.id);
        log.task(task, "task discarded", "its process is gone");
      }
      case APP_SUSPENDED ->
          fail(
              task,
              ErrorCodes.BACKGROUND_SESSION_WAS_DISCONNECTED,
              "Lost connection to background transfer service",
              false);
      case FORCE_QUIT -> cancelled(task, folder.resumeDataFor(task), 0);
      case CANCEL_WITH_RESUME_DATA -> cancelled(task, folder.resumeDataFor(task), null);
      default -> {
        discardUploadResource(task);
        cancelled(task, null, null);
      }
    }
  }

  private void cancelled(TaskRecord task, byte[] resumeData, Integer backgroundCancelReason) {
    complete(
        task,
        new TransferError(
            ErrorCodes.CANCELLED,
            "cancelled",
            task.currentRequest.url(),
            resumeData,
            backgroundCancelReason));
  }

  /** The one place a task completes; returns at once for a task already completed. */
  private void complete(TaskRecord task, TransferError error) {
    if (task.isFinished()) {
      return;
    }
    timers.stopAll(task);
    task.state = TaskState.COMPLETED;
    task.run.phase = TaskRecord.Phase.IDLE;
    task.error = error;
    if (error != null && error.resumeData() != null) {
      folder.handToResumeData(task);
    } else if (error != null) {
      folder.deleteTempFile(task);
    }
    answerResumeDataRequest(task, error);
    mailbox.emit(task.session, new TaskEvent.DidComplete(task.id, task.response, error));
    logCompletion(task, error);
    relaunches.maybeRequest(task);
    maybeFinishInvalidation(task.session);
    store.changed();
  }

  private void answerResumeDataRequest(TaskRecord task, TransferError error) {
    CompletableFuture<Optional<byte[]>> request = task.waiters.resumeData;
    // The app's callbacks hang on the future: let go of it, so a dead launch can be collected.
    task.waiters.resumeData = null;
    if (request != null) {
      Optional<byte[]> data = Optional.ofNullable(error == null ? null : error.resumeData());
      workers.execute(() -> request.complete(data));
    }
  }

  private void logCompletion(TaskRecord task, TransferError error) {
    if (error == null) {
      log.task(
          task, "task finished", task.response == null ? "" : "HTTP " + task.response.statusCode());
      return;
    }
    log.task(
        task,
        "task failed",
        error.code()
            + " "
            + error.description()
            + (error.resumeData() != null ? " (with resume data)" : "")
            + (error.backgroundCancelReason() != null
                ? " reason " + error.backgroundCancelReason()
                : ""),
        error.code() == ErrorCodes.CANCELLED ? Severity.INFO : Severity.WARNING);
  }

  /** An invalidating session whose tasks have all finished becomes invalid. */
  void maybeFinishInvalidation(SessionChannel channel) {
    if (!channel.invalidating || channel.invalidated) {
      return;
    }
    for (TaskRecord task : channel.tasks.values()) {
      if (!task.isFinished()) {
        return;
      }
    }
    channel.invalidated = true;
    mailbox.emit(channel, new TaskEvent.DidBecomeInvalid(null));
    log.session(channel, TimelineEvent.NO_TASK, "session invalidated", "");
  }

  /** A cancelled upload gives its resource up, so the server can forget the partial bytes. */
  private void discardUploadResource(TaskRecord task) {
    URI resource = task.uploadResource;
    if (resource == null) {
      return;
    }
    task.uploadResource = null;
    log.task(task, "upload resource deleted", "DELETE " + resource);
    workers.execute(
        () -> {
          try (ClassicHttpResponse ignored =
              transport.client().executeOpen(null, new HttpDelete(resource), null)) {
            // the answer does not matter: an unknown resource is as good as a deleted one
          } catch (IOException e) {
            // the server will let the resource expire
          }
        });
  }
}
