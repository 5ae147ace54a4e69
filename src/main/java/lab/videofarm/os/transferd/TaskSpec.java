package lab.videofarm.os.transferd;

import java.time.Instant;
import java.util.Objects;

/**
 * What a new task should do.
 *
 * @param kind data, download or upload
 * @param request the original request; for a task made from resume data the daemon takes the
 *     request from the resume data instead (see the task's snapshot)
 * @param body the upload body, {@link UploadBody.None} for other kinds; for an upload made from
 *     resume data the daemon takes the file from the resume data
 * @param resumeData opaque resume data to continue from (download resume data for a download,
 *     upload resume data for an upload), or null for a fresh task
 * @param taskDescription the app's own label for the task, or null
 * @param earliestBeginDate do not start before this device time, or null (background only)
 */
public record TaskSpec(
    TaskKind kind,
    RequestInfo request,
    UploadBody body,
    byte[] resumeData,
    String taskDescription,
    Instant earliestBeginDate) {

  public TaskSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(request, "request");
    body = body == null ? new UploadBody.None() : body;
    resumeData = resumeData == null ? null : resumeData.clone();
  }

  @Override
  public byte[] resumeData() {
    return resumeData == null ? null : resumeData.clone();
  }
}
