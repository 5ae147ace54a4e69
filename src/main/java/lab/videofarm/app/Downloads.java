package lab.videofarm.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import lab.videofarm.app.model.DownloadState;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.notification.Notifications;
import lab.videofarm.app.notification.VideoDownloadFailed;
import lab.videofarm.app.notification.VideoDownloadFinished;
import lab.videofarm.app.notification.VideoDownloadProgressed;
import lab.videofarm.urlsession.HTTPURLResponse;
import lab.videofarm.urlsession.URLError;
import lab.videofarm.urlsession.URLSession;
import lab.videofarm.urlsession.URLSessionDownloadTask;

/**
 * Lesson 4: a video's movie and thumbnail, each by its own background download task, moved into the
 * library before {@code didFinishDownloadingTo} returns (rule 15).
 *
 * <p>Two later lessons hook in here, each through one small method that does nothing until that
 * lesson is done: pausing (lesson 5) decides what a failed or cancelled movie task means, and the
 * relaunch (lesson 7) recognises a file a killed launch already moved.
 */
final class Downloads {
  private final Supplier<URLSession> session;
  private final TransferStore store;
  private final Notifications notifications;
  private final VideoLibrary library;
  private final AppLog log;
  private final String identifier;

  Downloads(
      Supplier<URLSession> session,
      TransferStore store,
      Notifications notifications,
      VideoLibrary library,
      AppLog log,
      String identifier) {
    this.session = session;
    this.store = store;
    this.notifications = notifications;
    this.library = library;
    this.log = log;
    this.identifier = identifier;
  }

  /**
   * Lesson 4: starts the movie and thumbnail downloads. The record is saved before the tasks start,
   * so that their events, even in a later launch, find it. Returns the movie task's identifier.
   */
  long downloadMovieAndThumbnail(VFMRemoteVideo video) {
    // BEGIN SOLUTION lesson 4 downloadMovieAndThumbnail
    URLSessionDownloadTask movie = session.get().downloadTask(video.movieURL());
    movie.setTaskDescription("movie " + video.id());
    URLSessionDownloadTask thumbnail = session.get().downloadTask(video.thumbnailURL());
    thumbnail.setTaskDescription("thumbnail " + video.id());
    store.putDownload(
        movie.taskIdentifier(),
        VFMVideoDownload.starting(video, movie.taskIdentifier(), thumbnail.taskIdentifier()));
    movie.resume();
    thumbnail.resume();
    return movie.taskIdentifier();
    // END SOLUTION
  }

  /** Lesson 4: {@code didWriteData}. Only the movie's progress is shown. */
  void didWriteData(long taskIdentifier, long totalBytesWritten, long totalBytesExpected) {
    // BEGIN SOLUTION lesson 4 didWriteData
    Optional<Long> key = store.downloadOwning(taskIdentifier);
    if (key.isPresent() && store.download(key.get()).movieTaskIdentifier() == taskIdentifier) {
      VFMVideoDownload progressed =
          store.updateDownloadQuietly(
              key.get(), download -> download.withProgress(totalBytesWritten, totalBytesExpected));
      notifications.post(new VideoDownloadProgressed(identifier, taskIdentifier, progressed));
    }
    // END SOLUTION
  }

  /** Lesson 4: {@code didFinishDownloadingTo}. The temp file is deleted when this returns. */
  void didFinishDownloadingTo(long taskIdentifier, HTTPURLResponse response, Path location) {
    // BEGIN SOLUTION lesson 4 didFinishDownloadingTo
    Optional<Long> key = store.downloadOwning(taskIdentifier);
    if (key.isEmpty() || !Responses.isSuccess(response)) {
      log.warn(
          "download not kept",
          taskIdentifier,
          key.isEmpty() ? "no record for this task" : "HTTP error");
      return;
    }
    VFMVideoDownload download = store.download(key.get());
    boolean isMovie = download.movieTaskIdentifier() == taskIdentifier;
    String videoId = download.video().id();
    Path target = isMovie ? library.movieFile(videoId) : library.thumbnailFile(videoId);
    if (alreadyInLibrary(location, target)) {
      log.report("already in the library", taskIdentifier, "moved by a launch killed before");
    } else if (!moveIntoLibrary(taskIdentifier, location, target)) {
      return;
    }
    store.updateDownload(
        key.get(), d -> isMovie ? d.withMovieFile(target) : d.withThumbnailFile(target));
    // END SOLUTION
  }

