package lab.videofarm.app;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import lab.videofarm.app.archive.AppArchives;
import lab.videofarm.app.archive.SavedState;
import lab.videofarm.app.model.DownloadState;
import lab.videofarm.app.model.UploadState;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.model.VFMVideoUpload;

/**
 * The app's uploads and downloads, by task identifier (never by task object, which dies with a
 * launch, rule 26), saved to the archives on every change that matters. Thread-safe: every
 * operation is atomic, so the lessons' code holds no lock of its own.
 *
 * <p><b>The key scheme.</b> An upload is filed under its task's identifier. A download has two
 * tasks and is filed under its movie task's identifier; a paused download has no movie task and
 * keeps the key it had, until {@link #rekey} files it under the new movie task when it resumes.
 * {@link #downloadOwning} finds a download by either of its tasks, whatever its key.
 *
 * <p>Progress changes are kept in memory only ({@code ...Quietly}): saving a file for every few
 * kilobytes would cost more than the progress is worth after a kill.
 */
final class TransferStore {
  private final AppArchives archives;

  /** Guarded by {@code this}. Keyed by upload task identifier. */
  private final Map<Long, VFMVideoUpload> uploads = new LinkedHashMap<>();

  /** Guarded by {@code this}. Keyed by movie task identifier (the old one while paused). */
  private final Map<Long, VFMVideoDownload> downloads = new LinkedHashMap<>();

  /** Guarded by {@code this}. Upload resume data of failed uploads, for this launch only. */
  private final Map<Long, byte[]> uploadResumeData = new HashMap<>();

  /** Told when the app files a record for the first time: the timeline names it then. */
  interface RecordCreated {
    void created(String kind, String videoId, long taskIdentifier);
  }

  private final RecordCreated created;

  TransferStore(AppArchives archives, SavedState saved) {
    this(archives, saved, (kind, record, taskIdentifier) -> {});
  }

  /** {@code created} hears of each record the app files for the first time. */
  TransferStore(AppArchives archives, SavedState saved, RecordCreated created) {
    this.archives = archives;
    this.created = created;
    uploads.putAll(saved.uploads());
    downloads.putAll(saved.downloads());
  }

  // ---- uploads ----

  synchronized Optional<VFMVideoUpload> upload(long taskIdentifier) {
    return Optional.ofNullable(uploads.get(taskIdentifier));
  }

  /** Files {@code upload} under its task identifier and saves. */
  synchronized void putUpload(VFMVideoUpload upload) {
    if (uploads.put(upload.taskIdentifier(), upload) == null) {
      created.created("upload", upload.videoId(), upload.taskIdentifier());
    }
    saveUploads();
  }

  /** Changes the upload of task {@code taskIdentifier} and saves; empty if there is none. */
  synchronized Optional<VFMVideoUpload> updateUpload(
      long taskIdentifier, UnaryOperator<VFMVideoUpload> change) {
    return updateUpload(taskIdentifier, change, true);
  }

  /** {@link #updateUpload} without saving: for progress. */
  synchronized Optional<VFMVideoUpload> updateUploadQuietly(
      long taskIdentifier, UnaryOperator<VFMVideoUpload> change) {
    return updateUpload(taskIdentifier, change, false);
  }

  private Optional<VFMVideoUpload> updateUpload(
      long taskIdentifier, UnaryOperator<VFMVideoUpload> change, boolean save) {
    VFMVideoUpload old = uploads.get(taskIdentifier);
    if (old == null) {
      return Optional.empty();
    }
    VFMVideoUpload changed = change.apply(old);
    uploads.put(taskIdentifier, changed);
    if (save) {
      saveUploads();
    }
    return Optional.of(changed);
  }

  /** The upload of {@code videoId} that is in one of {@code states}, if any. */
  synchronized Optional<VFMVideoUpload> uploadOf(String videoId, UploadState... states) {
    return uploads.values().stream()
        .filter(upload -> videoId.equals(upload.videoId()))
        .filter(upload -> List.of(states).contains(upload.state()))
        .findFirst();
  }

