package lab.videofarm.urlsession;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An error in {@code NSURLErrorDomain}: Apple's codes, message and user info. Delegates and
 * completion handlers receive it as a value ({@code null} means success); it is unchecked so it can
 * also be thrown where Apple's API fails at once, such as a background identifier held by another
 * process (-996).
 *
 * <p>HTTP status codes are not errors: a 404 completes with no error (rule 17).
 */
public final class URLError extends RuntimeException {

  /** {@code NSURLErrorUnknown} */
  public static final int UNKNOWN = -1;

  /** {@code NSURLErrorCancelled}: {@code cancel()}, or the system cancelled a background task. */
  public static final int CANCELLED = -999;

  public static final int BAD_URL = -1000;

  /** The request's idle timeout or the resource timeout passed. */
  public static final int TIMED_OUT = -1001;

  public static final int UNSUPPORTED_URL = -1002;
  public static final int CANNOT_FIND_HOST = -1003;
  public static final int CANNOT_CONNECT_TO_HOST = -1004;

  /** The connection dropped in the middle of a transfer. */
  public static final int NETWORK_CONNECTION_LOST = -1005;

  public static final int DNS_LOOKUP_FAILED = -1006;
  public static final int HTTP_TOO_MANY_REDIRECTS = -1007;
  public static final int RESOURCE_UNAVAILABLE = -1008;

  /** Offline, and the session does not wait for connectivity. */
  public static final int NOT_CONNECTED_TO_INTERNET = -1009;

  public static final int REDIRECT_TO_NON_EXISTENT_LOCATION = -1010;
  public static final int BAD_SERVER_RESPONSE = -1011;
  public static final int ZERO_BYTE_RESOURCE = -1014;
  public static final int CANNOT_DECODE_RAW_DATA = -1015;
  public static final int CANNOT_DECODE_CONTENT_DATA = -1016;
  public static final int CANNOT_PARSE_RESPONSE = -1017;
  public static final int REQUEST_BODY_STREAM_EXHAUSTED = -1021;

  /** An upload's source file is missing. */
  public static final int FILE_DOES_NOT_EXIST = -1100;

  public static final int FILE_IS_DIRECTORY = -1101;
  public static final int NO_PERMISSIONS_TO_READ_FILE = -1102;
  public static final int DATA_LENGTH_EXCEEDS_MAXIMUM = -1103;

  public static final int CANNOT_CREATE_FILE = -3000;
  public static final int CANNOT_OPEN_FILE = -3001;
  public static final int CANNOT_CLOSE_FILE = -3002;
  public static final int CANNOT_WRITE_TO_FILE = -3003;
  public static final int CANNOT_REMOVE_FILE = -3004;
  public static final int CANNOT_MOVE_FILE = -3005;

  /** A background session's identifier is attached to another process (rule 2). */
  public static final int BACKGROUND_SESSION_IN_USE_BY_ANOTHER_PROCESS = -996;

  /**
   * "Lost connection to background transfer service": for example a data task in a background
   * session when the app is suspended (rule 10).
   */
  public static final int BACKGROUND_SESSION_WAS_DISCONNECTED = -997;

  public static final int BACKGROUND_SESSION_REQUIRES_SHARED_CONTAINER = -995;

  /** {@code NSURLSessionDownloadTaskResumeData}: resume data of a failed or cancelled download. */
  public static final String DOWNLOAD_TASK_RESUME_DATA_KEY = "NSURLSessionDownloadTaskResumeData";

  /**
   * {@code NSURLSessionUploadTaskResumeData} (iOS 17 and later): resume data of a failed or
   * cancelled upload from a file, present only when the server supports resumable uploads.
   */
  public static final String UPLOAD_TASK_RESUME_DATA_KEY = "NSURLSessionUploadTaskResumeData";

  /** {@code NSURLErrorBackgroundTaskCancelledReasonKey}: why the system cancelled the task. */
  public static final String BACKGROUND_TASK_CANCELLED_REASON_KEY =
      "NSURLErrorBackgroundTaskCancelledReasonKey";

