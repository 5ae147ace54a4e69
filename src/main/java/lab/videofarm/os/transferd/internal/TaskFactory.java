package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.nio.file.Files;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.UploadBody;

/**
 * Makes the record of a new task, taking over its resume data: a download's partial file, or an
 * upload's resource on the server. Resume data that cannot be used does not stop the task from
 * being created; its first attempt fails with the reason (as iOS does).
 */
final class TaskFactory {
  private TaskFactory() {}

  static TaskRecord create(
      SessionChannel channel, long id, TaskSpec requested, int launch, DownloadsFolder folder) {
    if (requested.kind() == TaskKind.UPLOAD && requested.resumeData() != null) {
      return resumedUpload(channel, id, requested, launch);
    }
    TaskRecord task = new TaskRecord(channel, id, requested, launch);
    if (requested.kind() == TaskKind.DOWNLOAD && requested.resumeData() != null) {
      folder.adopt(task, requested.resumeData());
    }
    task.expectedToSend = uploadLength(requested.body());
    return task;
  }

  private static TaskRecord resumedUpload(
      SessionChannel channel, long id, TaskSpec requested, int launch) {
    UploadResumeData resume;
    try {
      resume = UploadResumeData.decode(requested.resumeData());
    } catch (ResumeData.InvalidResumeDataException e) {
      TaskRecord task = new TaskRecord(channel, id, requested, launch);
      task.resumeFailure = new TransferFailure(ErrorCodes.CANNOT_DECODE_RAW_DATA, e.getMessage());
      task.expectedToSend = uploadLength(requested.body());
      return task;
    }
    TaskSpec spec =
        new TaskSpec(
            TaskKind.UPLOAD,
            resume.originalRequest(),
            new UploadBody.FromFile(resume.file()),
            null,
            requested.taskDescription(),
            requested.earliestBeginDate());
    TaskRecord task = new TaskRecord(channel, id, spec, launch);
    task.uploadResource = resume.uploadResource();
    task.uploadInteropVersion = resume.interopVersion();
    task.uploadFileSize = resume.fileSize();
    task.uploadFileModified = resume.fileModifiedMillis();
    task.expectedToSend = uploadLength(spec.body());
    return task;
  }

  /** The bytes an upload body will send, or -1 when that cannot be known. */
  static long uploadLength(UploadBody body) {
    try {
      if (body instanceof UploadBody.FromFile file) {
        return Files.isRegularFile(file.file()) ? Files.size(file.file()) : -1;
      }
    } catch (IOException e) {
      return -1;
    }
    if (body instanceof UploadBody.FromData data) {
      return data.data().length;
    }
    if (body instanceof UploadBody.None) {
      return 0;
    }
    return -1;
  }
}
