package lab.videofarm.urlsession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import lab.videofarm.os.process.AppProcess;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.os.transferd.TransferError;
import lab.videofarm.os.transferd.UploadBody;
import lab.videofarm.urlsession.URLSessionTask.State;

/**
 * Between the API's values and the daemon's plain ones. The daemon knows nothing of this layer (the
 * layers point one way), and the app may not name daemon types, so each value has a twin on each
 * side and is converted here, and only here.
 */
final class Conversions {
  private Conversions() {}

  static SessionSpec sessionSpec(AppProcess process, URLSessionConfiguration configuration) {
    return new SessionSpec(
        process.bundleId(),
        process.launchNumber(),
        configuration.identifier(),
        configuration.timeoutIntervalForRequest(),
        configuration.timeoutIntervalForResource(),
        configuration.isBackground() || configuration.waitsForConnectivity(),
        configuration.sessionSendsLaunchEvents(),
        configuration.isDiscretionary(),
        headers(configuration.httpAdditionalHeaders()),
        configuration.httpMaximumConnectionsPerHost());
  }

  static RequestInfo requestInfo(URLRequest request) {
    return new RequestInfo(
        request.httpMethod(), request.url(), headers(request.allHTTPHeaderFields()));
  }

  /** The body a request carries itself: a data or upload task from bytes. */
  static UploadBody uploadBody(URLRequest request) {
    byte[] body = request.httpBody();
    return body == null ? new UploadBody.None() : new UploadBody.FromData(body);
  }

  static URLRequest urlRequest(RequestInfo info) {
    if (info == null) {
      return null;
    }
    URLRequest request = URLRequest.of(info.url()).withHttpMethod(info.method());
    for (HttpHeader header : info.headers()) {
      request = request.withValue(header.value(), header.name());
    }
    return request;
  }

  /** Repeated header fields become one, comma-separated, as in {@code allHeaderFields}. */
  static HTTPURLResponse httpResponse(ResponseInfo info) {
    if (info == null) {
      return null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader header : info.headers()) {
      headers.merge(header.name(), header.value(), (first, next) -> first + ", " + next);
    }
    return new HTTPURLResponse(
        info.url(), info.statusCode(), headers, info.expectedContentLength());
  }

  /** Resume data goes under the download or the upload key, by the kind of task that failed. */
  static URLError urlError(TransferError error, boolean upload) {
    if (error == null) {
      return null;
    }
    Map<String, Object> userInfo = new LinkedHashMap<>();
    if (error.failingUrl() != null) {
      userInfo.put(URLError.FAILING_URL_KEY, error.failingUrl());
    }
    if (error.resumeData() != null) {
      userInfo.put(
          upload ? URLError.UPLOAD_TASK_RESUME_DATA_KEY : URLError.DOWNLOAD_TASK_RESUME_DATA_KEY,
          error.resumeData());
    }
    if (error.backgroundCancelReason() != null) {
      userInfo.put(URLError.BACKGROUND_TASK_CANCELLED_REASON_KEY, error.backgroundCancelReason());
    }
    return new URLError(error.code(), error.description(), userInfo);
  }

  static State state(TaskState state) {
    return switch (state) {
      case RUNNING -> State.RUNNING;
      case SUSPENDED -> State.SUSPENDED;
      case CANCELING -> State.CANCELING;
      case COMPLETED -> State.COMPLETED;
    };
  }

  private static List<HttpHeader> headers(Map<String, String> fields) {
    List<HttpHeader> headers = new ArrayList<>();
    for (Entry<String, String> field : fields.entrySet()) {
      headers.add(new HttpHeader(field.getKey(), field.getValue()));
    }
    return headers;
  }
}
