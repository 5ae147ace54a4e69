package lab.videofarm.os.transferd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskState;

/**
 * The daemon's side of one {@link TransferCall}: each hook takes the lock briefly, records what the
 * worker saw on the task, and emits the events it calls for. A hook for an attempt that was stopped
 * meanwhile throws instead of recording anything that would outlive it.
 */
final class AttemptHooks implements TransferListener {
  /** The daemon's parts the hooks use; one per daemon, shared by every attempt. */
  record Parts(
      DaemonLock lock,
      Clock clock,
      Mailbox mailbox,
      ProgressMeter meter,
      DownloadsFolder folder,
      TaskTimers timers,
      Completion completion,
      StateStore store,
      DaemonLog log) {}

  private final Parts parts;
  private final DaemonLock lock;
  private final TaskRecord task;
  private final Attempt attempt;

  AttemptHooks(Parts parts, TaskRecord task, Attempt attempt) {
    this.parts = parts;
    this.lock = parts.lock();
    this.task = task;
    this.attempt = attempt;
  }

  @Override
  public TransferCall.Start begin() throws TransferFailure, IOException {
    try {
      synchronized (lock.monitor()) {
        if (attempt.isStopped()) {
          throw new InterruptedIOException("stopped before it began");
        }
        if (task.resumeFailure != null) {
          TransferFailure failure = task.resumeFailure;
          task.resumeFailure = null;
          throw failure;
        }
        return AttemptStart.of(task, parts.folder());
      }
    } finally {
      lock.flush();
    }
  }

  @Override
  public CompletableFuture<InputStream> requestBodyStream() {
    return lock.call(
        () -> {
          CompletableFuture<InputStream> future = new CompletableFuture<>();
          task.waiters.bodyStream = future;
          parts.mailbox().emit(task.session, new TaskEvent.NeedNewBodyStream(task.id));
          return future;
        });
  }

  @Override
  public void requestSent(RequestInfo sent) {
    String range = sent.header("Range").map(value -> " Range: " + value).orElse("");
    String ifRange = sent.header("If-Range").map(value -> " If-Range: " + value).orElse("");
    lock.run(
        () ->
            parts
                .log()
                .task(task, "request sent", sent.method() + " " + sent.url() + range + ifRange));
  }

  @Override
  public void bodyRestarted(long offset) {
    lock.run(
        () -> {
          task.bytesSent = offset;
          parts.meter().restart(task, offset);
        });
  }

  @Override
  public void uploadResumptionOffered(URI resource, int interopVersion) {
    lock.run(
        () -> {
          if (task.isFinished()) {
            return;
          }
          task.uploadResource = resource;
          task.uploadInteropVersion = interopVersion;
          parts
              .log()
              .task(
                  task,
                  "upload resumption supported",
                  "104, interop version " + interopVersion + ", " + resource);
          parts.store().changed();
        });
  }

  @Override
  public void uploadResourceGone(String why) {
    lock.run(
        () -> {
          parts.log().task(task, "upload resource gone", why + "; uploading from the start");
          task.uploadResource = null;
          parts.store().changed();
        });
  }

  @Override
  public void uploadResumed(long offset, long size) {
    lock.run(
        () -> {
          activity(0);
          parts.log().task(task, "upload resumed", "at offset " + offset + " of " + size);
        });
  }

  @Override
  public void bodyBytesSent(int count) {
    lock.run(
        () -> {
          activity(count);
          task.bytesSent += count;
          boolean last = task.expectedToSend >= 0 && task.bytesSent >= task.expectedToSend;
          parts.meter().moved(task, ProgressMeter.Direction.SEND, last);
        });
  }

  @Override
  public void bodySent() {
    lock.run(() -> parts.meter().bodySent(task));
  }

  @Override
  public Path downloadResponse(
      ResponseInfo response,
      long offset,
      long expectedTotal,
      String validator,
      boolean acceptsRanges)
      throws IOException {
    return lock.call(
        () -> {
          acceptResponse(response);
          task.expectedToReceive =
              expectedTotal >= 0
                  ? expectedTotal
                  : (response.expectedContentLength() >= 0
                      ? offset + response.expectedContentLength()
                      : -1);
          task.validator = validator;
          task.acceptsRanges = acceptsRanges;
          // The file is cut to the offset: what lay beyond it no longer counts.
          task.bytesDurable = offset;
          continuesAt(
              offset,
              "HTTP "
                  + response.statusCode()
                  + (offset > 0 ? " continuing at " + offset : "")
                  + (validator != null ? " validator " + validator : "")
                  + (acceptsRanges ? " ranges" : ""));
          return task.tempFile;
        });
  }

