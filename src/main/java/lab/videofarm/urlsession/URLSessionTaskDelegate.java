package lab.videofarm.urlsession;

import java.io.InputStream;
import java.util.function.BiConsumer;
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
   * A background task's {@link URLSessionTask#earliestBeginDate()} has come (rule 8). Answer with
   * {@code completionHandler}: {@link lab.videofarm.os.DelayedRequestDisposition#CONTINUE_LOADING}
   * (the request given as null), {@link lab.videofarm.os.DelayedRequestDisposition#USE_NEW_REQUEST}
   * with the new request, or {@link lab.videofarm.os.DelayedRequestDisposition#CANCEL}; the task
   * waits until then. Called only while the app runs; a task that comes due while it does not
   * simply starts. Default sessions ignore earliestBeginDate and never call this.
   */
  default void willBeginDelayedRequest(
      URLSession session,
      URLSessionTask task,
      URLRequest request,
      BiConsumer<lab.videofarm.os.DelayedRequestDisposition, URLRequest> completionHandler) {
    completionHandler.accept(lab.videofarm.os.DelayedRequestDisposition.CONTINUE_LOADING, null);
  }

  /**
   * The task is over. {@code error} is null on success and reports only client-side failures: an
   * HTTP 404 or 500 completes with no error (rule 17).
   */
  default void didCompleteWithError(URLSession session, URLSessionTask task, URLError error) {}
}
