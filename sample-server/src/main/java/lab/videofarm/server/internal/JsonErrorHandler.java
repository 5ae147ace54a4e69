package lab.videofarm.server.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises itself (a URI it refuses, a bad header, a failure outside our
 * handlers) in the same JSON shape as ours, and never with a stack trace.
 */
final class JsonErrorHandler implements Request.Handler {
  private final ObjectMapper json;

  JsonErrorHandler(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    int status =
        request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code
            ? code
            : response.getStatus();
    if (status < 400) {
      status = 500;
    }
    String reason = HttpStatus.getMessage(status);
    Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", reason.toLowerCase(Locale.ROOT).replace(' ', '_'));
    body.put("detail", message == null ? reason : message.toString());
    byte[] bytes = json.writeValueAsBytes(body);
    response.setStatus(status);
    if (status == 400 || status == 413 || status == 431 || status >= 500) {
      // Jetty may close the connection after a request it could not parse, without saying so;
      // saying it keeps clients from sending the next request into a closing socket.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
    return true;
  }
}
