package lab.videofarm.os.transferd;

/** The three kinds of task a session can run. */
public enum TaskKind {
  DATA,
  DOWNLOAD,
  UPLOAD
}
