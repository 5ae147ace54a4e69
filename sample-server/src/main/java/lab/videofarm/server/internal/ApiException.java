package lab.videofarm.server.internal;

import java.util.List;

/**
 * A request the server refuses, with the status and the {@code {"error", "detail"}} body the client
 * gets. Thrown before anything is changed.
 */
final class ApiException extends Exception {
  private final int status;
  private final String error;
  private final List<String> allow;

  ApiException(int status, String error, String detail) {
    this(status, error, detail, List.of());
  }

  private ApiException(int status, String error, String detail, List<String> allow) {
    super(detail, null, false, false);
    this.status = status;
    this.error = error;
    this.allow = allow;
  }

  static ApiException methodNotAllowed(String method, List<String> allow) {
    return new ApiException(
        405, "method_not_allowed", method + " is not allowed here; use " + allow, allow);
  }

  static ApiException notFound(String detail) {
    return new ApiException(404, "not_found", detail);
  }

  static ApiException badRequest(String error, String detail) {
    return new ApiException(400, error, detail);
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }

  String detail() {
    return getMessage();
  }

  List<String> allow() {
    return allow;
  }
}
