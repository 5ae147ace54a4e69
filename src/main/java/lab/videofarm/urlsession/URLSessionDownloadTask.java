package lab.videofarm.urlsession;

import java.util.function.Consumer;

/**
 * A task whose response body goes into a file the daemon owns until {@code didFinishDownloadingTo}.
 */
public final class URLSessionDownloadTask extends URLSessionTask {
  URLSessionDownloadTask(
      DaemonLink link, long id, URLRequest request, String description, State state) {
    super(link, id, request, description, state);
  }

  /**
   * Cancels the download and hands {@code completionHandler} resume data, or null when the download
   * cannot be resumed (rule 27). The handler runs on the delegate queue; the task still completes
   * with {@link URLError#CANCELLED}.
   */
  public void cancelByProducingResumeData(Consumer<byte[]> completionHandler) {
    cancelForResumeData(completionHandler);
  }
}
