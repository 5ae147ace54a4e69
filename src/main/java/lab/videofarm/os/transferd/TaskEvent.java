package lab.videofarm.os.transferd;

import java.nio.file.Path;

/**
 * What the daemon tells a session about its tasks. Each maps onto one delegate call. Events are
 * plain values: the urlsession layer builds the delegate call from them and nothing else.
 *
 * <p>Events of one session are delivered one at a time, in the order they happened. Progress events
 * ({@link DidSendBodyData}, {@link DidWriteData}) are only sent to an attached session; every other
 * event is queued while no app is attached and delivered on the next attach.
 */
public sealed interface TaskEvent {

  /** The task this event is about, or {@link #NO_TASK} for session-wide events. */
  long taskIdentifier();

  long NO_TASK = -1;

  /** {@code urlSession(_:task:didSendBodyData:totalBytesSent:totalBytesExpectedToSend:)} */
  record DidSendBodyData(
      long taskIdentifier, long bytesSent, long totalBytesSent, long totalBytesExpectedToSend)
      implements TaskEvent {}

  /**
   * {@code urlSession(_:task:needNewBodyStream:)}: answer with {@link
   * DaemonConnection#provideBodyStream}.
   */
  record NeedNewBodyStream(long taskIdentifier) implements TaskEvent {}

  /**
   * {@code urlSession(_:task:willBeginDelayedRequest:completionHandler:)}: a background task's
   * earliestBeginDate has come (rule 8). Answer with {@link
   * DaemonConnection#continueDelayedRequest}; the task waits for the answer. Sent only while the
   * app runs: when it does not, or stops running before answering, the daemon continues with the
   * original request, as iOS does.
   */
  record WillBeginDelayedRequest(long taskIdentifier, RequestInfo request) implements TaskEvent {}

  /** {@code urlSession(_:dataTask:didReceive response:)} */
  record DidReceiveResponse(long taskIdentifier, ResponseInfo response) implements TaskEvent {}

  /** {@code urlSession(_:dataTask:didReceive data:)}: a copied chunk of the body. */
  record DidReceiveData(long taskIdentifier, byte[] data) implements TaskEvent {
    public DidReceiveData {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }
  }

  /** {@code urlSession(_:downloadTask:didResumeAtFileOffset:expectedTotalBytes:)} */
  record DidResumeAtOffset(long taskIdentifier, long fileOffset, long expectedTotalBytes)
      implements TaskEvent {}

  /**
   * {@code urlSession(_:downloadTask:didWriteData:totalBytesWritten:totalBytesExpectedToWrite:)}
   */
  record DidWriteData(
      long taskIdentifier,
      long bytesWritten,
      long totalBytesWritten,
      long totalBytesExpectedToWrite)
      implements TaskEvent {}

  /**
   * {@code urlSession(_:downloadTask:didFinishDownloadingTo:)}. The file is the daemon's: it is
   * deleted as soon as delivery of this event returns.
   */
  record DidFinishDownloading(long taskIdentifier, Path location, ResponseInfo response)
      implements TaskEvent {}

  /** {@code urlSession(_:task:didCompleteWithError:)}; {@code error} is null on success. */
  record DidComplete(long taskIdentifier, ResponseInfo response, TransferError error)
      implements TaskEvent {}

  /**
   * {@code urlSessionDidFinishEvents(forBackgroundURLSession:)}: every event queued for a
   * background relaunch (or wake) has now been delivered.
   */
  record DidFinishEventsForBackgroundSession() implements TaskEvent {
    @Override
    public long taskIdentifier() {
      return NO_TASK;
    }
  }

  /**
   * {@code urlSession(_:didBecomeInvalidWithError:)}; {@code error} is null after a clean finish.
   */
  record DidBecomeInvalid(TransferError error) implements TaskEvent {
    @Override
    public long taskIdentifier() {
      return NO_TASK;
    }
  }
}
