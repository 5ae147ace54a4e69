package lab.videofarm.urlsession;

import java.io.InputStream;
import lab.videofarm.os.DelayedRequestDisposition;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;

/**
 * Turns each event from the daemon into its delegate call: one method per {@link TaskEvent}. Runs
 * on the delegate queue, one event at a time, so the task objects are updated in event order before
 * the delegate sees them. A task with a completion handler has its response, body and completion go
 * to the handler instead ({@link CompletionHandlers}).
 */
final class EventDispatcher {
  private final URLSession session;
  private final TaskRegistry tasks;
  private final CompletionHandlers handlers;
  private final DaemonLink link;
  private final SessionLog log;

  EventDispatcher(
      URLSession session,
      TaskRegistry tasks,
      CompletionHandlers handlers,
      DaemonLink link,
      SessionLog log) {
    this.session = session;
    this.tasks = tasks;
    this.handlers = handlers;
    this.link = link;
    this.log = log;
  }

  void dispatch(TaskEvent event) {
    if (event instanceof TaskEvent.DidSendBodyData e) {
      didSendBodyData(e);
    } else if (event instanceof TaskEvent.NeedNewBodyStream e) {
      needNewBodyStream(e);
    } else if (event instanceof TaskEvent.WillBeginDelayedRequest e) {
      willBeginDelayedRequest(e);
    } else if (event instanceof TaskEvent.DidReceiveResponse e) {
      didReceiveResponse(e);
    } else if (event instanceof TaskEvent.DidReceiveData e) {
      didReceiveData(e);
    } else if (event instanceof TaskEvent.DidResumeAtOffset e) {
      didResumeAtOffset(e);
    } else if (event instanceof TaskEvent.DidWriteData e) {
      didWriteData(e);
    } else if (event instanceof TaskEvent.DidFinishDownloading e) {
      didFinishDownloading(e);
    } else if (event instanceof TaskEvent.DidComplete e) {
      didComplete(e);
    } else if (event instanceof TaskEvent.DidFinishEventsForBackgroundSession) {
      didFinishEvents();
    } else if (event instanceof TaskEvent.DidBecomeInvalid e) {
      didBecomeInvalid(e);
    }
    // TaskEvent is sealed: every kind has its branch above.
  }

  private void didSendBodyData(TaskEvent.DidSendBodyData e) {
    long id = e.taskIdentifier();
    URLSessionTask task = tasks.forEvent(id, TaskKind.UPLOAD);
    task.sent(e.totalBytesSent(), e.totalBytesExpectedToSend());
    if (session.delegate() instanceof URLSessionTaskDelegate d) {
      log.delegateCall(
          id,
          "didSendBodyData",
          e.bytesSent() + " " + e.totalBytesSent() + "/" + e.totalBytesExpectedToSend(),
          () ->
              d.didSendBodyData(
                  session, task, e.bytesSent(), e.totalBytesSent(), e.totalBytesExpectedToSend()));
    }
  }

  private void needNewBodyStream(TaskEvent.NeedNewBodyStream e) {
    long id = e.taskIdentifier();
    URLSessionTask task = tasks.forEvent(id, TaskKind.UPLOAD);
    if (session.delegate() instanceof URLSessionTaskDelegate d) {
      log.delegateCall(
          id,
          "needNewBodyStream",
          "",
          () -> d.needNewBodyStream(session, task, stream -> provideBodyStream(task, stream)));
    } else {
      provideBodyStream(task, null);
    }
  }

  private void willBeginDelayedRequest(TaskEvent.WillBeginDelayedRequest e) {
    long id = e.taskIdentifier();
    URLSessionTask task = tasks.forEvent(id, null);
    URLRequest request = Conversions.urlRequest(e.request());
    if (session.delegate() instanceof URLSessionTaskDelegate d) {
      log.delegateCall(
          id,
          "willBeginDelayedRequest",
          request.toString(),
          () ->
              d.willBeginDelayedRequest(
                  session,
                  task,
                  request,
                  (disposition, newRequest) ->
                      continueDelayedRequest(task, disposition, newRequest)));
    } else {
      continueDelayedRequest(task, DelayedRequestDisposition.CONTINUE_LOADING, null);
    }
  }

  private void didReceiveResponse(TaskEvent.DidReceiveResponse e) {
    long id = e.taskIdentifier();
    URLSessionTask task = tasks.forEvent(id, TaskKind.DATA);
    HTTPURLResponse response = Conversions.httpResponse(e.response());
    task.responded(response);
    if (!handlers.owns(id)
        && session.delegate() instanceof URLSessionDataDelegate d
        && task instanceof URLSessionDataTask dataTask) {
      log.delegateCall(
          id,
          "didReceiveResponse",
          String.valueOf(response.statusCode()),
          () -> d.didReceiveResponse(session, dataTask, response));
    }
  }

  private void didReceiveData(TaskEvent.DidReceiveData e) {
    long id = e.taskIdentifier();
    URLSessionTask task = tasks.forEvent(id, TaskKind.DATA);
    byte[] data = e.data();
    task.received(task.countOfBytesReceived() + data.length, -1);
    if (!handlers.gather(id, data)
        && session.delegate() instanceof URLSessionDataDelegate d
        && task instanceof URLSessionDataTask dataTask) {
      log.delegateCall(
          id,
          "didReceiveData",
          data.length + " bytes",
          () -> d.didReceiveData(session, dataTask, data));
    }
  }

