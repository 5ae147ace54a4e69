package lab.videofarm.os.transferd.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.videofarm.os.transferd.HttpHeader;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskEvent;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.os.transferd.TransferError;
import lab.videofarm.os.transferd.UploadBody;

/**
 * The daemon's state as the JSON payload of the {@link Journal}: background sessions (their specs,
 * task-id counters, relaunch flags and queued events) and their download and upload tasks. Default
 * sessions, data tasks and progress events are process-bound and never written.
 */
final class StateCodec {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private StateCodec() {}

  record Restored(
      List<SessionChannel> sessions,
      Map<SessionKey, Long> nextTaskIds,
      Map<String, Integer> relaunchCounts) {}

  static byte[] encode(
      Collection<SessionChannel> sessions,
      Map<SessionKey, Long> nextTaskIds,
      Map<String, Integer> relaunchCounts,
      Path downloads)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    ArrayNode counters = root.putArray("nextTaskIds");
    nextTaskIds.forEach(
        (key, next) ->
            counters
                .addObject()
                .put("bundleId", key.bundleId())
                .put("identifier", key.identifier())
                .put("next", next));
    ObjectNode relaunches = root.putObject("relaunchCounts");
    relaunchCounts.forEach(relaunches::put);
    ArrayNode sessionNodes = root.putArray("sessions");
    for (SessionChannel channel : sessions) {
      if (!channel.key.isBackground() || channel.invalidated || channel.spec == null) {
        continue;
      }
      ObjectNode node = sessionNodes.addObject();
      node.set("spec", sessionSpec(channel.spec));
      node.put("relaunchRequested", channel.relaunchRequested);
      node.put("invalidating", channel.invalidating);
      ArrayNode tasks = node.putArray("tasks");
      for (TaskRecord task : channel.tasks.values()) {
        if (task.spec.kind() != TaskKind.DATA) {
          tasks.add(task(task));
        }
      }
      ArrayNode queue = node.putArray("queue");
      for (SessionChannel.Pending pending : channel.queue) {
        TaskRecord owner = channel.tasks.get(pending.event().taskIdentifier());
        // A question to the app dies with the daemon; the next daemon asks again.
        if (pending.progress()
            || pending.event() instanceof TaskEvent.WillBeginDelayedRequest
            || (owner != null && owner.spec.kind() == TaskKind.DATA)) {
          continue;
        }
        queue.add(event(pending.event()));
      }
    }
    return JSON.writeValueAsBytes(root);
  }

  static Restored decode(byte[] payload, Path downloads) {
    try {
      JsonNode root = JSON.readTree(payload);
      Map<SessionKey, Long> counters = new HashMap<>();
      for (JsonNode counter : root.path("nextTaskIds")) {
        counters.put(
            SessionKey.background(
                counter.path("bundleId").asText(), counter.path("identifier").asText()),
            counter.path("next").asLong(1));
      }
      Map<String, Integer> relaunchCounts = new HashMap<>();
      JsonNode counts = root.path("relaunchCounts");
      for (String bundle : (Iterable<String>) counts::fieldNames) {
        relaunchCounts.put(bundle, counts.path(bundle).asInt());
      }
      List<SessionChannel> sessions = new ArrayList<>();
      for (JsonNode node : root.path("sessions")) {
        SessionSpec spec = sessionSpec(node.path("spec"));
        SessionChannel channel =
            new SessionChannel(SessionKey.background(spec.bundleId(), spec.identifier()), spec);
        channel.relaunchRequested = node.path("relaunchRequested").asBoolean();
        channel.invalidating = node.path("invalidating").asBoolean();
        for (JsonNode taskNode : node.path("tasks")) {
          TaskRecord task = task(channel, taskNode, downloads);
          channel.tasks.put(task.id, task);
        }
        for (JsonNode eventNode : node.path("queue")) {
          channel.queue.add(new SessionChannel.Pending(event(eventNode), false));
        }
        sessions.add(channel);
      }
      return new Restored(sessions, counters, relaunchCounts);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("journal payload unreadable: " + e.getMessage(), e);
    }
  }

  private static ObjectNode sessionSpec(SessionSpec spec) {
    ObjectNode node = JSON.createObjectNode();
    node.put("bundleId", spec.bundleId());
    node.put("launch", spec.launch());
    node.put("identifier", spec.identifier());
    node.put("requestTimeoutMillis", spec.timeoutIntervalForRequest().toMillis());
    node.put("resourceTimeoutMillis", spec.timeoutIntervalForResource().toMillis());
    node.put("waitsForConnectivity", spec.waitsForConnectivity());
    node.put("sessionSendsLaunchEvents", spec.sessionSendsLaunchEvents());
    node.put("discretionary", spec.discretionary());
    node.set("additionalHeaders", headers(spec.additionalHeaders()));
    return node;
  }

  private static SessionSpec sessionSpec(JsonNode node) {
    return new SessionSpec(
        node.path("bundleId").asText(),
        node.path("launch").asInt(),
        node.path("identifier").asText(),
        Duration.ofMillis(node.path("requestTimeoutMillis").asLong()),
        Duration.ofMillis(node.path("resourceTimeoutMillis").asLong()),
        node.path("waitsForConnectivity").asBoolean(),
        node.path("sessionSendsLaunchEvents").asBoolean(),
        node.path("discretionary").asBoolean(),
        headers(node.path("additionalHeaders")));
  }

  private static ObjectNode task(TaskRecord task) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", task.id);
    node.put("launch", task.launch);
    node.put("kind", task.spec.kind().name());
    node.set("request", request(task.spec.request()));
    node.set("body", body(task.spec.body()));
    if (task.earliestBeginDate != null) {
      node.put("earliestBeginDate", task.earliestBeginDate.toString());
    }
    node.put("delayedRequestAnswered", task.delayedRequestAnswered());
    node.put("description", task.description);
    node.set("originalRequest", request(task.originalRequest));
    node.set("currentRequest", request(task.currentRequest));
    node.put("state", task.state.name());
    node.put("suspendCount", task.suspendCount);
    node.put("bytesReceived", task.bytesReceived);
    node.put("expectedToReceive", task.expectedToReceive);
    node.put("bytesSent", task.bytesSent);
    node.put("expectedToSend", task.expectedToSend);
    if (task.tempFile != null) {
      node.put("tempFile", task.tempFile.getFileName().toString());
    }
    node.put("validator", task.validator);
    node.put("acceptsRanges", task.acceptsRanges);
    if (task.uploadResource != null) {
      node.put("uploadResource", task.uploadResource.toString());
      node.put("uploadInteropVersion", task.uploadInteropVersion);
    }
    node.put("uploadFileSize", task.uploadFileSize);
    node.put("uploadFileModified", task.uploadFileModified);
    node.put("forceQuit", task.forceQuit);
    node.put("started", task.started);
    node.put("resourceElapsedMillis", task.resourceElapsed.toMillis());
    if (task.response != null) {
      node.set("response", response(task.response));
    }
    if (task.error != null) {
      node.set("error", error(task.error));
    }
    if (task.resumeFailure != null) {
      node.put("resumeFailureCode", task.resumeFailure.code);
      node.put("resumeFailureMessage", task.resumeFailure.getMessage());
    }
    return node;
  }

  private static TaskRecord task(SessionChannel channel, JsonNode node, Path downloads) {
    TaskSpec spec =
        new TaskSpec(
            TaskKind.valueOf(node.path("kind").asText()),
            request(node.path("request")),
            body(node.path("body")),
            null,
            node.path("description").isNull() ? null : node.path("description").asText(null),
            node.hasNonNull("earliestBeginDate")
                ? Instant.parse(node.path("earliestBeginDate").asText())
                : null);
    TaskRecord task =
        new TaskRecord(channel, node.path("id").asLong(), spec, node.path("launch").asInt());
    task.description = node.hasNonNull("description") ? node.path("description").asText() : null;
    task.originalRequest = request(node.path("originalRequest"));
    task.currentRequest = request(node.path("currentRequest"));
    task.state = TaskState.valueOf(node.path("state").asText());
    task.suspendCount = node.path("suspendCount").asInt();
    task.bytesReceived = node.path("bytesReceived").asLong();
    task.expectedToReceive = node.path("expectedToReceive").asLong(-1);
    task.bytesSent = node.path("bytesSent").asLong();
    task.expectedToSend = node.path("expectedToSend").asLong(-1);
    if (node.hasNonNull("tempFile")) {
      task.tempFile = downloads.resolve(node.path("tempFile").asText());
    }
    task.validator = node.hasNonNull("validator") ? node.path("validator").asText() : null;
    task.acceptsRanges = node.path("acceptsRanges").asBoolean();
    if (node.hasNonNull("uploadResource")) {
      task.uploadResource = java.net.URI.create(node.path("uploadResource").asText());
      task.uploadInteropVersion = node.path("uploadInteropVersion").asInt();
    }
    task.uploadFileSize = node.path("uploadFileSize").asLong(-1);
    task.uploadFileModified = node.path("uploadFileModified").asLong(-1);
    task.forceQuit = node.path("forceQuit").asBoolean();
    task.started = node.path("started").asBoolean();
    task.delayedRequestAnswered(node.path("delayedRequestAnswered").asBoolean());
    task.resourceElapsed = Duration.ofMillis(node.path("resourceElapsedMillis").asLong());
    if (node.hasNonNull("response")) {
      task.response = response(node.path("response"));
    }
    if (node.hasNonNull("error")) {
      task.error = error(node.path("error"));
    }
    if (node.hasNonNull("resumeFailureCode")) {
      task.resumeFailure =
          new TransferFailure(
              node.path("resumeFailureCode").asInt(), node.path("resumeFailureMessage").asText());
    }
    if (task.spec.kind() == TaskKind.DOWNLOAD && task.bytesReceived > 0) {
      task.announceResume = true;
    }
    return task;
  }

  private static ObjectNode body(UploadBody body) {
    ObjectNode node = JSON.createObjectNode();
    if (body instanceof UploadBody.FromFile file) {
      node.put("type", "file").put("path", file.file().toString());
    } else if (body instanceof UploadBody.FromData data) {
      node.put("type", "data").put("data", B64.encodeToString(data.data()));
    } else if (body instanceof UploadBody.Streamed) {
      node.put("type", "stream");
    } else {
      node.put("type", "none");
    }
    return node;
  }

  private static UploadBody body(JsonNode node) {
    return switch (node.path("type").asText("none")) {
      case "file" -> new UploadBody.FromFile(Path.of(node.path("path").asText()));
      case "data" -> new UploadBody.FromData(B64D.decode(node.path("data").asText()));
      case "stream" -> new UploadBody.Streamed();
      default -> new UploadBody.None();
    };
  }

  private static ObjectNode event(TaskEvent event) {
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
      if (e.response() != null) {
        node.set("response", response(e.response()));
      }
    } else if (event instanceof TaskEvent.DidComplete e) {
      node.put("type", "didComplete");
      if (e.response() != null) {
        node.set("response", response(e.response()));
      }
      if (e.error() != null) {
        node.set("error", error(e.error()));
      }
    } else if (event instanceof TaskEvent.DidFinishEventsForBackgroundSession) {
      node.put("type", "didFinishEvents");
    } else if (event instanceof TaskEvent.DidBecomeInvalid e) {
      node.put("type", "didBecomeInvalid");
      if (e.error() != null) {
        node.set("error", error(e.error()));
      }
    } else if (event instanceof TaskEvent.DidWriteData e) {
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
    return node;
  }

  private static TaskEvent event(JsonNode node) {
    long task = node.path("task").asLong();
    ResponseInfo response = node.hasNonNull("response") ? response(node.path("response")) : null;
    TransferError error = node.hasNonNull("error") ? error(node.path("error")) : null;
    return switch (node.path("type").asText()) {
      case "needNewBodyStream" -> new TaskEvent.NeedNewBodyStream(task);
      case "didReceiveResponse" -> new TaskEvent.DidReceiveResponse(task, response);
      case "didReceiveData" ->
          new TaskEvent.DidReceiveData(task, B64D.decode(node.path("data").asText()));
      case "didResumeAtOffset" ->
          new TaskEvent.DidResumeAtOffset(
              task, node.path("offset").asLong(), node.path("expected").asLong());
      case "didFinishDownloading" ->
          new TaskEvent.DidFinishDownloading(
              task, Path.of(node.path("location").asText()), response);
      case "didComplete" -> new TaskEvent.DidComplete(task, response, error);
      case "didFinishEvents" -> new TaskEvent.DidFinishEventsForBackgroundSession();
      case "didBecomeInvalid" -> new TaskEvent.DidBecomeInvalid(error);
      case "didWriteData" ->
          new TaskEvent.DidWriteData(
              task,
              node.path("written").asLong(),
              node.path("total").asLong(),
              node.path("expected").asLong());
      case "didSendBodyData" ->
          new TaskEvent.DidSendBodyData(
              task,
              node.path("sent").asLong(),
              node.path("total").asLong(),
              node.path("expected").asLong());
      default -> throw new IllegalArgumentException("unknown event " + node.path("type").asText());
    };
  }

  static ObjectNode request(RequestInfo request) {
    return ResumeData.requestNode(request);
  }

  static RequestInfo request(JsonNode node) {
    try {
      return ResumeData.request(node);
    } catch (ResumeData.InvalidResumeDataException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static ObjectNode response(ResponseInfo response) {
    ObjectNode node = JSON.createObjectNode();
    node.put("status", response.statusCode());
    node.put("url", response.url() == null ? null : response.url().toString());
    node.set("headers", headers(response.headers()));
    node.put("expectedContentLength", response.expectedContentLength());
    return node;
  }

  private static ResponseInfo response(JsonNode node) {
    return new ResponseInfo(
        node.path("status").asInt(),
        node.hasNonNull("url") ? URI.create(node.path("url").asText()) : null,
        headers(node.path("headers")),
        node.path("expectedContentLength").asLong(-1));
  }

  private static ObjectNode error(TransferError error) {
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

  private static TransferError error(JsonNode node) {
    return new TransferError(
        node.path("code").asInt(),
        node.path("description").asText(null),
        node.hasNonNull("failingUrl") ? URI.create(node.path("failingUrl").asText()) : null,
        node.hasNonNull("resumeData") ? B64D.decode(node.path("resumeData").asText()) : null,
        node.hasNonNull("backgroundCancelReason")
            ? node.path("backgroundCancelReason").asInt()
            : null);
  }

  private static ArrayNode headers(List<HttpHeader> headers) {
    ArrayNode array = JSON.createArrayNode();
    for (HttpHeader header : headers) {
      array.addArray().add(header.name()).add(header.value());
    }
    return array;
  }

  private static List<HttpHeader> headers(JsonNode node) {
    List<HttpHeader> headers = new ArrayList<>();
    for (JsonNode pair : node) {
      headers.add(new HttpHeader(pair.path(0).asText(), pair.path(1).asText()));
    }
    return headers;
  }
}
