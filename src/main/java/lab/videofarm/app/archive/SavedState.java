package lab.videofarm.app.archive;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.model.VFMVideoUpload;

/**
 * Everything a launch found in the archives. A missing or quarantined archive contributes nothing:
 * no session, no uploads, no downloads.
 *
 * @param session the background session saved by an earlier launch, if any
 * @param uploads uploads keyed by upload task identifier
 * @param downloads downloads keyed by movie task identifier
 * @param quarantined the archives that were damaged and moved aside; the app should tell the user
 *     (for example by posting {@code ArchiveQuarantined})
 */
public record SavedState(
    Optional<SavedSession> session,
    Map<Long, VFMVideoUpload> uploads,
    Map<Long, VFMVideoDownload> downloads,
    List<RestoreResult.Quarantined<?>> quarantined) {

  public SavedState {
    uploads = Map.copyOf(uploads);
    downloads = Map.copyOf(downloads);
    quarantined = List.copyOf(quarantined);
  }
}
