package lab.videofarm.ui.scene;

/**
 * One of the app's own records of a transfer: a {@code VFMVideoDownload} or {@code VFMVideoUpload}.
 *
 * @param kind whether it is a download or an upload record
 * @param videoId the video it belongs to ({@code ""} while the timeline has not named it)
 * @param taskId the daemon task it follows, or {@code -1} while unknown
 * @param state the last thing the app said about it, such as {@code "downloading"}
 * @param bytes bytes moved as the app last heard
 * @param expected bytes expected as the app last heard, or {@code -1}
 * @param source where this launch got it: the archive file it was restored from, or {@code ""} when
 *     this launch created it
 */
public record AppRecord(
    Kind kind,
    String videoId,
    long taskId,
    String state,
    long bytes,
    long expected,
    String source) {

  /** The two record types of the VideoFarm app. */
  public enum Kind {
    DOWNLOAD("VFMVideoDownload", "downloads.json"),
    UPLOAD("VFMVideoUpload", "uploads.json");

    private final String className;
    private final String archive;

    Kind(String className, String archive) {
      this.className = className;
      this.archive = archive;
    }

    public String className() {
      return className;
    }

    /** The archive file these records are saved to. */
    public String archive() {
      return archive;
    }
  }

  public boolean restored() {
    return !source.isEmpty();
  }

  AppRecord update(String videoId, long taskId, String state, long bytes, long expected) {
    return new AppRecord(kind, videoId, taskId, state, bytes, expected, source);
  }
}
