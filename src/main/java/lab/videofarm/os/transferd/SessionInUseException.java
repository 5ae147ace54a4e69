package lab.videofarm.os.transferd;

/** Another process is attached to this background identifier (NSURLError -996). */
public final class SessionInUseException extends Exception {
  public SessionInUseException(String identifier) {
    super(
        "A background URLSession with identifier " + identifier + " is in use by another process");
  }
}
