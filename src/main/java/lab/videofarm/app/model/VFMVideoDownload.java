package lab.videofarm.app.model;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link VFMRemoteVideo} being copied to the device: its movie and its thumbnail, each by its own
 * background download task. Kept in the downloads archive keyed by {@link #movieTaskIdentifier()}.
 *
 * <p>The byte counts are the movie's; the thumbnail is small and only its task identifier and file
 * are tracked. Resume data is opaque: only the session that produced it can read it, and it can be
 * used once. In JSON it is base64 text.
 *
 * @param video the video on the server
 * @param movieTaskIdentifier the movie's download task, or {@link #NO_TASK} (paused, finished)
 * @param thumbnailTaskIdentifier the thumbnail's download task, or {@link #NO_TASK}
 * @param bytesReceived movie bytes received so far
 * @param bytesExpected movie bytes in all, or {@link #UNKNOWN_LENGTH}
 * @param resumeData what {@code cancelByProducingResumeData} gave, or null
 * @param state where the download stands
 * @param movieFile the movie in the app's container once it arrived, or null
 * @param thumbnailFile the thumbnail in the app's container once it arrived, or null
 */
public record VFMVideoDownload(
    VFMRemoteVideo video,
    long movieTaskIdentifier,
    long thumbnailTaskIdentifier,
    long bytesReceived,
    long bytesExpected,
    byte[] resumeData,
    DownloadState state,
    Path movieFile,
    Path thumbnailFile) {

  /** The task identifier of a download that has no task. */
  public static final long NO_TASK = -1;

  /** What URLSession reports as the total when it does not know it. */
  public static final long UNKNOWN_LENGTH = -1;

  public VFMVideoDownload {
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(state, "state");
    resumeData = resumeData == null ? null : resumeData.clone();
  }

  /** A download that has just started both its tasks. */
  public static VFMVideoDownload starting(
      VFMRemoteVideo video, long movieTaskIdentifier, long thumbnailTaskIdentifier) {
    long expected = video.movieSize() > 0 ? video.movieSize() : UNKNOWN_LENGTH;
    return new VFMVideoDownload(
        video,
        movieTaskIdentifier,
        thumbnailTaskIdentifier,
        0,
        expected,
        null,
        DownloadState.DOWNLOADING,
        null,
        null);
  }

  /** A copy, so nobody can change the resume data this download holds. */
  @Override
  public byte[] resumeData() {
    return resumeData == null ? null : resumeData.clone();
  }

  public boolean hasResumeData() {
    return resumeData != null;
  }

  /** Whether the task {@code taskIdentifier} is this download's movie or thumbnail task. */
  public boolean ownsTask(long taskIdentifier) {
    return taskIdentifier != NO_TASK
        && (taskIdentifier == movieTaskIdentifier || taskIdentifier == thumbnailTaskIdentifier);
  }

  public VFMVideoDownload withProgress(long newBytesReceived, long newBytesExpected) {
    return new VFMVideoDownload(
        video,
        movieTaskIdentifier,
        thumbnailTaskIdentifier,
        newBytesReceived,
        newBytesExpected,
        resumeData,
        state,
        movieFile,
        thumbnailFile);
  }

  public VFMVideoDownload withState(DownloadState newState) {
    return new VFMVideoDownload(
        video,
        movieTaskIdentifier,
        thumbnailTaskIdentifier,
        bytesReceived,
        bytesExpected,
        resumeData,
        newState,
        movieFile,
        thumbnailFile);
  }

  /** Paused: the movie task is gone, and {@code newResumeData} (maybe null) is how to go on. */
  public VFMVideoDownload paused(byte[] newResumeData) {
    return new VFMVideoDownload(
        video,
        NO_TASK,
        thumbnailTaskIdentifier,
        bytesReceived,
        bytesExpected,
        newResumeData,
        DownloadState.PAUSED,
        movieFile,
        thumbnailFile);
  }

  /** Downloading again with a new movie task; the resume data is used up. */
  public VFMVideoDownload resumed(long newMovieTaskIdentifier) {
    return new VFMVideoDownload(
        video,
        newMovieTaskIdentifier,
        thumbnailTaskIdentifier,
        bytesReceived,
        bytesExpected,
        null,
        DownloadState.DOWNLOADING,
        movieFile,
        thumbnailFile);
  }

  /**
   * The thumbnail now comes with the task {@code newThumbnailTaskIdentifier}, or not ({@link
   * #NO_TASK}).
   */
  public VFMVideoDownload withThumbnailTaskIdentifier(long newThumbnailTaskIdentifier) {
    return new VFMVideoDownload(
        video,
        movieTaskIdentifier,
        newThumbnailTaskIdentifier,
        bytesReceived,
        bytesExpected,
        resumeData,
        state,
        movieFile,
        thumbnailFile);
  }

  public VFMVideoDownload withMovieFile(Path newMovieFile) {
    return new VFMVideoDownload(
        video,
        movieTaskIdentifier,
        thumbnailTaskIdentifier,
        bytesReceived,
        bytesExpected,
        resumeData,
        state,
        newMovieFile,
        thumbnailFile);
  }

  public VFMVideoDownload withThumbnailFile(Path newThumbnailFile) {
    return new VFMVideoDownload(
        video,
        movieTaskIdentifier,
        thumbnailTaskIdentifier,
        bytesReceived,
        bytesExpected,
        resumeData,
        state,
        movieFile,
        newThumbnailFile);
  }

  /** Progress from 0 to 1, or -1 while the total is unknown. */
  public double fractionCompleted() {
    return bytesExpected > 0 ? (double) bytesReceived / bytesExpected : -1;
  }

  // A record compares arrays by reference; two downloads with equal resume data are equal.
  @Override
  public boolean equals(Object other) {
    return other instanceof VFMVideoDownload that
        && video.equals(that.video)
        && movieTaskIdentifier == that.movieTaskIdentifier
        && thumbnailTaskIdentifier == that.thumbnailTaskIdentifier
        && bytesReceived == that.bytesReceived
        && bytesExpected == that.bytesExpected
        && Arrays.equals(resumeData, that.resumeData)
        && state == that.state
        && Objects.equals(movieFile, that.movieFile)
        && Objects.equals(thumbnailFile, that.thumbnailFile);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
                video,
                movieTaskIdentifier,
                thumbnailTaskIdentifier,
                bytesReceived,
                bytesExpected,
                state,
                movieFile,
                thumbnailFile)
            * 31
        + Arrays.hashCode(resumeData);
  }

  @Override
  public String toString() {
    return "VFMVideoDownload[video="
        + video.id()
        + ", movieTask="
        + movieTaskIdentifier
        + ", thumbnailTask="
        + thumbnailTaskIdentifier
        + ", bytes="
        + bytesReceived
        + "/"
        + bytesExpected
        + ", resumeData="
        + (resumeData == null ? "none" : resumeData.length + " bytes")
        + ", state="
        + state
        + ", movieFile="
        + movieFile
        + ", thumbnailFile="
        + thumbnailFile
        + "]";
  }
}
