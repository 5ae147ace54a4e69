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
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TaskSpec;
import lab.videofarm.os.transferd.TaskState;
import lab.videofarm.os.transferd.TransferError;

/**
 * Everything the daemon knows about one task. Every mutable field, here and in its parts, is
 * guarded by the daemon's lock ({@link DaemonCore}).
 *
 * <p>The fields declared directly here are the task's durable state, the ones {@link StateCodec}
 * writes to the journal. What lives only while the daemon runs is grouped in parts: {@link #run}
 * (the scheduler's bookkeeping and timers), {@link #meter} (progress throttling) and {@link
 * #waiters} (futures someone waits on).
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
    /**
     * Waiting for one of the session's connections to its host ({@link HostConnections}); the
     * request timer does not run.
     */
    WAITING_FOR_CONNECTION,
    /** An attempt runs on a worker thread. */
    ACTIVE
  }

  /** Rule 8: where the task stands with the app's WillBeginDelayedRequest. */
  enum DelayedRequest {
    /** Not asked yet (asked only before the first start, and only with an earliestBeginDate). */
    NOT_ASKED,
    /** WillBeginDelayedRequest was sent; the task waits, DELAYED, for the answer. */
    AWAITING_ANSWER,
    /** The app answered, or could not be asked: never ask again. */
    ANSWERED
  }

  /** The scheduler's part: the attempt under way, the timers, and how the task got here. */
  static final class Run {
    Phase phase = Phase.IDLE;
    Attempt attempt;
    Clock.Timer delayTimer;
    Clock.Timer idleTimer;
    Clock.Timer resourceTimer;

    /** The host whose connection the attempt holds, or the task waits for. */
    String connectionHost;

    /** Orders the tasks waiting for a connection: the first to wait goes first. */
    long waitingSince;

    /** The timeline said so once; said again only after the task got a connection. */
    boolean loggedWaitingForConnection;

    /** Device time the task last became RUNNING; null while it is not. */
    Instant runningSince;

    /** The start delay (earliestBeginDate, rate limiter) of this run is behind the task. */
    boolean startDelayServed;

    int failuresWithoutProgress;
    DelayedRequest delayedRequest = DelayedRequest.NOT_ASKED;
  }

  /** The progress meter's part: when progress was last reported, and how far it had got. */
  static final class Meter {
    Instant lastEvent;
    long atLastEvent;
    long lastTimelineBytes;
    Instant lastTimelineTime;
    Instant lastPersist;
  }

  /** Futures someone outside the lock waits on. */
  static final class Waiters {
    CompletableFuture<Optional<byte[]>> resumeData;
    CompletableFuture<InputStream> bodyStream;
  }

  final SessionChannel session;
  final long id;
  final TaskSpec spec;
  final int launch;
  final Run run = new Run();
  final Meter meter = new Meter();
  final Waiters waiters = new Waiters();

  TaskState state = TaskState.SUSPENDED;

  /** New tasks start suspended once; resume() takes it to 0 and starts them. */
  int suspendCount = 1;

  String description;
  RequestInfo originalRequest;
  RequestInfo currentRequest;
  ResponseInfo response;
  TransferError error;

  long bytesReceived;

  /**
   * A download's bytes known durable on disk: what the journal and resume data claim, so that a
   * power cut never leaves them counting bytes the disk lost.
   */
  long bytesDurable;

  long expectedToReceive = -1;
  long bytesSent;
  long expectedToSend = -1;

  /** The download's daemon-owned file, or null. */
  Path tempFile;

  /** Strong ETag, else Last-Modified, of the bytes in {@link #tempFile}. */
  String validator;

  boolean acceptsRanges;

  /** The next attempt continues existing bytes and must say so with DidResumeAtOffset. */
  boolean announceResume;

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

  /** Resume data that could not be used; the first attempt fails with it. */
  TransferFailure resumeFailure;

  /** Resource time used up before the current run; the timer pauses while suspended. */
  Duration resourceElapsed = Duration.ZERO;

  /** Apple's earliestBeginDate (device time), or null; the app may set it until the task starts. */
  Instant earliestBeginDate;

  /** An attempt was dispatched once: earliestBeginDate and the rate limiter are behind it. */
  boolean started;

  /** The completion was caused by a force-quit: no relaunch for it. */
  boolean forceQuit;

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

  TaskSnapshot snapshot() {
    return new TaskSnapshot(
        session.key.bundleId(),
        session.key.identifier(),
        id,
        spec.kind(),
        description,
        originalRequest,
        currentRequest,
        response,
        state,
        bytesReceived,
        expectedToReceive,
        bytesSent,
        expectedToSend,
        error);
  }

  boolean isFinished() {
    return state == TaskState.COMPLETED;
  }

  /** Whether the app answered WillBeginDelayedRequest; what the journal keeps of {@link Run}. */
  boolean delayedRequestAnswered() {
    return run.delayedRequest == DelayedRequest.ANSWERED;
  }

  void delayedRequestAnswered(boolean answered) {
    run.delayedRequest = answered ? DelayedRequest.ANSWERED : DelayedRequest.NOT_ASKED;
  }
}
