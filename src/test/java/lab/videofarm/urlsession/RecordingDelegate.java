package lab.videofarm.urlsession;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records every delegate call as one line, and the most calls ever running at once. */
class RecordingDelegate implements URLSessionDownloadDelegate, URLSessionDataDelegate {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();
  final List<URLSessionTask> tasks = new CopyOnWriteArrayList<>();
  final List<URLError> errors = new CopyOnWriteArrayList<>();
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger mostAtOnce = new AtomicInteger();

  private void record(String call, URLSessionTask task) {
    int now = running.incrementAndGet();
    mostAtOnce.accumulateAndGet(now, Math::max);
    try {
      calls.add(call);
      threads.add(Thread.currentThread().getName());
      if (task != null) {
        tasks.add(task);
      }
    } finally {
      running.decrementAndGet();
    }
  }

  @Override
  public void didFinishDownloadingTo(
      URLSession session, URLSessionDownloadTask downloadTask, Path location) {
    record(
        "didFinishDownloadingTo " + downloadTask.taskIdentifier() + " " + location, downloadTask);
  }

  @Override
  public void didWriteData(
      URLSession session,
      URLSessionDownloadTask downloadTask,
      long bytesWritten,
      long totalBytesWritten,
      long totalBytesExpectedToWrite) {
    record(
        "didWriteData "
            + downloadTask.taskIdentifier()
            + " "
            + bytesWritten
            + " "
            + totalBytesWritten
            + "/"
            + totalBytesExpectedToWrite,
        downloadTask);
  }

  @Override
  public void didResumeAtOffset(
      URLSession session, URLSessionDownloadTask downloadTask, long fileOffset, long expected) {
    record("didResumeAtOffset " + downloadTask.taskIdentifier() + " " + fileOffset, downloadTask);
  }

  @Override
  public void didCompleteWithError(URLSession session, URLSessionTask task, URLError error) {
    if (error != null) {
      errors.add(error);
    }
    record(
        "didCompleteWithError "
            + task.taskIdentifier()
            + " "
            + (error == null ? "nil" : error.code()),
        task);
  }

  @Override
  public void didReceiveResponse(
      URLSession session, URLSessionDataTask dataTask, HTTPURLResponse response) {
    record(
        "didReceiveResponse " + dataTask.taskIdentifier() + " " + response.statusCode(), dataTask);
  }

  @Override
  public void didReceiveData(URLSession session, URLSessionDataTask dataTask, byte[] data) {
    record("didReceiveData " + dataTask.taskIdentifier() + " " + data.length, dataTask);
  }

  @Override
  public void didSendBodyData(
      URLSession session, URLSessionTask task, long sent, long totalSent, long expected) {
    record("didSendBodyData " + task.taskIdentifier() + " " + totalSent + "/" + expected, task);
  }

  @Override
  public void urlSessionDidFinishEvents(URLSession session) {
    record("urlSessionDidFinishEvents", null);
  }

  @Override
  public void didBecomeInvalidWithError(URLSession session, URLError error) {
    record("didBecomeInvalidWithError " + (error == null ? "nil" : error.code()), null);
  }
}
