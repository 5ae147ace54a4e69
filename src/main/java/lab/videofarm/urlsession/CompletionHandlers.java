package lab.videofarm.urlsession;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import lab.videofarm.urlsession.URLSession.CompletionHandler;

/**
 * Tasks created with a completion handler (default sessions only). Such a task bypasses the
 * delegate for its response, body and completion: the body is gathered here and handed over whole,
 * or the downloaded file is, and the handler is called exactly once. Progress still reaches the
 * delegate.
 */
final class CompletionHandlers {
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final SessionLog log;

  CompletionHandlers(SessionLog log) {
    this.log = log;
  }

  static Pending forData(CompletionHandler<byte[]> handler) {
    return new Pending(Objects.requireNonNull(handler), null);
  }

  static Pending forDownload(CompletionHandler<Path> handler) {
    return new Pending(null, Objects.requireNonNull(handler));
  }

  void register(long taskId, Pending handler) {
    pending.put(taskId, handler);
  }

  /** Whether the task has a handler, so the delegate does not hear of its response. */
  boolean owns(long taskId) {
    return pending.containsKey(taskId);
  }

  /** Keeps a chunk of the body for the handler; false if the task has none. */
  boolean gather(long taskId, byte[] data) {
    Pending handler = pending.get(taskId);
    if (handler == null) {
      return false;
    }
    handler.body.write(data, 0, data.length);
    return true;
  }

  /** Hands the file to the handler while it exists; false if the task has none. */
  boolean finishedDownloading(long taskId, Path location, HTTPURLResponse response) {
    Pending handler = pending.get(taskId);
    if (handler == null) {
      return false;
    }
    handler.delivered = true;
    log.delegateCall(
        taskId,
        "completionHandler",
        location.toString(),
        () -> handler.download.complete(location, response, null));
    return true;
  }

  /**
   * Calls the handler with the outcome, unless it already had the downloaded file; false if the
   * task has no handler.
   */
  boolean completed(long taskId, HTTPURLResponse response, URLError error) {
    Pending handler = pending.remove(taskId);
    if (handler == null) {
      return false;
    }
    if (handler.delivered) {
      return true;
    }
    String outcome = error == null ? "ok" : String.valueOf(error.code());
    Runnable call;
    if (handler.data != null) {
      byte[] body = error == null ? handler.body.toByteArray() : null;
      call = () -> handler.data.complete(body, response, error);
    } else {
      call = () -> handler.download.complete(null, response, error);
    }
    log.delegateCall(taskId, "completionHandler", outcome, call);
    return true;
  }

  /** A completion handler waiting for its task, with the body gathered so far. */
  static final class Pending {
    private final CompletionHandler<byte[]> data;
    private final CompletionHandler<Path> download;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** Set once the download handler had the file: it is not called again on completion. */
    private boolean delivered;

    private Pending(CompletionHandler<byte[]> data, CompletionHandler<Path> download) {
      this.data = data;
      this.download = download;
    }
  }
}
