package lab.videofarm.app.model;

/** Where a movie upload stands. */
public enum UploadState {
  /** The metadata is being posted; there is no upload task yet. */
  PREPARING,
  /** The upload task is sending the movie. */
  UPLOADING,
  /** The user suspended the task; it keeps its place and can be resumed. */
  SUSPENDED,
  /** The server has the whole movie. */
  FINISHED,
  /** The task ended with an error, or the server answered with one. */
  FAILED
}
