package lab.videofarm.os.transferd.internal;

import static lab.videofarm.os.transferd.internal.JsonFields.array;
import static lab.videofarm.os.transferd.internal.JsonFields.flag;
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
  /** The payload's own version, in its {@code version} field; see {@link #decode}. */
  static final int VERSION = 1;

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
    root.put("version", VERSION);
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

  /**
   * The state in {@code payload}, refusing anything {@link #encode} would not have written: a
   * payload that is not a JSON object, a field of the wrong type, a missing required field, an
   * unknown enum name, or a {@code version} other than {@link #VERSION} (a newer daemon's journal
   * is refused by name rather than read with its new fields dropped).
   *
   * @throws IllegalStateException saying what is wrong
   */
  static Restored decode(byte[] payload, Path downloads) {
    try {
      JsonNode root = JSON.readTree(payload);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException(
            "expected a JSON object, found " + (root == null ? "nothing" : root.getNodeType()));
      }
      checkVersion(root);
      Map<SessionKey, Long> counters = new HashMap<>();
      for (JsonNode counter : array(root, "nextTaskIds")) {
        counters.put(
            SessionKey.background(text(counter, "bundleId"), text(counter, "identifier")),
            whole(counter, "next"));
      }
      Map<String, Integer> relaunchCounts = new HashMap<>();
      JsonNode counts = object(root, "relaunchCounts");
      for (String bundle : (Iterable<String>) counts::fieldNames) {
        relaunchCounts.put(bundle, small(counts, bundle));
      }
      List<SessionChannel> sessions = new ArrayList<>();
      for (JsonNode node : array(root, "sessions")) {
        sessions.add(session(node, downloads));
      }
      return new Restored(sessions, counters, relaunchCounts);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("journal payload unreadable: " + e.getMessage(), e);
    }
  }

  /** {@link Journal}'s check of a payload: whether {@link #decode} would take it. */
  static void check(byte[] payload) throws IOException {
    try {
      decode(payload, Path.of("downloads"));
    } catch (IllegalStateException e) {
      throw new IOException(e.getMessage(), e.getCause());
    }
  }

  private static void checkVersion(JsonNode root) {
    long version = whole(root, "version");
    if (version > VERSION) {
      throw new IllegalArgumentException(
          "version "
              + version
              + " was written by a newer daemon; this one reads version "
              + VERSION);
    }
    if (version != VERSION) {
      throw new IllegalArgumentException("version " + version + " is not a journal version");
    }
  }

  private static SessionChannel session(JsonNode node, Path downloads) {
    SessionSpec spec = sessionSpec(object(node, "spec"));
    SessionChannel channel =
        new SessionChannel(SessionKey.background(spec.bundleId(), spec.identifier()), spec);
    channel.relaunchRequested = flag(node, "relaunchRequested");
    channel.invalidating = flag(node, "invalidating");
    for (JsonNode taskNode : array(node, "tasks")) {
      TaskRecord task = task(channel, taskNode, downloads);
      channel.tasks.put(task.id, task);
    }
    for (JsonNode eventNode : array(node, "queue")) {
      channel.queue.add(new SessionChannel.Pending(event(eventNode), false));
    }
    return channel;
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
    node.put("maxConnectionsPerHost", spec.httpMaximumConnectionsPerHost());
    return node;
  }

  private static SessionSpec sessionSpec(JsonNode node) {
    return new SessionSpec(
        text(node, "bundleId"),
        small(node, "launch"),
        text(node, "identifier"),
        Duration.ofMillis(whole(node, "requestTimeoutMillis")),
        Duration.ofMillis(whole(node, "resourceTimeoutMillis")),
        flag(node, "waitsForConnectivity"),
        flag(node, "sessionSendsLaunchEvents"),
        flag(node, "discretionary"),
        headers(array(node, "additionalHeaders")),
        // Journals written before the limit was kept had Apple's default.
        node.has("maxConnectionsPerHost")
            ? small(node, "maxConnectionsPerHost")
            : SessionSpec.DEFAULT_MAXIMUM_CONNECTIONS_PER_HOST);
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
    node.put(
        "bytesReceived",
        task.spec.kind() == TaskKind.DOWNLOAD ? task.bytesDurable : task.bytesReceived);
    node.put("expectedToReceive", task.expectedToReceive);
    node.put("bytesSent", task.bytesSent);
    node.put("expectedToSend", task.expectedToSend);
    putResumable(node, task);
    node.put("forceQuit", task.forceQuit);
    node.put("started", task.started);
    node.put("resourceElapsedMillis", task.resourceElapsed.toMillis());
    putOutcome(node, task);
    return node;
  }

  /** What a download or an upload needs to continue where it stopped. */
  private static void putResumable(ObjectNode node, TaskRecord task) {
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
  }

  private static void putOutcome(ObjectNode node, TaskRecord task) {
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
  }

  private static TaskRecord task(SessionChannel channel, JsonNode node, Path downloads) {
    String description = textOrNull(node, "description");
    TaskSpec spec =
        new TaskSpec(
            TaskKind.valueOf(text(node, "kind")),
            request(object(node, "request")),
            body(object(node, "body")),
            null,
            description,
            node.hasNonNull("earliestBeginDate")
                ? Instant.parse(text(node, "earliestBeginDate"))
                : null);
    TaskRecord task = new TaskRecord(channel, whole(node, "id"), spec, small(node, "launch"));
    task.description = description;
    task.originalRequest = request(object(node, "originalRequest"));
    task.currentRequest = request(object(node, "currentRequest"));
    task.state = TaskState.valueOf(text(node, "state"));
    task.suspendCount = small(node, "suspendCount");
    task.bytesReceived = whole(node, "bytesReceived");
    task.bytesDurable = task.bytesReceived;
    task.expectedToReceive = wholeOr(node, "expectedToReceive", -1);
    task.bytesSent = whole(node, "bytesSent");
    task.expectedToSend = wholeOr(node, "expectedToSend", -1);
    readResumable(task, node, downloads);
    task.forceQuit = flag(node, "forceQuit");
    task.started = flag(node, "started");
    task.delayedRequestAnswered(flag(node, "delayedRequestAnswered"));
    task.resourceElapsed = Duration.ofMillis(whole(node, "resourceElapsedMillis"));
    readOutcome(task, node);
    if (task.spec.kind() == TaskKind.DOWNLOAD && task.bytesReceived > 0) {
      task.announceResume = true;
    }
    return task;
  }

  private static void readResumable(TaskRecord task, JsonNode node, Path downloads) {
    if (node.hasNonNull("tempFile")) {
      task.tempFile = downloads.resolve(text(node, "tempFile"));
    }
    task.validator = textOrNull(node, "validator");
    task.acceptsRanges = flag(node, "acceptsRanges");
    if (node.hasNonNull("uploadResource")) {
      task.uploadResource = URI.create(text(node, "uploadResource"));
      task.uploadInteropVersion = small(node, "uploadInteropVersion");
    }
    task.uploadFileSize = wholeOr(node, "uploadFileSize", -1);
    task.uploadFileModified = wholeOr(node, "uploadFileModified", -1);
  }

  private static void readOutcome(TaskRecord task, JsonNode node) {
    if (node.hasNonNull("response")) {
      task.response = response(object(node, "response"));
    }
    if (node.hasNonNull("error")) {
      task.error = error(object(node, "error"));
    }
    if (node.hasNonNull("resumeFailureCode")) {
      task.resumeFailure =
          new TransferFailure(
              small(node, "resumeFailureCode"), textOrNull(node, "resumeFailureMessage"));
    }
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
    return switch (text(node, "type")) {
      case "file" -> new UploadBody.FromFile(Path.of(text(node, "path")));
      case "data" -> new UploadBody.FromData(B64D.decode(text(node, "data")));
      case "stream" -> new UploadBody.Streamed();
      case "none" -> new UploadBody.None();
      default -> throw new IllegalArgumentException("unknown body type " + text(node, "type"));
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
    String type = text(node, "type");
    if (type.equals("didFinishEvents")) {
      return new TaskEvent.DidFinishEventsForBackgroundSession();
    }
    if (type.equals("didBecomeInvalid")) {
      return new TaskEvent.DidBecomeInvalid(
          node.hasNonNull("error") ? error(object(node, "error")) : null);
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
      case "didComplete" ->
          new TaskEvent.DidComplete(
              task, response, node.hasNonNull("error") ? error(object(node, "error")) : null);
      case "didWriteData" ->
          new TaskEvent.DidWriteData(
              task, whole(node, "written"), whole(node, "total"), whole(node, "expected"));
      case "didSendBodyData" ->
          new TaskEvent.DidSendBodyData(
              task, whole(node, "sent"), whole(node, "total"), whole(node, "expected"));
      default -> throw new IllegalArgumentException("unknown event " + type);
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
    String url = textOrNull(node, "url");
    return new ResponseInfo(
        small(node, "status"),
        url == null ? null : URI.create(url),
        headers(array(node, "headers")),
        wholeOr(node, "expectedContentLength", -1));
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
    String failingUrl = textOrNull(node, "failingUrl");
    String resumeData = textOrNull(node, "resumeData");
    return new TransferError(
        small(node, "code"),
        textOrNull(node, "description"),
        failingUrl == null ? null : URI.create(failingUrl),
        resumeData == null ? null : B64D.decode(resumeData),
        node.hasNonNull("backgroundCancelReason") ? small(node, "backgroundCancelReason") : null);
  }

  private static ArrayNode headers(List<HttpHeader> headers) {
    ArrayNode array = JSON.createArrayNode();
    for (HttpHeader header : headers) {
      array.addArray().add(header.name()).add(header.value());
    }
    return array;
  }

  private static List<HttpHeader> headers(JsonNode array) {
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
