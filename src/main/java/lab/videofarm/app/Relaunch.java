package lab.videofarm.app;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.videofarm.app.model.DownloadState;
import lab.videofarm.app.model.UploadState;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.model.VFMVideoUpload;
import lab.videofarm.app.notification.Notifications;
import lab.videofarm.app.notification.VideoDownloadFailed;
import lab.videofarm.app.notification.VideoUploadFailed;

/**
 * Lesson 7: a launch after a kill matches its archived records with the tasks the daemon still has
 * (rules 21, 25 and 26), and finishes what a killed launch left half done.
 */
final class Relaunch {
  private final TransferStore store;
  private final Notifications notifications;
  private final String identifier;

  Relaunch(TransferStore store, Notifications notifications, String identifier) {
    this.store = store;
    this.notifications = notifications;
    this.identifier = identifier;
  }

  /**
   * Lesson 7: records whose task vanished are marked failed; live tasks stay linked by identifier,
   * finished ones complete from the queued events (already delivered when this runs).
   */
  void reconcile(Reconciliation found) {
    // BEGIN SOLUTION lesson 7 reconcile
    for (VFMVideoUpload upload : store.uploads()) {
      boolean active =
          upload.state() == UploadState.UPLOADING || upload.state() == UploadState.SUSPENDED;
      if (active && found.vanished(upload.taskIdentifier())) {
        uploadVanished(upload.taskIdentifier());
      }
    }
    for (VFMVideoDownload download : store.downloads()) {
      long movieTask = download.movieTaskIdentifier();
      if (download.state() == DownloadState.DOWNLOADING && found.vanished(movieTask)) {
        downloadVanished(movieTask);
      }
    }
    // END SOLUTION
  }

  /**
   * Lesson 7: a launch killed inside {@code didFinishDownloadingTo} may have moved the file (the
   * move is atomic) without saving its record; the daemon then delivers the event again, to the
   * next launch, with the temp file gone. The file in the library is the one it names.
   */
  static boolean movedByAKilledLaunch(Path location, Path target) {
    // BEGIN SOLUTION lesson 7 movedByAKilledLaunch
    return !Files.exists(location) && Files.exists(target);
    // END SOLUTION
  }

  // ---- provided ----

  private void uploadVanished(long taskIdentifier) {
    store
        .updateUpload(taskIdentifier, upload -> upload.withState(UploadState.FAILED))
        .ifPresent(
            failed ->
                notifications.post(
                    new VideoUploadFailed(
                        identifier, taskIdentifier, failed, "its task vanished")));
  }

  private void downloadVanished(long movieTask) {
    store
        .downloadOwning(movieTask)
        .ifPresent(
            key -> {
              VFMVideoDownload failed =
                  store.updateDownload(key, d -> d.withState(DownloadState.FAILED));
              notifications.post(
                  new VideoDownloadFailed(identifier, movieTask, failed, "its task vanished"));
            });
  }
}
