package lab.videofarm.app;

import java.util.Optional;
import java.util.function.Supplier;
import lab.videofarm.app.model.UploadState;
import lab.videofarm.app.model.VFMVideoUpload;
import lab.videofarm.app.notification.Notifications;
import lab.videofarm.app.notification.VideoUploadResumed;
import lab.videofarm.urlsession.URLError;
import lab.videofarm.urlsession.URLSession;
import lab.videofarm.urlsession.URLSessionUploadTask;

/**
 * Lesson 9: the iOS 17 way to go on with a cut upload (rules 35-37). A failed upload whose error
 * carries upload resume data can continue with {@code uploadTask(resumeData)}: the task asks the
 * server how much it has and sends only the rest. The resume data is kept for this launch only.
 */
final class ResumableUploads {
  private final Supplier<URLSession> session;
  private final TransferStore store;
  private final Notifications notifications;
  private final AppLog log;
  private final String identifier;

  ResumableUploads(
      Supplier<URLSession> session,
      TransferStore store,
      Notifications notifications,
      AppLog log,
      String identifier) {
    this.session = session;
    this.store = store;
    this.notifications = notifications;
    this.log = log;
    this.identifier = identifier;
  }

  /** Lesson 9: the upload failed; keeps the resume data its error carries, if any. */
  VFMVideoUpload keepResumeData(VFMVideoUpload upload, URLError error) {
    // BEGIN SOLUTION lesson 9 keepResumeData
    if (error != null) {
      error
          .uploadTaskResumeData()
          .ifPresent(data -> store.keepUploadResumeData(upload.taskIdentifier(), data));
    }
    return upload.withState(UploadState.FAILED);
    // END SOLUTION
  }

  /** Lesson 9: continues the video's failed upload from its resume data, with a new task. */
  void continueUpload(String videoId) {
    // BEGIN SOLUTION lesson 9 continueUpload
    Optional<VFMVideoUpload> failed = store.uploadOf(videoId, UploadState.FAILED);
    Optional<byte[]> resumeData =
        failed.flatMap(upload -> store.uploadResumeData(upload.taskIdentifier()));
    if (resumeData.isEmpty()) {
      log.report("resumeUpload ignored", -1, videoId + " has no upload resume data");
      return;
    }
    URLSessionUploadTask task = session.get().uploadTask(resumeData.get());
    task.setTaskDescription("upload " + videoId);
    VFMVideoUpload continued =
        failed.get().withTaskIdentifier(task.taskIdentifier()).withState(UploadState.UPLOADING);
    store.rekeyUpload(failed.get().taskIdentifier(), continued);
    notifications.post(new VideoUploadResumed(identifier, task.taskIdentifier(), continued));
    task.resume();
    // END SOLUTION
  }
}
