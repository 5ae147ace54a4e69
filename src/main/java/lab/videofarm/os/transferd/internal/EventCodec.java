package lab.videofarm.os.transferd.internal;

import static lab.videofarm.os.transferd.internal.JsonFields.array;
import static lab.videofarm.os.transferd.internal.JsonFields.object;
import static lab.videofarm.os.transferd.internal.JsonFields.small;
import static lab.videofarm.os.transferd.internal.JsonFields.text;
import static lab.videofarm.os.transferd.internal.JsonFields.textOrNull;
import static lab.videofarm.os.transferd.internal.JsonFields.whole;
import static lab.videofarm.os.transferd.internal.JsonFields.wholeOr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TransferError;

/**
 * Queued events as JSON for the {@link Journal}, with the values they carry (responses, errors,
 * headers); every read is strict, as {@link JsonFields} says.
 */
final class EventCodec {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Base64.Encoder B64 = Base64.getEncoder();
  static final Base64.Decoder B64D = Base64.getDecoder();

  private EventCodec() {}

  static ObjectNode event(TaskEvent event) {
    ObjectNode node = JSON.createObjectNode();
    node.put("task", event.taskIdentifier());
    if (event instanceof TaskEvent.NeedNewBodyStream) {
      node.put("type", "needNewBodyStream");
    } else if (event instanceof TaskEvent.DidReceiveResponse e) {
      node.put("type", "didReceiveResponse").set("response", response(e.response()));
    } else if (event instanceof TaskEvent.DidReceiveData e) {
      node.put("type", "didReceiveData").put("data", B64.encodeToString(e.data()));
    } else if (event instanceof TaskEvent.DidResumeAtOffset e) {
      node.put("type", "didResumeAtOffset")
          .put("offset", e.fileOffset())
          .put("expected", e.expectedTotalBytes());
    } else if (event instanceof TaskEvent.DidFinishDownloading e) {
      node.put("type", "didFinishDownloading").put("location", e.location().toString());
      putResponse(node, e.response());
    } else if (event instanceof TaskEvent.DidComplete e) {
      node.put("type", "didComplete");
      putResponse(node, e.response());
      putError(node, e.error());
    } else if (event instanceof TaskEvent.DidFinishEventsForBackgroundSession) {
      node.put("type", "didFinishEvents");
    } else if (event instanceof TaskEvent.DidBecomeInvalid e) {
      node.put("type", "didBecomeInvalid");
      putError(node, e.error());
    } else {
      progress(node, event);
    }
    return node;
  }

  /** Progress events are not journalled by the daemon, but a queue holding one still encodes. */
  private static void progress(ObjectNode node, TaskEvent event) {
    if (event instanceof TaskEvent.DidWriteData e) {
      node.put("type", "didWriteData")
          .put("written", e.bytesWritten())
          .put("total", e.totalBytesWritten())
          .put("expected", e.totalBytesExpectedToWrite());
    } else if (event instanceof TaskEvent.DidSendBodyData e) {
      node.put("type", "didSendBodyData")
          .put("sent", e.bytesSent())
          .put("total", e.totalBytesSent())
          .put("expected", e.totalBytesExpectedToSend());
    }
  }

  private static void putResponse(ObjectNode node, ResponseInfo response) {
    if (response != null) {
      node.set("response", response(response));
    }
  }

  private static void putError(ObjectNode node, TransferError error) {
    if (error != null) {
      node.set("error", error(error));
    }
  }

  static TaskEvent event(JsonNode node) {
    String type = text(node, "type");
    if (type.equals("didFinishEvents")) {
      return new TaskEvent.DidFinishEventsForBackgroundSession();
    }
    if (type.equals("didBecomeInvalid")) {
      return new TaskEvent.DidBecomeInvalid(optionalError(node));
    }
    long task = whole(node, "task");
    ResponseInfo response = node.hasNonNull("response") ? response(object(node, "response")) : null;
    return switch (type) {
      case "needNewBodyStream" -> new TaskEvent.NeedNewBodyStream(task);
      case "didReceiveResponse" -> new TaskEvent.DidReceiveResponse(task, response);
      case "didReceiveData" -> new TaskEvent.DidReceiveData(task, B64D.decode(text(node, "data")));
      case "didResumeAtOffset" ->
          new TaskEvent.DidResumeAtOffset(task, whole(node, "offset"), whole(node, "expected"));
      case "didFinishDownloading" ->
          new TaskEvent.DidFinishDownloading(task, Path.of(text(node, "location")), response);
      case "didComplete" -> new TaskEvent.DidComplete(task, response, optionalError(node));
      case "didWriteData" ->
          new TaskEvent.DidWriteData(
              task, whole(node, "written"), whole(node, "total"), whole(node, "expected"));
      case "didSendBodyData" ->
          new TaskEvent.DidSendBodyData(
              task, whole(node, "sent"), whole(node, "total"), whole(node, "expected"));
      default -> throw new IllegalArgumentException("unknown event " + type);
    };
  }

  private static TransferError optionalError(JsonNode node) {
    return node.hasNonNull("error") ? error(object(node, "error")) : null;
  }

  static ObjectNode response(ResponseInfo response) {
    ObjectNode node = JSON.createObjectNode();
    node.put("status", response.statusCode());
    node.put("url", response.url() == null ? null : response.url().toString());
    node.set("headers", headers(response.headers()));
    node.put("expectedContentLength", response.expectedContentLength());
    return node;
  }

  static ResponseInfo response(JsonNode node) {
    String url = textOrNull(node, "url");
    return new ResponseInfo(
        small(node, "status"),
        url == null ? null : URI.create(url),
        headers(array(node, "headers")),
        wholeOr(node, "expectedContentLength", -1));
  }

  static ObjectNode error(TransferError error) {
    ObjectNode node = JSON.createObjectNode();
    node.put("code", error.code());
    node.put("description", error.description());
    node.put("failingUrl", error.failingUrl() == null ? null : error.failingUrl().toString());
    if (error.resumeData() != null) {
      node.put("resumeData", B64.encodeToString(error.resumeData()));
    }
    if (error.backgroundCancelReason() != null) {
      node.put("backgroundCancelReason", error.backgroundCancelReason());
    }
    return node;
  }

  static TransferError error(JsonNode node) {
    String failingUrl = textOrNull(node, "failingUrl");
    String resumeData = textOrNull(node, "resumeData");
    return new TransferError(
        small(node, "code"),
        textOrNull(node, "description"),
        failingUrl == null ? null : URI.create(failingUrl),
        resumeData == null ? null : B64D.decode(resumeData),
        node.hasNonNull("backgroundCancelReason") ? small(node, "backgroundCancelReason") : null);
  }

  static ArrayNode headers(List<HttpHeader> headers) {
    ArrayNode array = JSON.createArrayNode();
    for (HttpHeader header : headers) {
      array.addArray().add(header.name()).add(header.value());
    }
    return array;
  }

  static List<HttpHeader> headers(JsonNode array) {
    List<HttpHeader> headers = new ArrayList<>();
    for (JsonNode pair : array) {
      if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual()) {
        throw new IllegalArgumentException("a header is not a [name, value] pair: " + pair);
      }
      headers.add(new HttpHeader(pair.get(0).textValue(), pair.get(1).asText()));
    }
    return headers;
  }
}
