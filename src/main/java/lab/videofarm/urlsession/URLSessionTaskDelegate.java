package lab.videofarm.urlsession;

import java.io.InputStream;
import java.util.function.Consumer;

/** Events every kind of task has. */
public interface URLSessionTaskDelegate extends URLSessionDelegate {

  /** Upload progress (rule 16). */
  default void didSendBodyData(
      URLSession session,
      URLSessionTask task,
      long bytesSent,
      long totalBytesSent,
      long totalBytesExpectedToSend) {}

  /**
   * A streamed upload needs its body (again, e.g. after a redirect). Hand a fresh, unopened stream
   * to {@code completionHandler}; the session closes it. Only for streamed uploads (rule 18).
   */
  default void needNewBodyStream(
      URLSession session, URLSessionTask task, Consumer<InputStream> completionHandler) {
    completionHandler.accept(null);
  }

  /**
   * The task is over. {@code error} is null on success and reports only client-side failures: an
   * HTTP 404 or 500 completes with no error (rule 17).
   */
  default void didCompleteWithError(URLSession session, URLSessionTask task, URLError error) {}
}
