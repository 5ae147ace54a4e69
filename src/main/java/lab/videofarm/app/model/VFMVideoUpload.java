package lab.videofarm.app.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A movie on its way to the server: the {@link VFMVideo} it belongs to plus what the background
 * upload task needs and reports. Kept in the uploads archive keyed by {@link #taskIdentifier()}, so
 * a relaunched app can match the daemon's events to it.
 *
 * @param video what the user described
 * @param taskIdentifier the upload task's identifier in the background session, or {@link #NO_TASK}
 *     while preparing
 * @param sourceFile the movie file being sent; it must stay in place until the task completes
 * @param videoId the server's id for the video, from the prepare step
 * @param remotePath where the movie is {@code PUT}, such as {@code /videos/42/movie}
 * @param bytesSent bytes sent so far
 * @param bytesExpected bytes to send in all, or {@link #UNKNOWN_LENGTH}
 * @param state where the upload stands
 */
public record VFMVideoUpload(
    VFMVideo video,
    long taskIdentifier,
    Path sourceFile,
    String videoId,
    String remotePath,
    long bytesSent,
    long bytesExpected,
    UploadState state) {

  /** The task identifier of an upload that has no task (yet). */
  public static final long NO_TASK = -1;

  /** What URLSession reports as the total when it does not know it. */
  public static final long UNKNOWN_LENGTH = -1;

  public VFMVideoUpload {
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(sourceFile, "sourceFile");
    Objects.requireNonNull(state, "state");
  }

  /** A new upload whose metadata is being posted: no task, nothing sent. */
  public static VFMVideoUpload preparing(
      VFMVideo video, Path sourceFile, String videoId, String remotePath) {
    return new VFMVideoUpload(
        video, NO_TASK, sourceFile, videoId, remotePath, 0, UNKNOWN_LENGTH, UploadState.PREPARING);
  }

  /** The same upload, now carried by the task {@code newTaskIdentifier}. */
  public VFMVideoUpload withTaskIdentifier(long newTaskIdentifier) {
    return new VFMVideoUpload(
        video, newTaskIdentifier, sourceFile, videoId, remotePath, bytesSent, bytesExpected, state);
  }

  public VFMVideoUpload withProgress(long newBytesSent, long newBytesExpected) {
    return new VFMVideoUpload(
        video,
        taskIdentifier,
        sourceFile,
        videoId,
        remotePath,
        newBytesSent,
        newBytesExpected,
        state);
  }

  public VFMVideoUpload withState(UploadState newState) {
    return new VFMVideoUpload(
        video, taskIdentifier, sourceFile, videoId, remotePath, bytesSent, bytesExpected, newState);
  }

  /** Progress from 0 to 1, or -1 while the total is unknown. */
  public double fractionCompleted() {
    return bytesExpected > 0 ? (double) bytesSent / bytesExpected : -1;
  }
}
