package lab.videofarm.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import lab.videofarm.app.model.UploadState;
import lab.videofarm.app.model.VFMVideo;
import lab.videofarm.app.model.VFMVideoUpload;
import lab.videofarm.app.notification.Notifications;
import lab.videofarm.app.notification.VideoUploadFailed;
import lab.videofarm.app.notification.VideoUploadFinished;
import lab.videofarm.app.notification.VideoUploadProgressed;
import lab.videofarm.app.notification.VideoUploadResumed;
import lab.videofarm.app.notification.VideoUploadSuspended;
import lab.videofarm.urlsession.HTTPURLResponse;
import lab.videofarm.urlsession.URLError;
import lab.videofarm.urlsession.URLRequest;
import lab.videofarm.urlsession.URLSession;
import lab.videofarm.urlsession.URLSessionUploadTask;

/**
 * Lesson 6: a movie sent in the background, only ever from a file (rules 10-12), and what suspend,
 * resume and cancel do to it (rules 32-34). Resumable uploads (lesson 9) hook in where an upload
 * fails and where a failed one is resumed.
 */
final class Uploads {
  private final Supplier<URLSession> session;
  private final TransferStore store;
  private final TaskActions tasks;
  private final Notifications notifications;
  private final ResumableUploads resumable;
  private final AppLog log;
  private final String identifier;

  Uploads(
      Supplier<URLSession> session,
      TransferStore store,
      TaskActions tasks,
      Notifications notifications,
      ResumableUploads resumable,
      AppLog log,
      String identifier) {
    this.session = session;
    this.store = store;
    this.tasks = tasks;
    this.notifications = notifications;
    this.resumable = resumable;
    this.log = log;
    this.identifier = identifier;
  }

  /**
   * Lesson 6: {@code PUT toPath} with the file as the body. The file is checked before the task is
   * made: a task that could not start would otherwise stay in the daemon, suspended, for good.
   *
   * @param url where the movie goes, {@code toPath} resolved against the server's address
   * @return the upload task's identifier
   */
  long uploadVideo(VFMVideo video, String videoId, Path file, String toPath, URI url)
      throws IOException {
    // BEGIN SOLUTION lesson 6 uploadVideo
    long size = Files.size(file);
    URLRequest request =
        URLRequest.of(url).withHttpMethod("PUT").withValue("video/mp4", "Content-Type");
    URLSessionUploadTask task = session.get().uploadTask(request, file);
    task.setTaskDescription("upload " + videoId);
    store.putUpload(
        VFMVideoUpload.preparing(video, file, videoId, toPath)
            .withTaskIdentifier(task.taskIdentifier())
            .withProgress(0, size)
            .withState(UploadState.UPLOADING));
    task.resume();
    return task.taskIdentifier();
    // END SOLUTION
  }

  /** Lesson 6: {@code didSendBodyData}. */
  void didSendBodyData(long taskIdentifier, long totalBytesSent, long totalBytesExpectedToSend) {
    // BEGIN SOLUTION lesson 6 didSendBodyData
    store
        .updateUploadQuietly(
            taskIdentifier, upload -> upload.withProgress(totalBytesSent, totalBytesExpectedToSend))
        .ifPresent(
            progressed ->
                notifications.post(
                    new VideoUploadProgressed(identifier, taskIdentifier, progressed)));
    // END SOLUTION
  }

  /** Lesson 6: {@code didCompleteWithError}. An HTTP error completes without an error (rule 17). */
  void didCompleteWithError(long taskIdentifier, HTTPURLResponse response, URLError error) {
    // BEGIN SOLUTION lesson 6 didCompleteWithError
    if (error != null) {
      failed(taskIdentifier, Responses.describe(error), error);
    } else if (!Responses.isSuccess(response)) {
      failed(taskIdentifier, "HTTP " + response.statusCode(), null);
    } else {
      store
          .updateUpload(
              taskIdentifier,
              upload ->
                  upload
                      .withProgress(upload.bytesExpected(), upload.bytesExpected())
                      .withState(UploadState.FINISHED))
          .ifPresent(
              finished ->
                  notifications.post(
                      new VideoUploadFinished(identifier, taskIdentifier, finished)));
    }
    // END SOLUTION
  }

  /** Lesson 6: suspends the video's upload task; it keeps its place (rule 33). */
  void suspendUpload(String videoId) {
    // BEGIN SOLUTION lesson 6 suspendUpload
    store
        .uploadOf(videoId, UploadState.UPLOADING)
        .ifPresent(
            upload ->
                tasks.suspend(
                    upload.taskIdentifier(),
                    () -> changed(upload.taskIdentifier(), UploadState.SUSPENDED)));
    // END SOLUTION
  }

  /** Lesson 6: resumes a suspended upload task. */
  void resumeUpload(String videoId) {
    // BEGIN SOLUTION lesson 6 resumeUpload
    store
        .uploadOf(videoId, UploadState.SUSPENDED)
        .ifPresentOrElse(
            upload ->
                tasks.resume(
                    upload.taskIdentifier(),
                    () -> changed(upload.taskIdentifier(), UploadState.UPLOADING)),
            () -> continueFailedUpload(videoId));
    // END SOLUTION
  }

  /** Lesson 6: cancels the upload; it completes as failed ("cancelled", rule 34). */
  void cancelUpload(String videoId) {
    // BEGIN SOLUTION lesson 6 cancelUpload
    store
        .uploadOf(videoId, UploadState.UPLOADING, UploadState.SUSPENDED)
        .ifPresent(upload -> tasks.cancel(upload.taskIdentifier()));
    // END SOLUTION
  }

  // ---- where a later lesson hooks in ----

  /** Lesson 9 hooks in: a failed upload may carry resume data to go on with later. */
  private VFMVideoUpload afterUploadFailure(VFMVideoUpload upload, URLError error) {
    // BEGIN SOLUTION lesson 9 afterUploadFailure
    // STUB: return upload.withState(UploadState.FAILED);
    return resumable.keepResumeData(upload, error);
    // END SOLUTION
  }

  /** Lesson 9 hooks in: resuming an upload that is not suspended continues it from resume data. */
  private void continueFailedUpload(String videoId) {
    // BEGIN SOLUTION lesson 9 continueFailedUpload
    // STUB: log.report("resumeUpload ignored", -1, videoId + " is not suspended");
    resumable.continueUpload(videoId);
    // END SOLUTION
  }

  // ---- provided ----

  private void failed(long taskIdentifier, String reason, URLError error) {
    store
        .updateUpload(taskIdentifier, upload -> afterUploadFailure(upload, error))
        .ifPresent(
            failed ->
                notifications.post(
                    new VideoUploadFailed(identifier, taskIdentifier, failed, reason)));
  }

  private void changed(long taskIdentifier, UploadState state) {
    store
        .updateUpload(taskIdentifier, upload -> upload.withState(state))
        .ifPresent(
            upload ->
                notifications.post(
                    state == UploadState.SUSPENDED
                        ? new VideoUploadSuspended(identifier, taskIdentifier, upload)
                        : new VideoUploadResumed(identifier, taskIdentifier, upload)));
  }
}
