package lab.videofarm.testapp;

import static lab.videofarm.testing.TestBytes.sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.uikit.Application;
import lab.videofarm.urlsession.HTTPURLResponse;
import lab.videofarm.urlsession.URLError;
import lab.videofarm.urlsession.URLSession;
import lab.videofarm.urlsession.URLSessionDataDelegate;
import lab.videofarm.urlsession.URLSessionDataTask;
import lab.videofarm.urlsession.URLSessionDownloadDelegate;
import lab.videofarm.urlsession.URLSessionDownloadTask;
import lab.videofarm.urlsession.URLSessionTask;

/**
 * Reports every delegate call on the timeline as {@code <method> task=<id> ... thread=<name>},
 * moves finished downloads into the container (inside the callback, as it must) and keeps resume
 * data from failed downloads there.
 */
final class TestSessionDelegate implements URLSessionDownloadDelegate, URLSessionDataDelegate {
  private final TestAppDelegate app;
  private final Application application;

  TestSessionDelegate(TestAppDelegate app, Application application) {
    this.app = app;
    this.application = application;
  }

  private void report(String method, URLSessionTask task, String detail) {
    application.report(
        Layer.APP,
        "",
        task == null ? -1 : task.taskIdentifier(),
        method,
        (task == null ? "" : "task=" + task.taskIdentifier() + " ")
            + detail
            + " thread="
            + Thread.currentThread().getName());
  }

  @Override
  public void didWriteData(
      URLSession session,
      URLSessionDownloadTask task,
      long bytesWritten,
      long totalBytesWritten,
      long totalBytesExpectedToWrite) {
    report("didWriteData", task, totalBytesWritten + "/" + totalBytesExpectedToWrite);
  }

  @Override
  public void didResumeAtOffset(
      URLSession session, URLSessionDownloadTask task, long fileOffset, long expectedTotalBytes) {
    report("didResumeAtOffset", task, "offset=" + fileOffset + " of " + expectedTotalBytes);
  }

  @Override
  public void didFinishDownloadingTo(
      URLSession session, URLSessionDownloadTask task, Path location) {
    String name =
        task.taskDescription() == null ? "task-" + task.taskIdentifier() : task.taskDescription();
    Path target = application.containerDirectory().resolve("downloads").resolve(name);
    try {
      Files.createDirectories(target.getParent());
      Files.move(location, target, StandardCopyOption.REPLACE_EXISTING);
      report(
          "didFinishDownloadingTo",
          task,
          "file=" + name + " sha256=" + sha256(target) + " status=" + task.response().statusCode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void didSendBodyData(
      URLSession session, URLSessionTask task, long sent, long totalSent, long expected) {
    report("didSendBodyData", task, totalSent + "/" + expected);
  }

  @Override
  public void didReceiveResponse(
      URLSession session, URLSessionDataTask task, HTTPURLResponse response) {
    report("didReceiveResponse", task, "status=" + response.statusCode());
  }

  @Override
  public void didReceiveData(URLSession session, URLSessionDataTask task, byte[] data) {
    report("didReceiveData", task, data.length + " bytes");
  }

  @Override
  public void didCompleteWithError(URLSession session, URLSessionTask task, URLError error) {
    String resume = "none";
    java.util.Optional<byte[]> resumeData =
        error == null
            ? java.util.Optional.empty()
            : error.downloadTaskResumeData().or(error::uploadTaskResumeData);
    if (resumeData.isPresent()) {
      byte[] data = resumeData.get();
      try {
        Files.write(
            application.containerDirectory().resolve("resume-" + task.taskIdentifier() + ".bin"),
            data);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      resume = "saved";
    }
    report(
        "didCompleteWithError",
        task,
        "error="
            + (error == null ? "nil" : error.code())
            + " reason="
            + (error == null || error.backgroundTaskCancelledReason().isEmpty()
                ? "-"
                : error.backgroundTaskCancelledReason().getAsInt())
            + " resumeData="
            + resume
            + " status="
            + (task.response() == null ? "-" : task.response().statusCode())
            + " description="
            + task.taskDescription());
  }

  @Override
  public void urlSessionDidFinishEvents(URLSession session) {
    report("urlSessionDidFinishEvents", null, "");
    app.finishedBackgroundEvents();
  }
}
