package lab.videofarm.os.transferd;

/** Apple's four task states. New tasks start {@link #SUSPENDED}. */
public enum TaskState {
  RUNNING,
  SUSPENDED,
  CANCELING,
  COMPLETED
}