  /** {@code NSURLErrorFailingURLErrorKey} */
  public static final String FAILING_URL_KEY = "NSErrorFailingURLKey";

  /** Background cancel reason: the user force-quit the app. */
  public static final int CANCELLED_REASON_USER_FORCE_QUIT_APPLICATION = 0;

  /** Background cancel reason: background app refresh was turned off. */
  public static final int CANCELLED_REASON_BACKGROUND_UPDATES_DISABLED = 1;

  /** Background cancel reason: the system needed the resources. */
  public static final int CANCELLED_REASON_INSUFFICIENT_SYSTEM_RESOURCES = 2;

  private final int code;
  private final Map<String, Object> userInfo;

  public URLError(int code, String localizedDescription, Map<String, Object> userInfo) {
    super(localizedDescription == null ? describe(code) : localizedDescription);
    this.code = code;
    this.userInfo = copy(userInfo);
  }

  public URLError(int code) {
    this(code, null, Map.of());
  }

  /** The {@code NSURLErrorDomain} code, one of the constants of this class. */
  public int code() {
    return code;
  }

  public String localizedDescription() {
    return getMessage();
  }

  /** A copy of the user info; byte arrays are copied too. */
  public Map<String, Object> userInfo() {
    return copy(userInfo);
  }

  public Optional<URI> failingURL() {
    return Optional.ofNullable((URI) userInfo.get(FAILING_URL_KEY));
  }

  /** Resume data of a download that can be continued with {@code downloadTask(resumeData)}. */
  public Optional<byte[]> downloadTaskResumeData() {
    return Optional.ofNullable((byte[]) userInfo.get(DOWNLOAD_TASK_RESUME_DATA_KEY))
        .map(byte[]::clone);
  }

  /** Resume data of an upload that can be continued with {@code uploadTask(resumeData)}. */
  public Optional<byte[]> uploadTaskResumeData() {
    return Optional.ofNullable((byte[]) userInfo.get(UPLOAD_TASK_RESUME_DATA_KEY))
        .map(byte[]::clone);
  }

  /** Why the system cancelled a background task (see the {@code CANCELLED_REASON_} constants). */
  public OptionalInt backgroundTaskCancelledReason() {
    Object reason = userInfo.get(BACKGROUND_TASK_CANCELLED_REASON_KEY);
    return reason == null ? OptionalInt.empty() : OptionalInt.of((Integer) reason);
  }

  @Override
  public String toString() {
    return "URLError(" + code + ") " + getMessage();
  }

  private static Map<String, Object> copy(Map<String, Object> source) {
    Map<String, Object> copy = new LinkedHashMap<>();
    source.forEach(
        (key, value) -> copy.put(key, value instanceof byte[] bytes ? bytes.clone() : value));
    return copy;
  }

  /** Apple's English descriptions for the common codes. */
  private static String describe(int code) {
    return switch (code) {
      case CANCELLED -> "cancelled";
      case BAD_URL -> "unsupported URL";
      case TIMED_OUT -> "The request timed out.";
      case UNSUPPORTED_URL -> "unsupported URL";
      case CANNOT_FIND_HOST -> "A server with the specified hostname could not be found.";
      case CANNOT_CONNECT_TO_HOST -> "Could not connect to the server.";
      case NETWORK_CONNECTION_LOST -> "The network connection was lost.";
      case NOT_CONNECTED_TO_INTERNET -> "The Internet connection appears to be offline.";
      case BAD_SERVER_RESPONSE -> "The server returned an invalid response.";
      case FILE_DOES_NOT_EXIST -> "The requested file does not exist.";
      case BACKGROUND_SESSION_IN_USE_BY_ANOTHER_PROCESS ->
          "The background session is in use by another process.";
      case BACKGROUND_SESSION_WAS_DISCONNECTED -> "Lost connection to background transfer service";
      case CANNOT_WRITE_TO_FILE -> "The file could not be written.";
      default -> "NSURLErrorDomain error " + code;
    };
  }
}
