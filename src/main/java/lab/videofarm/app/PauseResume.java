package lab.videofarm.app;

import java.util.Optional;
import java.util.function.Supplier;
import lab.videofarm.app.model.DownloadState;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.notification.Notifications;
import lab.videofarm.app.notification.VideoDownloadPaused;
import lab.videofarm.app.notification.VideoDownloadResumed;
import lab.videofarm.urlsession.URLError;
import lab.videofarm.urlsession.URLSession;
import lab.videofarm.urlsession.URLSessionDownloadTask;

/**
 * Lesson 5: pausing a download with resume data, and resuming it from there, or from the start when
 * there is none (rules 27-31).
 *
 * <p>A paused download keeps its movie task until the cancel has answered: the task may have
 * finished just before the pause reached the daemon, and its file then still arrives and is kept.
 */
final class PauseResume {
  private final Supplier<URLSession> session;
  private final TransferStore store;
  private final TaskActions tasks;
  private final Notifications notifications;
  private final AppLog log;
  private final String identifier;

  PauseResume(
      Supplier<URLSession> session,
      TransferStore store,
      TaskActions tasks,
      Notifications notifications,
      AppLog log,
      String identifier) {
    this.session = session;
    this.store = store;
    this.tasks = tasks;
    this.notifications = notifications;
    this.log = log;
    this.identifier = identifier;
  }

  /** Lesson 5: cancels the movie task with resume data, kept with the record when it comes. */
  void pauseDownloads(VFMRemoteVideo video) {
    // BEGIN SOLUTION lesson 5 pauseDownloads
    Optional<Long> key = store.downloadOf(video.id(), DownloadState.DOWNLOADING);
    if (key.isEmpty()) {
      log.report("pauseDownloads ignored", -1, video.id() + " is not downloading");
      return;
    }
    long movieTask =
        store
            .updateDownload(key.get(), d -> d.withState(DownloadState.PAUSED))
            .movieTaskIdentifier();
    tasks.cancelForResumeData(movieTask, data -> cancelAnswered(key.get(), movieTask, data));
    // END SOLUTION
  }

  /**
   * Lesson 5: what the cancel gave. Resume data: the record lets go of the task. Nil: the task had
   * finished (its file is kept, the download finishes), or it cannot be resumed (its "cancelled"
   * completion is ignored, and resuming starts over).
   */
  void cancelAnswered(long key, long movieTask, byte[] resumeData) {
    // BEGIN SOLUTION lesson 5 cancelAnswered
    if (store.download(key).state() != DownloadState.PAUSED) {
      log.report("pause too late", movieTask, "the download had already finished");
      return;
    }
    VFMVideoDownload paused =
        resumeData == null
            ? store.download(key)
            : store.updateDownload(key, d -> d.paused(resumeData));
    notifications.post(new VideoDownloadPaused(identifier, movieTask, paused));
    // END SOLUTION
  }

  /**
   * Lesson 5: continues a paused (or failed) movie download with a new task, filed under it. From
   * resume data, the notification waits for {@code didResumeAtOffset}, which knows the offset.
   *
   * @return the new movie task's identifier, or -1 if there was nothing to resume
   */
  long resumeDownloads(VFMRemoteVideo video) {
    // BEGIN SOLUTION lesson 5 resumeDownloads
    Optional<Long> key = store.downloadOf(video.id(), DownloadState.PAUSED, DownloadState.FAILED);
    if (key.isEmpty()) {
      log.report("resumeDownloads ignored", -1, video.id() + " is not paused");
      return -1;
    }
    VFMVideoDownload download = store.download(key.get());
    URLSessionDownloadTask movie = newMovieTask(download);
    VFMVideoDownload resumed = download.resumed(movie.taskIdentifier());
    if (!download.hasResumeData()) {
      resumed = resumed.withProgress(0, download.bytesExpected());
    }
    URLSessionDownloadTask thumbnail =
        download.thumbnailFile() == null ? thumbnailTask(video) : null;
    if (thumbnail != null) {
      resumed = resumed.withThumbnailTaskIdentifier(thumbnail.taskIdentifier());
    }
    store.rekey(key.get(), movie.taskIdentifier(), resumed);
    if (thumbnail != null) {
      thumbnail.resume();
    }
    if (!download.hasResumeData()) {
      notifications.post(new VideoDownloadResumed(identifier, movie.taskIdentifier(), resumed));
    }
    movie.resume();
    return movie.taskIdentifier();
    // END SOLUTION
  }

  /** Lesson 5: {@code didResumeAtOffset}, the only place that knows where the download goes on. */
  void didResumeAtOffset(long taskIdentifier, long fileOffset, long expectedTotalBytes) {
    // BEGIN SOLUTION lesson 5 didResumeAtOffset
    log.report(
        "download resumed", taskIdentifier, "at byte " + fileOffset + " of " + expectedTotalBytes);
    Optional<Long> key = store.downloadOwning(taskIdentifier);
    if (key.isPresent()) {
      VFMVideoDownload resumed =
          store.updateDownload(key.get(), d -> d.withProgress(fileOffset, expectedTotalBytes));
      notifications.post(new VideoDownloadResumed(identifier, taskIdentifier, resumed));
    }
    // END SOLUTION
  }

  /** Lesson 5: whether this completion is the "cancelled" of a task the user paused. */
  static boolean isPauseCancel(VFMVideoDownload download, URLError error) {
    // BEGIN SOLUTION lesson 5 isPauseCancel
    return download.state() == DownloadState.PAUSED
        && error != null
        && error.code() == URLError.CANCELLED;
    // END SOLUTION
  }

  /** Lesson 5: a failed movie task with resume data leaves the download paused, else failed. */
  static VFMVideoDownload keepResumable(VFMVideoDownload download, byte[] resumeData) {
    // BEGIN SOLUTION lesson 5 keepResumable
    return resumeData != null
        ? download.paused(resumeData)
        : download.withState(DownloadState.FAILED);
    // END SOLUTION
  }

  // ---- provided ----

  private URLSessionDownloadTask newMovieTask(VFMVideoDownload download) {
    String videoId = download.video().id();
    URLSessionDownloadTask task;
    if (download.hasResumeData()) {
      task = session.get().downloadTask(download.resumeData());
    } else {
      task = session.get().downloadTask(download.video().movieURL());
      log.report("no resume data", task.taskIdentifier(), videoId + ": downloading from the start");
    }
    task.setTaskDescription("movie " + videoId);
    return task;
  }

  /** The thumbnail is small: when it did not arrive, it is simply fetched again. */
  private URLSessionDownloadTask thumbnailTask(VFMRemoteVideo video) {
    URLSessionDownloadTask task = session.get().downloadTask(video.thumbnailURL());
    task.setTaskDescription("thumbnail " + video.id());
    return task;
  }
}
