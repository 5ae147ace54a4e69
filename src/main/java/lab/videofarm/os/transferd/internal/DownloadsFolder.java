package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.UploadBody;

/**
 * The daemon's {@code downloads} folder and the resume data that points into it.
 *
 * <p>A running download writes {@code CFNetworkDownload_<id>.tmp}. When its task ends with resume
 * data, the file is renamed {@code CFNetworkDownload_<id>.resume} and stamped with the device time:
 * from then on it belongs to the resume data, until a task adopts it (resume data is single-use) or
 * it expires. Like iOS cleaning its temporary files, {@link #sweep} removes resume files older than
 * the configured lifetime, and on start also every file that no restored task owns (what a lost or
 * damaged journal leaves behind).
 */
final class DownloadsFolder {
  static final String FOLDER = "downloads";
  static final String PARTIAL_SUFFIX = ".tmp";
  static final String RESUME_SUFFIX = ".resume";

  private final Path folder;
  private final Clock clock;
  private final DaemonLog log;
  private final Duration resumeDataLifetime;

  /** Guarded by the daemon's lock: the next expiry check, or null once stopped. */
  private Clock.Timer expiry;

  DownloadsFolder(Path stateDirectory, Clock clock, DaemonLog log, Duration resumeDataLifetime) {
    this.folder = stateDirectory.resolve(FOLDER);
    this.clock = clock;
    this.log = log;
    this.resumeDataLifetime = resumeDataLifetime;
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path path() {
    return folder;
  }

  Duration resumeDataLifetime() {
    return resumeDataLifetime;
  }

  Path newTempFile() {
    return folder.resolve(
        "CFNetworkDownload_" + UUID.randomUUID().toString().substring(0, 8) + PARTIAL_SUFFIX);
  }

  /** Takes over the partial file of download resume data; failures wait in resumeFailure. */
  void adopt(TaskRecord task, byte[] bytes) {
    ResumeData data;
    try {
      data = ResumeData.decode(bytes);
    } catch (ResumeData.InvalidResumeDataException e) {
      task.resumeFailure = new TransferFailure(ErrorCodes.CANNOT_DECODE_RAW_DATA, e.getMessage());
      return;
    }
    task.originalRequest = data.originalRequest();
    task.currentRequest =
        new RequestInfo(
            data.currentRequest().method(), data.url(), data.currentRequest().headers());
    Path partial = folder.resolve(data.tempFileName());
    if (!Files.isRegularFile(partial)) {
      task.resumeFailure =
          new TransferFailure(
              ErrorCodes.CANNOT_OPEN_FILE,
              "the partial file of this resume data is gone (resume data can be used once,"
                  + " and expires after "
                  + resumeDataLifetime.toHours()
                  + " h)");
      return;
    }
    try {
      Path mine = newTempFile();
      // Taking the file is what makes resume data single-use.
      Files.move(partial, mine, StandardCopyOption.ATOMIC_MOVE);
      task.tempFile = mine;
      task.bytesReceived = Math.min(Files.size(mine), data.bytesReceived());
      task.bytesDurable = task.bytesReceived;
      task.validator = data.validator();
      task.acceptsRanges = true;
      task.expectedToReceive = data.expectedTotalBytes();
      task.announceResume = true;
    } catch (IOException e) {
      task.resumeFailure =
          new TransferFailure(ErrorCodes.CANNOT_OPEN_FILE, "cannot take the partial file: " + e);
    }
  }

  /** Resume data when rules 27 (downloads) and 35 (uploads) allow it, else null. */
  byte[] resumeDataFor(TaskRecord task) {
    if (task.spec.kind() == TaskKind.UPLOAD) {
      return uploadResumeDataFor(task);
    }
    if (task.spec.kind() != TaskKind.DOWNLOAD
        || task.tempFile == null
        || task.validator == null
        || !task.acceptsRanges
        || !"GET".equalsIgnoreCase(task.currentRequest.method())
        || !Files.isRegularFile(task.tempFile)) {
      return null;
    }
    try {
      return new ResumeData(
              task.currentRequest.url(),
              Math.min(Files.size(task.tempFile), task.bytesDurable),
              task.expectedToReceive,
              task.validator,
              resumeName(task.tempFile),
              task.originalRequest,
              task.currentRequest)
          .encode();
    } catch (IOException e) {
      return null;
    }
  }

  /** A file upload the server offered to resume (a 104), else null. */
  private static byte[] uploadResumeDataFor(TaskRecord task) {
    if (task.uploadResource == null
        || !(task.spec.body() instanceof UploadBody.FromFile file)
        || task.uploadFileSize < 0) {
      return null;
    }
    return new UploadResumeData(
            task.uploadInteropVersion,
            task.uploadResource,
            file.file(),
            task.uploadFileSize,
            task.uploadFileModified,
            task.originalRequest)
        .encode();
  }

  /** The task ended with resume data: its partial file now belongs to that resume data. */
  void handToResumeData(TaskRecord task) {
    Path partial = task.tempFile;
    task.tempFile = null;
    if (partial == null || task.spec.kind() != TaskKind.DOWNLOAD) {
      return;
    }
    try {
      Path kept = folder.resolve(resumeName(partial));
      Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
      Files.setLastModifiedTime(kept, FileTime.from(clock.now()));
    } catch (IOException e) {
      log.task(task, "resume data unusable", "cannot keep the partial file: " + e);
    }
  }

  private static String resumeName(Path partial) {
    String name = partial.getFileName().toString();
    String base =
        name.endsWith(PARTIAL_SUFFIX)
            ? name.substring(0, name.length() - PARTIAL_SUFFIX.length())
            : name;
    return base + RESUME_SUFFIX;
  }

  /**
   * Forces a running download's file to disk and counts all of it as durable: the daemon is
   * closing, and its last journal write should let the next daemon continue where this one stopped.
   */
  void makeDurable(TaskRecord task) {
    if (task.run.attempt == null || task.tempFile == null || !Files.isRegularFile(task.tempFile)) {
      return;
    }
    try (FileChannel file = FileChannel.open(task.tempFile, StandardOpenOption.READ)) {
      // Measured before the force: every byte up to here was written before it began.
      long length = file.size();
      file.force(true);
      task.bytesDurable = Math.max(task.bytesDurable, length);
    } catch (IOException e) {
      log.task(task, "partial file not forced", DaemonLog.describe(e));
    }
  }

  void deleteTempFile(TaskRecord task) {
    if (task.tempFile != null) {
      deleteQuietly(task.tempFile);
      task.tempFile = null;
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover temp file is harmless; the folder is the daemon's and the sweep retries
    }
  }

  /**
   * Removes resume files older than the lifetime, and with {@code orphansToo} (on start) every
   * other file that is not in {@code owned}. Returns how many files were removed.
   */
  private int sweep(Set<Path> owned, boolean orphansToo) {
    Instant now = clock.now();
    int removed = 0;
    for (Path file : files()) {
      if (owned.contains(file)) {
        continue;
      }
      String name = file.getFileName().toString();
      if (name.endsWith(RESUME_SUFFIX)) {
        if (expired(file, now)) {
          deleteQuietly(file);
          removed++;
          log.daemon("resume data expired", name + ": unused for " + resumeDataLifetime);
        }
      } else if (orphansToo) {
        deleteQuietly(file);
        removed++;
        log.daemon("orphan file removed", name + ": no task owns it");
      }
    }
    return removed;
  }

  /**
   * Removes on start what no restored task owns, then expires unused resume data as device time
   * passes, checking a few times per lifetime. Called under the daemon's lock.
   */
  void startExpiring(DaemonLock lock, Collection<SessionChannel> sessions) {
    sweep(owned(sessions), true);
    Duration every = resumeDataLifetime.dividedBy(4);
    Duration interval =
        every.compareTo(Duration.ofHours(1)) > 0
            ? Duration.ofHours(1)
            : (every.isZero() ? Duration.ofSeconds(1) : every);
    scheduleExpiry(lock, sessions, interval);
  }

  private void scheduleExpiry(
      DaemonLock lock, Collection<SessionChannel> sessions, Duration interval) {
    expiry =
        clock.schedule(
            interval,
            () ->
                lock.run(
                    () -> {
                      if (expiry != null) {
                        sweep(owned(sessions), false);
                        scheduleExpiry(lock, sessions, interval);
                      }
                    }));
  }

  /** Stops the expiry checks; under the daemon's lock. */
  void stopExpiring() {
    if (expiry != null) {
      expiry.cancel();
      expiry = null;
    }
  }

  /** The files a task or a queued event still needs. */
  private static Set<Path> owned(Collection<SessionChannel> sessions) {
    Set<Path> owned = new HashSet<>();
    for (SessionChannel channel : sessions) {
      for (TaskRecord task : channel.tasks.values()) {
        if (task.tempFile != null) {
          owned.add(task.tempFile);
        }
      }
      for (SessionChannel.Pending pending : channel.queue) {
        if (pending.event() instanceof TaskEvent.DidFinishDownloading finished) {
          owned.add(finished.location());
        }
      }
    }
    return owned;
  }

  private boolean expired(Path file, Instant now) {
    try {
      Instant stamped = Files.getLastModifiedTime(file).toInstant();
      return Duration.between(stamped, now).compareTo(resumeDataLifetime) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  private List<Path> files() {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry)) {
          files.add(entry);
        }
      }
    } catch (IOException e) {
      log.daemon("downloads folder unreadable", DaemonLog.describe(e));
    }
    return files;
  }
}
