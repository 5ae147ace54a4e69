package lab.videofarm.urlsession.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
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
 *
 * <p>The daemon may start delivering queued events before {@code connect} has returned. Those wait
 * in {@link #deliver}, on the daemon's delivery thread, until the session calls {@link #open}:
 * never on the delegate queue, which may be the app's main (Swing) thread and must not block.
 */
public final class DaemonBridge implements DaemonEventSink {
  private final Executor delegateQueue;
  private final Consumer<TaskEvent> dispatcher;

  /** Completes when the session is ready for events; fails when it is closed before that. */
  private final CompletableFuture<Void> opened = new CompletableFuture<>();

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
    awaitOpen();
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

  private void awaitOpen() throws InterruptedException {
    try {
      opened.get();
    } catch (ExecutionException | CancellationException e) {
      throw new IllegalStateException("the session is detached", e);
    }
  }

  /** Lets events through to the delegate queue: the session is connected and announced. */
  public void open() {
    opened.complete(null);
  }

  /** Refuses further events and ends every wait in progress. */
  public void close() {
    Set<FutureTask<Void>> pending;
    synchronized (this) {
      closed = true;
      pending = Set.copyOf(inFlight);
    }
    opened.cancel(false);
    pending.forEach(call -> call.cancel(false));
  }
}
