package lab.videofarm.app.model;

/** Where a movie-and-thumbnail download stands. */
public enum DownloadState {
  /** A download task is running (or waiting for the network, which is the same to the app). */
  DOWNLOADING,
  /** Cancelled with resume data, which the download keeps to continue later. */
  PAUSED,
  /** Both files are in the app's container. */
  FINISHED,
  /** The task ended with an error and no way to resume. */
  FAILED
}