  @Override
  public void downloadAlreadyComplete(ResponseInfo response, long length) throws IOException {
    lock.<Void, IOException>call(
        () -> {
          ResponseInfo earlier = task.response;
          acceptResponse(response);
          if (earlier != null) {
            // The app hears of the answer that delivered the bytes, not of the 416.
            task.response = earlier;
          }
          task.expectedToReceive = length;
          continuesAt(
              length,
              "HTTP 416: the " + length + " bytes on disk are the whole resource; finishing");
          return null;
        });
  }

  /** The body (or the rest of it) starts at {@code offset}; announces a resume if it is one. */
  private void continuesAt(long offset, String detail) {
    task.bytesReceived = offset;
    parts.meter().restart(task, offset);
    parts.log().task(task, "response", detail + Details.toReceive(task.expectedToReceive));
    if (task.announceResume) {
      task.announceResume = false;
      parts
          .mailbox()
          .emit(
              task.session,
              new TaskEvent.DidResumeAtOffset(task.id, offset, task.expectedToReceive));
      parts.log().task(task, "resumed at offset", offset + " of " + task.expectedToReceive);
    }
    parts.store().changed();
  }

  /**
   * Records a response that arrived for the attempt still under way; a redirect followed on the way
   * shows in the task's current request.
   */
  private void acceptResponse(ResponseInfo response) throws InterruptedIOException {
    if (attempt.isStopped()) {
      throw new InterruptedIOException("stopped");
    }
    activity(0);
    task.response = response;
    task.currentRequest =
        new RequestInfo(
            task.currentRequest.method(), response.url(), task.currentRequest.headers());
  }

  @Override
  public void bytesWritten(int count) {
    lock.run(
        () -> {
          activity(count);
          task.bytesReceived += count;
          parts.meter().moved(task, ProgressMeter.Direction.WRITE, false);
          if (parts.meter().persistDue(task)) {
            parts.store().progressed();
          }
        });
  }

  @Override
  public void bytesDurable(long length) {
    lock.run(
        () -> {
          task.bytesDurable = length;
          // A whole file or a stopped attempt is journalled as the task completes or the daemon
          // closes; a journal write here would only delay that.
          if (length != task.expectedToReceive && !attempt.isStopped()) {
            parts.store().changed();
          }
        });
  }

  @Override
  public void finishDownload() throws IOException {
    lock.<Void, IOException>call(
        () -> {
          requireRunning();
          parts.meter().finished(task, ProgressMeter.Direction.WRITE);
          parts.timers().cancelIdle(task);
          parts
              .mailbox()
              .emit(
                  task.session,
                  new TaskEvent.DidFinishDownloading(task.id, task.tempFile, task.response));
          parts.completion().succeed(task);
          return null;
        });
  }

  @Override
  public void discardPartialFile() {
    lock.run(
        () -> {
          parts.folder().deleteTempFile(task);
          task.validator = null;
        });
  }

  @Override
  public void responseReceived(ResponseInfo response) throws IOException {
    lock.<Void, IOException>call(
        () -> {
          acceptResponse(response);
          task.bytesReceived = 0;
          task.expectedToReceive = response.expectedContentLength();
          parts
              .log()
              .task(
                  task,
                  "response",
                  "HTTP " + response.statusCode() + Details.toReceive(task.expectedToReceive));
          parts.mailbox().emit(task.session, new TaskEvent.DidReceiveResponse(task.id, response));
          return null;
        });
  }

  @Override
  public void dataReceived(byte[] chunk) {
    lock.run(
        () -> {
          activity(chunk.length);
          task.bytesReceived += chunk.length;
          parts.mailbox().emit(task.session, new TaskEvent.DidReceiveData(task.id, chunk));
          parts.meter().timeline(task, "receiving", task.bytesReceived, task.expectedToReceive);
        });
  }

  @Override
  public void finishData() throws IOException {
    lock.<Void, IOException>call(
        () -> {
          requireRunning();
          parts.completion().succeed(task);
          return null;
        });
  }

  @Override
  public void awaitRunnable() throws InterruptedException, IOException {
    synchronized (lock.monitor()) {
      while (task.state == TaskState.SUSPENDED && !attempt.isStopped()) {
        lock.await();
      }
      if (attempt.isStopped()) {
        throw new InterruptedIOException("attempt stopped: " + attempt.stopReason());
      }
    }
  }

  private void requireRunning() throws InterruptedIOException {
    if (attempt.isStopped()) {
      throw new InterruptedIOException("stopped");
    }
  }

  private void activity(int count) {
    attempt.lastActivity = parts.clock().now();
    attempt.bytesMoved += count;
  }
}
