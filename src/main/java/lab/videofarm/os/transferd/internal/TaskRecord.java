package lab.videofarm.os.transferd.internal;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.ResponseInfo;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.os.transferd.TransferError;

/**
 * Everything the daemon knows about one task. Every mutable field is guarded by the daemon's lock
 * ({@link DaemonCore}), except where a field says otherwise.
 */
final class TaskRecord {
  /** Where a RUNNING task stands in the scheduler. */
  enum Phase {
    /** Not scheduled: suspended, completed, or between steps. */
    IDLE,
    /**
     * Waiting on a clock timer (earliestBeginDate, the relaunch rate limiter, a retry backoff), or
     * on the app's answer to WillBeginDelayedRequest.
     */
    DELAYED,
    /** Waiting for the network to come back. */
    WAITING_FOR_CONNECTIVITY,
    /** An attempt runs on a worker thread. */
    ACTIVE
  }

  final SessionChannel session;
  final long id;
  final TaskSpec spec;
  final int launch;

  TaskState state = TaskState.SUSPENDED;

  /** New tasks start suspended once; resume() takes it to 0 and starts them. */
  int suspendCount = 1;

  Phase phase = Phase.IDLE;
  String description;
  RequestInfo originalRequest;
  RequestInfo currentRequest;
  ResponseInfo response;
  TransferError error;

  long bytesReceived;
  long expectedToReceive = -1;
  long bytesSent;
  long expectedToSend = -1;

  /** The download's daemon-owned file, or null. */
  Path tempFile;

  /** Strong ETag, else Last-Modified, of the bytes in {@link #tempFile}. */
  String validator;

  boolean acceptsRanges;

  /**
   * A resumable upload's resource on the server, from its {@code 104 Upload Resumption Supported},
   * or null: the next attempt continues there (HEAD, then PATCH) instead of starting over.
   */
  URI uploadResource;

  /** The draft's interop version that {@link #uploadResource} speaks. */
  int uploadInteropVersion;

  /** The upload's file when the upload began; a changed file is never resumed (rule 37). */
  long uploadFileSize = -1;

  long uploadFileModified = -1;

  /** The next attempt continues existing bytes and must say so with DidResumeAtOffset. */
  boolean announceResume;

  /** Resume data that could not be used; the first attempt fails with it. */
  TransferFailure resumeFailure;

  Attempt attempt;
  Clock.Timer delayTimer;
  Clock.Timer idleTimer;
  Clock.Timer resourceTimer;

  /** Resource time used up before the current run; the timer pauses while suspended. */
  Duration resourceElapsed = Duration.ZERO;

  Instant runningSince;
  int failuresWithoutProgress;

  /** Apple's earliestBeginDate (device time), or null; the app may set it until the task starts. */
  Instant earliestBeginDate;

  /** WillBeginDelayedRequest was sent and the task waits, DELAYED, for the app's answer. */
  boolean awaitingDelayedRequest;

  /** The app answered WillBeginDelayedRequest (or could not be asked): never ask again. */
  boolean delayedRequestAnswered;

  /** An attempt was dispatched once: earliestBeginDate and the rate limiter are behind it. */
  boolean started;

  CompletableFuture<Optional<byte[]>> resumeDataRequest;
  CompletableFuture<InputStream> bodyStream;

  /** The completion was caused by a force-quit: no relaunch for it. */
  boolean forceQuit;

  /** Last progress event: coalescing state. */
  Instant lastProgressEvent;

  long progressAtLastEvent;
  long lastTimelineProgress;
  Instant lastTimelineProgressTime;
  Instant lastProgressPersist;

  TaskRecord(SessionChannel session, long id, TaskSpec spec, int launch) {
    this.session = session;
    this.id = id;
    this.spec = spec;
    this.launch = launch;
    this.description = spec.taskDescription();
    this.earliestBeginDate = spec.earliestBeginDate();
    this.originalRequest = spec.request();
    this.currentRequest = spec.request();
  }

  boolean isFinished() {
    return state == TaskState.COMPLETED;
  }
}