  /** Lesson 4: {@code didCompleteWithError} of a movie or thumbnail task. */
  void didCompleteWithError(long taskIdentifier, HTTPURLResponse response, URLError error) {
    // BEGIN SOLUTION lesson 4 didCompleteWithError
    Optional<Long> key = store.downloadOwning(taskIdentifier);
    if (key.isEmpty() || pausedByTheUser(store.download(key.get()), error)) {
      log.report("completion ignored", taskIdentifier, "no current download owns it (paused?)");
    } else if (error != null) {
      byte[] resumeData = error.downloadTaskResumeData().orElse(null);
      failed(key.get(), taskIdentifier, Responses.describe(error), resumeData);
    } else if (!Responses.isSuccess(response)) {
      failed(key.get(), taskIdentifier, "HTTP " + response.statusCode(), null);
    } else {
      finishIfComplete(key.get());
    }
    // END SOLUTION
  }

  // ---- where later lessons hook in ----

  /** Lesson 7 hooks in: a launch killed inside this callback may have moved the file already. */
  private static boolean alreadyInLibrary(Path location, Path target) {
    // BEGIN SOLUTION lesson 7 alreadyInLibrary
    // STUB: return false;
    return Relaunch.movedByAKilledLaunch(location, target);
    // END SOLUTION
  }

  /** Lesson 5 hooks in: the "cancelled" completion of a task the user paused is no failure. */
  private static boolean pausedByTheUser(VFMVideoDownload download, URLError error) {
    // BEGIN SOLUTION lesson 5 pausedByTheUser
    // STUB: return false;
    return PauseResume.isPauseCancel(download, error);
    // END SOLUTION
  }

  /** Lesson 5 hooks in: a failed movie task with resume data leaves the download resumable. */
  private static VFMVideoDownload afterFailure(VFMVideoDownload download, byte[] resumeData) {
    // BEGIN SOLUTION lesson 5 afterFailure
    // STUB: return download.withState(DownloadState.FAILED);
    return PauseResume.keepResumable(download, resumeData);
    // END SOLUTION
  }

  // ---- provided ----

  private boolean moveIntoLibrary(long taskIdentifier, Path location, Path target) {
    try {
      VideoLibrary.moveInto(location, target);
      log.report("moved into the library", taskIdentifier, target.toString());
      return true;
    } catch (IOException e) {
      log.warn("download not kept", taskIdentifier, "cannot move it into the library: " + e);
      return false;
    }
  }

  /**
   * A failed thumbnail only means there is no thumbnail for now; resuming the download fetches it
   * again. A failed movie fails the download, unless a later lesson keeps it resumable.
   */
  private void failed(long key, long taskIdentifier, String reason, byte[] resumeData) {
    VFMVideoDownload download = store.download(key);
    if (download.thumbnailTaskIdentifier() == taskIdentifier) {
      store.updateDownload(key, d -> d.withThumbnailTaskIdentifier(VFMVideoDownload.NO_TASK));
      log.warn("no thumbnail", taskIdentifier, reason);
      finishIfComplete(key);
      return;
    }
    VFMVideoDownload failed = store.updateDownload(key, d -> afterFailure(d, resumeData));
    notifications.post(new VideoDownloadFailed(identifier, taskIdentifier, failed, reason));
  }

  /**
   * Finished once the movie is in the library and the thumbnail is too, or is not coming; whichever
   * task completes last. The notification is about the movie task, under which the download is
   * known.
   */
  private void finishIfComplete(long key) {
    VFMVideoDownload download = store.download(key);
    boolean thumbnailSettled =
        download.thumbnailFile() != null
            || download.thumbnailTaskIdentifier() == VFMVideoDownload.NO_TASK;
    if (download.movieFile() != null
        && thumbnailSettled
        && download.state() != DownloadState.FINISHED) {
      VFMVideoDownload finished =
          store.updateDownload(key, d -> d.withState(DownloadState.FINISHED));
      notifications.post(
          new VideoDownloadFinished(identifier, finished.movieTaskIdentifier(), finished));
    }
  }
}
