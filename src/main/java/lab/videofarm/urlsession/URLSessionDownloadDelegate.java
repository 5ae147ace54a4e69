package lab.videofarm.urlsession;

import java.nio.file.Path;

/**
 * Events of download tasks, in this order (rule 14): {@code didResumeAtOffset} (once, only when
 * resumed), {@code didWriteData}..., {@code didFinishDownloadingTo}, then {@code
 * didCompleteWithError(null)}.
 */
public interface URLSessionDownloadDelegate extends URLSessionTaskDelegate {

  /**
   * The download is in a temporary file that is deleted as soon as this method returns: move it
   * before returning (rule 15), not later on another thread.
   */
  void didFinishDownloadingTo(
      URLSession session, URLSessionDownloadTask downloadTask, Path location);

  /** Progress; {@code totalBytesExpectedToWrite} is -1 when the length is unknown. */
  default void didWriteData(
      URLSession session,
      URLSessionDownloadTask downloadTask,
      long bytesWritten,
      long totalBytesWritten,
      long totalBytesExpectedToWrite) {}

  /** A download created from resume data continues at {@code fileOffset} (0 if it restarted). */
  default void didResumeAtOffset(
      URLSession session,
      URLSessionDownloadTask downloadTask,
      long fileOffset,
      long expectedTotalBytes) {}
}
