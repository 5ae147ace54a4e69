package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.UploadBody;

/**
 * Step 1 of an attempt: where it starts. A download continues its partial file only up to the bytes
 * known durable, and only when the server can prove them current (a validator, byte ranges, a GET);
 * otherwise it starts from zero. An upload from a file needs the file in place, unchanged if the
 * server holds part of it (rule 37). What the decision implies is recorded on the task: the
 * download's file, that a resume must be announced, the upload's file as it is now.
 *
 * <p>Called under the daemon's lock, by {@link AttemptHooks#begin()}.
 */
final class AttemptStart {
  private AttemptStart() {}

  /** Where the next attempt at {@code task} starts; throws when it cannot start at all. */
  static TransferCall.Start of(TaskRecord task, DownloadsFolder folder)
      throws TransferFailure, IOException {
    return task.spec.kind() == TaskKind.UPLOAD ? upload(task) : downloadOrData(task, folder);
  }

  private static TransferCall.Start downloadOrData(TaskRecord task, DownloadsFolder folder)
      throws IOException {
    long offset = 0;
    String validator = null;
    if (task.spec.kind() == TaskKind.DOWNLOAD) {
      if (task.tempFile == null) {
        task.tempFile = folder.newTempFile();
      }
      // Bytes beyond the durable length may be what a power cut left of them: fetched again.
      long have =
          Files.isRegularFile(task.tempFile)
              ? Math.min(Files.size(task.tempFile), task.bytesDurable)
              : 0;
      if (have > 0
          && task.validator != null
          && task.acceptsRanges
          && "GET".equalsIgnoreCase(task.currentRequest.method())) {
        offset = have;
        validator = task.validator;
      }
      if (have > 0) {
        task.announceResume = true;
      }
    }
    return start(task, offset, validator, null, null, null);
  }

  private static TransferCall.Start upload(TaskRecord task) throws TransferFailure, IOException {
    if (!(task.spec.body() instanceof UploadBody.FromFile file)) {
      task.expectedToSend = TaskFactory.uploadLength(task.spec.body());
      return start(task, 0, null, null, null, null);
    }
    if (!Files.isRegularFile(file.file())) {
      throw new TransferFailure(
          ErrorCodes.FILE_DOES_NOT_EXIST, "The file does not exist: " + file.file());
    }
    long size = Files.size(file.file());
    long modified = Files.getLastModifiedTime(file.file()).toMillis();
    boolean changed =
        task.uploadFileSize >= 0
            && (size != task.uploadFileSize || modified != task.uploadFileModified);
    if (changed && task.uploadResource != null) {
      // Rule 37: the bytes on the server belong to the file as it was.
      throw new TransferFailure(
          ErrorCodes.CANNOT_OPEN_FILE,
          "The file changed since the upload began; the upload cannot be resumed: " + file.file());
    }
    task.uploadFileSize = size;
    task.uploadFileModified = modified;
    task.expectedToSend = TaskFactory.uploadLength(task.spec.body());
    ResumableUploadDraft draft =
        task.uploadResource == null
            ? ResumableUploadDraft.CURRENT
            : ResumableUploadDraft.version(task.uploadInteropVersion)
                .orElse(ResumableUploadDraft.CURRENT);
    return start(task, 0, null, file.file(), task.uploadResource, draft);
  }

  private static TransferCall.Start start(
      TaskRecord task,
      long offset,
      String validator,
      Path uploadFile,
      URI resource,
      ResumableUploadDraft draft) {
    return new TransferCall.Start(
        task.spec.kind(),
        task.currentRequest,
        task.spec.body(),
        task.session.spec.additionalHeaders(),
        offset,
        validator,
        uploadFile,
        resource,
        draft);
  }
}
