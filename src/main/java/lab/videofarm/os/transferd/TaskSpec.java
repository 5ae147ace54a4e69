package lab.videofarm.os.transferd;

import java.time.Instant;
import java.util.Objects;

/**
 * What a new task should do.
 *
 * @param kind data, download or upload
 * @param request the original request; for a download made from resume data the daemon takes the
 *     request from the resume data instead (see the task's snapshot)
 * @param body the upload body, {@link UploadBody.None} for other kinds
 * @param resumeData opaque download resume data to continue from, or null for a fresh download
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
