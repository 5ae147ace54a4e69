package lab.videofarm.os;

/** Where an app stands in its lifecycle, as the device and the transfer daemon both see it. */
public enum AppState {
  /** No process: never launched, terminated by the system, or force-quit by the user. */
  NOT_RUNNING,
  /** On screen, running. */
  FOREGROUND,
  /** Off screen but still running: just sent home, or relaunched for background events. */
  BACKGROUND,
  /** In memory but frozen: none of its code runs until the system wakes it. */
  SUSPENDED
}
