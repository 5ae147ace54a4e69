package lab.videofarm.os.transferd.internal;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import lab.videofarm.os.transferd.DaemonConnection;
import lab.videofarm.os.transferd.DaemonEventSink;
import lab.videofarm.os.transferd.DelayedRequestDisposition;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TaskSpec;

/** A session's line into {@link DaemonCore}: every call is forwarded with this connection. */
final class RealConnection implements DaemonConnection {
  private final DaemonCore core;
  final SessionChannel channel;
  private final SessionSpec spec;
  final DaemonEventSink sink;

  /** Guarded by the daemon's lock. */
  boolean open = true;

  /** A delivery threw: no more deliveries on this connection. Guarded by the daemon's lock. */
  boolean broken;

  RealConnection(DaemonCore core, SessionChannel channel, SessionSpec spec, DaemonEventSink sink) {
    this.core = core;
    this.channel = channel;
    this.spec = spec;
    this.sink = sink;
  }

  @Override
  public SessionSpec session() {
    return spec;
  }

  @Override
  public long createTask(TaskSpec taskSpec) {
    return core.createTask(this, taskSpec);
  }

  @Override
  public void resume(long taskIdentifier) {
    core.resume(this, taskIdentifier);
  }

  @Override
  public void suspend(long taskIdentifier) {
    core.suspend(this, taskIdentifier);
  }

  @Override
  public void cancel(long taskIdentifier) {
    core.cancel(this, taskIdentifier);
  }

  @Override
  public CompletableFuture<Optional<byte[]>> cancelByProducingResumeData(long taskIdentifier) {
    return core.cancelByProducingResumeData(this, taskIdentifier);
  }

  @Override
  public void provideBodyStream(long taskIdentifier, InputStream body) {
    core.provideBodyStream(this, taskIdentifier, body);
  }

  @Override
  public void continueDelayedRequest(
      long taskIdentifier, DelayedRequestDisposition disposition, RequestInfo newRequest) {
    core.continueDelayedRequest(this, taskIdentifier, disposition, newRequest);
  }

  @Override
  public void setEarliestBeginDate(long taskIdentifier, Instant earliestBeginDate) {
    core.setEarliestBeginDate(this, taskIdentifier, earliestBeginDate);
  }

  @Override
  public void setTaskDescription(long taskIdentifier, String description) {
    core.setTaskDescription(this, taskIdentifier, description);
  }

  @Override
  public List<TaskSnapshot> allTasks() {
    return core.allTasks(this);
  }

  @Override
  public Optional<TaskSnapshot> task(long taskIdentifier) {
    return core.task(this, taskIdentifier);
  }

  @Override
  public void finishTasksAndInvalidate() {
    core.finishTasksAndInvalidate(this);
  }

  @Override
  public void invalidateAndCancel() {
    core.invalidateAndCancel(this);
  }

  @Override
  public void close() {
    core.detach(this);
  }
}
