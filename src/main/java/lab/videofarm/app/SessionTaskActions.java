package lab.videofarm.app;

import java.util.function.Consumer;
import java.util.function.Supplier;
import lab.videofarm.urlsession.URLSession;
import lab.videofarm.urlsession.URLSessionDownloadTask;
import lab.videofarm.urlsession.URLSessionTask;
import lab.videofarm.urlsession.URLSessionUploadTask;

/** {@link TaskActions} on the background session, finding each task with {@code getAllTasks}. */
final class SessionTaskActions implements TaskActions {
  private final Supplier<URLSession> session;
  private final AppLog log;

  SessionTaskActions(Supplier<URLSession> session, AppLog log) {
    this.session = session;
    this.log = log;
  }

  @Override
  public void suspend(long taskIdentifier, Runnable then) {
    withTask(
        taskIdentifier,
        task -> {
          task.suspend();
          then.run();
        },
        () -> log.warn("no such task", taskIdentifier, "the daemon has no task"));
  }

  @Override
  public void resume(long taskIdentifier, Runnable then) {
    withTask(
        taskIdentifier,
        task -> {
          task.resume();
          then.run();
        },
        () -> log.warn("no such task", taskIdentifier, "the daemon has no task"));
  }

  @Override
  public void cancel(long taskIdentifier) {
    withTask(
        taskIdentifier,
        URLSessionTask::cancel,
        () -> log.warn("no such task", taskIdentifier, "the daemon has no task"));
  }

  @Override
  public void cancelForResumeData(long taskIdentifier, Consumer<byte[]> resumeData) {
    withTask(
        taskIdentifier,
        task -> {
          if (task instanceof URLSessionDownloadTask download) {
            download.cancelByProducingResumeData(resumeData);
          } else if (task instanceof URLSessionUploadTask upload) {
            upload.cancelByProducingResumeData(resumeData);
          } else {
            task.cancel();
            resumeData.accept(null);
          }
        },
        // Gone already: it finished (its events are on their way), so there is nothing to resume.
        () -> resumeData.accept(null));
  }

  private void withTask(long taskIdentifier, Consumer<URLSessionTask> action, Runnable missing) {
    session
        .get()
        .getAllTasks(
            tasks ->
                tasks.stream()
                    .filter(task -> task.taskIdentifier() == taskIdentifier)
                    .findFirst()
                    .ifPresentOrElse(action, missing));
  }
}
