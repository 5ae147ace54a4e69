package lab.videofarm.os.transferd.internal;

import static lab.videofarm.os.transferd.internal.EventCodec.B64;
import static lab.videofarm.os.transferd.internal.EventCodec.B64D;
import static lab.videofarm.os.transferd.internal.EventCodec.JSON;
import static lab.videofarm.os.transferd.internal.JsonFields.flag;
import static lab.videofarm.os.transferd.internal.JsonFields.object;
import static lab.videofarm.os.transferd.internal.JsonFields.small;
import static lab.videofarm.os.transferd.internal.JsonFields.text;
import static lab.videofarm.os.transferd.internal.JsonFields.textOrNull;
import static lab.videofarm.os.transferd.internal.JsonFields.whole;
import static lab.videofarm.os.transferd.internal.JsonFields.wholeOr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.os.transferd.TransferError;
import lab.videofarm.os.transferd.UploadBody;

/**
 * A task as JSON for the {@link Journal}, in two parts: its description (everything but the byte
 * counts, written when the task is made or changes state) and its counts (the only part progress
 * changes, a few tens of bytes). A journal of the whole-state format holds both in one object.
 */
final class TaskCodec {
  private TaskCodec() {}

  /**
   * Every durable field of a task but its byte counts, as values: two equal descriptions encode to
   * the same bytes, so an encoder may keep the bytes of one it has seen.
   */
  record Description(
      long id,
      int launch,
      TaskSpec spec,
      Instant earliestBeginDate,
      boolean delayedRequestAnswered,
      String description,
      RequestInfo originalRequest,
      RequestInfo currentRequest,
      TaskState state,
      int suspendCount,
      long expectedToReceive,
      long expectedToSend,
      Resumable resumable,
      boolean forceQuit,
      boolean started,
      Duration resourceElapsed,
      ResponseInfo response,
      TransferError error,
      TransferFailure resumeFailure) {
    static Description of(TaskRecord task) {
      return new Description(
          task.id,
          task.launch,
          task.spec,
          task.earliestBeginDate,
          task.delayedRequestAnswered(),
          task.description,
          task.originalRequest,
          task.currentRequest,
          task.state,
          task.suspendCount,
          task.expectedToReceive,
          task.expectedToSend,
          Resumable.of(task),
          task.forceQuit,
          task.started,
          task.resourceElapsed,
          task.response,
          task.error,
          task.resumeFailure);
    }
  }

  /** What a download or an upload needs to continue where it stopped. */
  record Resumable(
      Path tempFile,
      String validator,
      boolean acceptsRanges,
      URI uploadResource,
      int uploadInteropVersion,
      long uploadFileSize,
      long uploadFileModified) {
    static Resumable of(TaskRecord task) {
      return new Resumable(
          task.tempFile,
          task.validator,
          task.acceptsRanges,
          task.uploadResource,
          task.uploadInteropVersion,
          task.uploadFileSize,
          task.uploadFileModified);
    }
  }

  /** Everything durable about {@code task} but its byte counts. */
  static ObjectNode description(TaskRecord task) {
    return description(Description.of(task));
  }

  static ObjectNode description(Description task) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", task.id());
    node.put("launch", task.launch());
    node.put("kind", task.spec().kind().name());
    node.set("request", request(task.spec().request()));
    node.set("body", body(task.spec().body()));
    if (task.earliestBeginDate() != null) {
      node.put("earliestBeginDate", task.earliestBeginDate().toString());
    }
    node.put("delayedRequestAnswered", task.delayedRequestAnswered());
    node.put("description", task.description());
    node.set("originalRequest", request(task.originalRequest()));
    node.set("currentRequest", request(task.currentRequest()));
    node.put("state", task.state().name());
    node.put("suspendCount", task.suspendCount());
    node.put("expectedToReceive", task.expectedToReceive());
    node.put("expectedToSend", task.expectedToSend());
    putResumable(node, task.resumable());
    node.put("forceQuit", task.forceQuit());
    node.put("started", task.started());
    node.put("resourceElapsedMillis", task.resourceElapsed().toMillis());
    putOutcome(node, task);
    return node;
  }

  /** The bytes moved: a download's only as far as they are known durable on disk. */
  static long[] counted(TaskRecord task) {
    return new long[] {
      task.spec.kind() == TaskKind.DOWNLOAD ? task.bytesDurable : task.bytesReceived, task.bytesSent
    };
  }

  static ObjectNode counts(long[] counted) {
    ObjectNode node = JSON.createObjectNode();
    node.put("bytesReceived", counted[0]);
    node.put("bytesSent", counted[1]);
    return node;
  }

  static ObjectNode counts(TaskRecord task) {
    return counts(counted(task));
  }

  /** What a download or an upload needs to continue where it stopped. */
  private static void putResumable(ObjectNode node, Resumable task) {
    if (task.tempFile() != null) {
      node.put("tempFile", task.tempFile().getFileName().toString());
    }
    node.put("validator", task.validator());
    node.put("acceptsRanges", task.acceptsRanges());
    if (task.uploadResource() != null) {
      node.put("uploadResource", task.uploadResource().toString());
      node.put("uploadInteropVersion", task.uploadInteropVersion());
    }
    node.put("uploadFileSize", task.uploadFileSize());
    node.put("uploadFileModified", task.uploadFileModified());
  }

  private static void putOutcome(ObjectNode node, Description task) {
    if (task.response() != null) {
      node.set("response", EventCodec.response(task.response()));
    }
    if (task.error() != null) {
      node.set("error", EventCodec.error(task.error()));
    }
    if (task.resumeFailure() != null) {
      node.put("resumeFailureCode", task.resumeFailure().code);
      node.put("resumeFailureMessage", task.resumeFailure().getMessage());
    }
  }

  /** The task of {@code channel} described by {@code node}, with the counts in {@code counts}. */
  static TaskRecord task(SessionChannel channel, JsonNode node, JsonNode counts, Path downloads) {
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
    task.expectedToReceive = wholeOr(node, "expectedToReceive", -1);
    task.expectedToSend = wholeOr(node, "expectedToSend", -1);
    readResumable(task, node, downloads);
    task.forceQuit = flag(node, "forceQuit");
    task.started = flag(node, "started");
    task.delayedRequestAnswered(flag(node, "delayedRequestAnswered"));
    task.resourceElapsed = Duration.ofMillis(whole(node, "resourceElapsedMillis"));
    readOutcome(task, node);
    task.bytesReceived = whole(counts, "bytesReceived");
    task.bytesDurable = task.bytesReceived;
    task.bytesSent = whole(counts, "bytesSent");
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
      task.response = EventCodec.response(object(node, "response"));
    }
    if (node.hasNonNull("error")) {
      task.error = EventCodec.error(object(node, "error"));
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
}
