package lab.videofarm.app.archive;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.model.VFMVideoUpload;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.uikit.Application;

/**
 * The app's three archives, in its container directory:
 *
 * <pre>
 *   session.json     the background session identifier          {@link SavedSession}
 *   uploads.json     uploads keyed by upload task identifier    Map&lt;Long, VFMVideoUpload&gt;
 *   downloads.json   downloads keyed by movie task identifier   Map&lt;Long, VFMVideoDownload&gt;
 * </pre>
 *
 * Each is an {@link ArchiveFile}: saved atomically, restored without ever throwing. They are
 * separate files so that one damaged archive costs only what it held.
 *
 * <p>A download has two tasks; it is filed under its movie task, the one whose events matter most.
 * A paused download has no movie task any more and keeps the key it had; when it resumes with a new
 * task, the app files it again under the new identifier.
 */
public final class AppArchives {
  private final ArchiveFile<SavedSession> session;
  private final ArchiveFile<Map<Long, VFMVideoUpload>> uploads;
  private final ArchiveFile<Map<Long, VFMVideoDownload>> downloads;

  public AppArchives(Application application, Clock clock) {
    this(
        new ArchiveFile<>(application, clock, "session", new TypeReference<>() {}),
        new ArchiveFile<>(application, clock, "uploads", new TypeReference<>() {}),
        new ArchiveFile<>(application, clock, "downloads", new TypeReference<>() {}));
  }

  AppArchives(
      ArchiveFile<SavedSession> session,
      ArchiveFile<Map<Long, VFMVideoUpload>> uploads,
      ArchiveFile<Map<Long, VFMVideoDownload>> downloads) {
    this.session = session;
    this.uploads = uploads;
    this.downloads = downloads;
  }

  /** Reads all three archives: what {@code didFinishLaunching} does first. Never throws. */
  public SavedState restore() {
    List<RestoreResult.Quarantined<?>> quarantined = new ArrayList<>();
    RestoreResult<SavedSession> savedSession = collect(session.restore(), quarantined);
    RestoreResult<Map<Long, VFMVideoUpload>> savedUploads = collect(uploads.restore(), quarantined);
    RestoreResult<Map<Long, VFMVideoDownload>> savedDownloads =
        collect(downloads.restore(), quarantined);
    return new SavedState(
        Optional.ofNullable(savedSession.contentsOr(null)),
        savedUploads.contentsOr(Map.of()),
        savedDownloads.contentsOr(Map.of()),
        quarantined);
  }

  public void saveSession(SavedSession saved) throws IOException {
    session.save(saved);
  }

  public void saveUploads(Map<Long, VFMVideoUpload> byTaskIdentifier) throws IOException {
    uploads.save(byTaskIdentifier);
  }

  public void saveDownloads(Map<Long, VFMVideoDownload> byTaskIdentifier) throws IOException {
    downloads.save(byTaskIdentifier);
  }

  /** The archive files, for views that show them. */
  public List<ArchiveFile<?>> files() {
    return List.of(session, uploads, downloads);
  }

  private static <T> RestoreResult<T> collect(
      RestoreResult<T> result, List<RestoreResult.Quarantined<?>> quarantined) {
    if (result instanceof RestoreResult.Quarantined<T> damaged) {
      quarantined.add(damaged);
    }
    return result;
  }
}