  private void didResumeAtOffset(TaskEvent.DidResumeAtOffset e) {
    long id = e.taskIdentifier();
    URLSessionTask task = tasks.forEvent(id, TaskKind.DOWNLOAD);
    task.received(e.fileOffset(), e.expectedTotalBytes());
    if (!handlers.owns(id)
        && session.delegate() instanceof URLSessionDownloadDelegate d
        && task instanceof URLSessionDownloadTask download) {
      log.delegateCall(
          id,
          "didResumeAtOffset",
          e.fileOffset() + " of " + e.expectedTotalBytes(),
          () -> d.didResumeAtOffset(session, download, e.fileOffset(), e.expectedTotalBytes()));
    }
  }

  private void didWriteData(TaskEvent.DidWriteData e) {
    long id = e.taskIdentifier();
    URLSessionTask task = tasks.forEvent(id, TaskKind.DOWNLOAD);
    task.received(e.totalBytesWritten(), e.totalBytesExpectedToWrite());
    if (session.delegate() instanceof URLSessionDownloadDelegate d
        && task instanceof URLSessionDownloadTask download) {
      log.delegateCall(
          id,
          "didWriteData",
          e.bytesWritten() + " " + e.totalBytesWritten() + "/" + e.totalBytesExpectedToWrite(),
          () ->
              d.didWriteData(
                  session,
                  download,
                  e.bytesWritten(),
                  e.totalBytesWritten(),
                  e.totalBytesExpectedToWrite()));
    }
  }

  private void didFinishDownloading(TaskEvent.DidFinishDownloading e) {
    long id = e.taskIdentifier();
    URLSessionTask task = tasks.forEvent(id, TaskKind.DOWNLOAD);
    HTTPURLResponse response = Conversions.httpResponse(e.response());
    task.responded(response);
    if (!handlers.finishedDownloading(id, e.location(), response)
        && session.delegate() instanceof URLSessionDownloadDelegate d
        && task instanceof URLSessionDownloadTask download) {
      log.delegateCall(
          id,
          "didFinishDownloadingTo",
          e.location().toString(),
          () -> d.didFinishDownloadingTo(session, download, e.location()));
    }
  }

  private void didComplete(TaskEvent.DidComplete e) {
    long id = e.taskIdentifier();
    URLSessionTask task = tasks.forEvent(id, null);
    HTTPURLResponse response = Conversions.httpResponse(e.response());
    URLError error = Conversions.urlError(e.error(), task instanceof URLSessionUploadTask);
    task.completed(response, error);
    tasks.remove(id);
    if (!handlers.completed(id, response, error)
        && session.delegate() instanceof URLSessionTaskDelegate d) {
      log.delegateCall(
          id,
          "didCompleteWithError",
          error == null ? "nil" : error.code() + " " + error.getMessage(),
          () -> d.didCompleteWithError(session, task, error));
    }
  }

  private void didFinishEvents() {
    URLSessionDelegate target = session.delegate();
    if (target != null) {
      log.delegateCall(
          TimelineEvent.NO_TASK,
          "urlSessionDidFinishEvents",
          "",
          () -> target.urlSessionDidFinishEvents(session));
    }
  }

  private void didBecomeInvalid(TaskEvent.DidBecomeInvalid e) {
    URLError error = Conversions.urlError(e.error(), false);
    session.becameInvalid(
        error,
        target ->
            log.delegateCall(
                TimelineEvent.NO_TASK,
                "didBecomeInvalidWithError",
                error == null ? "nil" : error.toString(),
                () -> target.didBecomeInvalidWithError(session, error)));
  }

  // ---- the delegate's answers, back to the daemon ----

  private void continueDelayedRequest(
      URLSessionTask task, DelayedRequestDisposition disposition, URLRequest newRequest) {
    DelayedRequestDisposition answer =
        disposition == null ? DelayedRequestDisposition.CONTINUE_LOADING : disposition;
    if (answer == DelayedRequestDisposition.USE_NEW_REQUEST && newRequest == null) {
      log.session(
          task.taskIdentifier(),
          "delayed request answer ignored",
          "useNewRequest without a request: continuing with the original",
          Severity.WARNING);
      answer = DelayedRequestDisposition.CONTINUE_LOADING;
    }
    if (answer == DelayedRequestDisposition.CANCEL) {
      task.markCanceling();
    }
    RequestInfo replacement = null;
    if (answer == DelayedRequestDisposition.USE_NEW_REQUEST) {
      replacement = Conversions.requestInfo(newRequest);
      task.requestReplaced(newRequest);
    }
    DelayedRequestDisposition forDaemon = answer;
    RequestInfo toDaemon = replacement;
    link.forward(
        task.taskIdentifier(),
        "continueDelayedRequest",
        daemon -> daemon.continueDelayedRequest(task.taskIdentifier(), forDaemon, toDaemon));
  }

  private void provideBodyStream(URLSessionTask task, InputStream stream) {
    if (stream == null) {
      log.session(
          task.taskIdentifier(),
          "no new body stream",
          "no stream given: the task is cancelled",
          Severity.WARNING);
      task.cancel();
      return;
    }
    link.forward(
        task.taskIdentifier(),
        "provideBodyStream",
        daemon -> daemon.provideBodyStream(task.taskIdentifier(), stream));
  }
}