  /** Files the upload of task {@code oldTask} under its new task instead, and saves. */
  synchronized void rekeyUpload(long oldTask, VFMVideoUpload continued) {
    uploads.remove(oldTask);
    uploadResumeData.remove(oldTask);
    uploads.put(continued.taskIdentifier(), continued);
    saveUploads();
  }

  synchronized void keepUploadResumeData(long taskIdentifier, byte[] resumeData) {
    uploadResumeData.put(taskIdentifier, resumeData.clone());
  }

  synchronized Optional<byte[]> uploadResumeData(long taskIdentifier) {
    return Optional.ofNullable(uploadResumeData.get(taskIdentifier)).map(byte[]::clone);
  }

  // ---- downloads ----

  /** The key of the download whose movie or thumbnail task is {@code taskIdentifier}. */
  synchronized Optional<Long> downloadOwning(long taskIdentifier) {
    return downloads.entrySet().stream()
        .filter(entry -> entry.getValue().ownsTask(taskIdentifier))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The key of the download of {@code videoId} that is in one of {@code states}, if any. */
  synchronized Optional<Long> downloadOf(String videoId, DownloadState... states) {
    return downloads.entrySet().stream()
        .filter(entry -> entry.getValue().video().id().equals(videoId))
        .filter(entry -> List.of(states).contains(entry.getValue().state()))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The download filed under {@code key}; the key must come from this store. */
  synchronized VFMVideoDownload download(long key) {
    VFMVideoDownload download = downloads.get(key);
    if (download == null) {
      throw new IllegalArgumentException("no download under key " + key);
    }
    return download;
  }

  /** Files {@code download} under {@code key} and saves. */
  synchronized void putDownload(long key, VFMVideoDownload download) {
    if (downloads.put(key, download) == null) {
      created.created("download", download.video().id(), key);
    }
    saveDownloads();
  }

  /** Changes the download under {@code key} and saves; returns the new record. */
  synchronized VFMVideoDownload updateDownload(long key, UnaryOperator<VFMVideoDownload> change) {
    VFMVideoDownload changed = change.apply(download(key));
    putDownload(key, changed);
    return changed;
  }

  /** {@link #updateDownload} without saving: for progress. */
  synchronized VFMVideoDownload updateDownloadQuietly(
      long key, UnaryOperator<VFMVideoDownload> change) {
    VFMVideoDownload changed = change.apply(download(key));
    downloads.put(key, changed);
    return changed;
  }

  /**
   * Files the download under {@code oldKey} as {@code download} under {@code newKey}, and saves.
   */
  synchronized void rekey(long oldKey, long newKey, VFMVideoDownload download) {
    downloads.remove(oldKey);
    downloads.put(newKey, download);
    saveDownloads();
  }

  // ---- all of them ----

  /** The tasks the records name: each upload's task and each download's movie task. */
  synchronized Set<Long> taskIdentifiers() {
    Set<Long> identifiers = new HashSet<>();
    uploads.values().forEach(upload -> identifiers.add(upload.taskIdentifier()));
    downloads.values().forEach(download -> identifiers.add(download.movieTaskIdentifier()));
    return identifiers;
  }

  synchronized List<VFMVideoUpload> uploads() {
    return List.copyOf(uploads.values());
  }

  synchronized List<VFMVideoDownload> downloads() {
    return List.copyOf(downloads.values());
  }

  /** Saves both archives: the app does this before it is terminated. */
  synchronized void saveAll() {
    saveUploads();
    saveDownloads();
  }

  private void saveUploads() {
    try {
      archives.saveUploads(uploads);
    } catch (IOException e) {
      // ArchiveFile reported it; the previous archive is intact.
    }
  }

  private void saveDownloads() {
    try {
      archives.saveDownloads(downloads);
    } catch (IOException e) {
      // ArchiveFile reported it; the previous archive is intact.
    }
  }
}
