package lab.videofarm.os.transferd;

import java.net.URI;

/**
 * Why a task failed, as plain data. The urlsession layer turns it into a {@code URLError}.
 *
 * @param code an {@code NSURLErrorDomain} code, such as -999 for cancelled
 * @param description a human-readable reason
 * @param failingUrl the URL that failed, or null
 * @param resumeData opaque resume data of the task's kind (download or upload), or null when it
 *     cannot be resumed
 * @param backgroundCancelReason why the system cancelled a background task (0 user force-quit, 1
 *     background updates disabled, 2 insufficient system resources), or null
 */
public record TransferError(
    int code,
    String description,
    URI failingUrl,
    byte[] resumeData,
    Integer backgroundCancelReason) {

  public TransferError {
    resumeData = resumeData == null ? null : resumeData.clone();
  }

  @Override
  public byte[] resumeData() {
    return resumeData == null ? null : resumeData.clone();
  }
}
