package lab.videofarm.urlsession.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import lab.videofarm.os.transferd.DaemonEventSink;
import lab.videofarm.os.transferd.TaskEvent;

/**
 * The session's end of the daemon connection. Each event runs on the session's delegate queue, and
 * {@link #deliver} returns only when that delegate call has returned: the daemon may then count the
 * event as delivered (and delete a download's temporary file). If the process dies first, the wait
 * ends with an exception and the event stays queued for the next launch.
 */
public final class DaemonBridge implements DaemonEventSink {
  private final Executor delegateQueue;
  private final Consumer<TaskEvent> dispatcher;

  /** Guarded by {@code this}. */
  private boolean closed;

  /** Guarded by {@code this}: deliveries waiting for the delegate queue. */
  private final Set<FutureTask<Void>> inFlight = new HashSet<>();

  public DaemonBridge(Executor delegateQueue, Consumer<TaskEvent> dispatcher) {
    this.delegateQueue = delegateQueue;
    this.dispatcher = dispatcher;
  }

  @Override
  public void deliver(TaskEvent event) throws Exception {
    FutureTask<Void> call = new FutureTask<>(() -> dispatcher.accept(event), null);
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the session is detached");
      }
      inFlight.add(call);
    }
    try {
      delegateQueue.execute(call);
      call.get();
    } catch (CancellationException e) {
      throw new IllegalStateException("the app process died before the delegate call returned", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } finally {
      synchronized (this) {
        inFlight.remove(call);
      }
    }
  }

  /** Refuses further events and ends every wait in progress. */
  public void close() {
    Set<FutureTask<Void>> pending;
    synchronized (this) {
      closed = true;
      pending = Set.copyOf(inFlight);
    }
    pending.forEach(call -> call.cancel(false));
  }
}
