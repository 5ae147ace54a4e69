package lab.videofarm.urlsession;

import java.util.function.Consumer;

/**
 * A data task whose request body comes from a file (the only kind background sessions accept), from
 * bytes, or from a stream the delegate supplies.
 *
 * <p><b>Resumable uploads (iOS 17 and later).</b> An upload from a file announces the IETF draft
 * "Resumable Uploads for HTTP" (interop version 3). When the server answers {@code 104 Upload
 * Resumption Supported}, a cut upload can continue where the server stands instead of starting
 * over: {@link #cancelByProducingResumeData}, or the resume data in a failed task's error ({@link
 * URLError#uploadTaskResumeData()}), then {@link URLSession#uploadTask(byte[])}. The file must not
 * change in between (rule 37). Background sessions continue a dropped upload that way by
 * themselves.
 */
public final class URLSessionUploadTask extends URLSessionDataTask {
  URLSessionUploadTask(
      DaemonLink link, long id, URLRequest request, String description, State state) {
    super(link, id, request, description, state);
  }

  /**
   * Cancels the upload and hands {@code completionHandler} resume data, or null when the upload
   * cannot be resumed: the server did not offer resumption (no 104), or the body is not a file
   * (rule 35). The handler runs on the delegate queue; the task still completes with {@link
   * URLError#CANCELLED}.
   */
  public void cancelByProducingResumeData(Consumer<byte[]> completionHandler) {
    cancelForResumeData(completionHandler);
  }
}
