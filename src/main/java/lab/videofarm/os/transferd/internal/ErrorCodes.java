package lab.videofarm.os.transferd.internal;

/**
 * The NSURLErrorDomain codes the daemon reports, with Apple's names. Where Apple has no exact code
 * for a situation, the closest one is chosen and the reason is given here.
 */
final class ErrorCodes {
  private ErrorCodes() {}

  /** NSURLErrorCancelled. */
  public static final int CANCELLED = -999;

  /** NSURLErrorTimedOut: request idle timeout or resource timeout. */
  public static final int TIMED_OUT = -1001;

  /** NSURLErrorCannotConnectToHost. */
  public static final int CANNOT_CONNECT_TO_HOST = -1004;

  /** NSURLErrorNetworkConnectionLost: the connection broke mid-transfer. */
  public static final int NETWORK_CONNECTION_LOST = -1005;

  /** NSURLErrorNotConnectedToInternet: offline, and the session does not wait. */
  public static final int NOT_CONNECTED_TO_INTERNET = -1009;

  /**
   * NSURLErrorBadServerResponse: a ranged answer that does not fit the request (a 206 for another
   * offset, or 416 Range Not Satisfiable on resume).
   */
  public static final int BAD_SERVER_RESPONSE = -1011;

  /**
   * NSURLErrorCannotDecodeRawData: resume data that is corrupt, of another format or of an unknown
   * version. Apple has no code meant for bad resume data; this one says "could not decode" which is
   * what happened.
   */
  public static final int CANNOT_DECODE_RAW_DATA = -1015;

  /** NSURLErrorFileDoesNotExist: an upload's source file is missing. */
  public static final int FILE_DOES_NOT_EXIST = -1100;

  /**
   * NSURLErrorCannotOpenFile: the partial file named by resume data is gone, most often because
   * that resume data was already used (resume data can be used once); or an upload's file changed
   * since the upload began, so the bytes on the server no longer belong to it (rule 37).
   */
  public static final int CANNOT_OPEN_FILE = -3001;

  /** NSURLErrorBackgroundSessionInUseByAnotherProcess. */
  public static final int BACKGROUND_SESSION_IN_USE = -996;

  /** NSURLErrorBackgroundSessionWasDisconnected: a background data task whose app suspended. */
  public static final int BACKGROUND_SESSION_WAS_DISCONNECTED = -997;
}
