package lab.videofarm.server.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose request head (request line and headers) has not arrived within a
 * deadline. Jetty's idle timeout restarts with every byte, and its minimum data rate applies to
 * bodies only, so without this a client sending one header byte a second holds a connection and its
 * parser for as long as it likes.
 *
 * <p>A sweep looks at each connection's parser a few times per deadline: a head is timed from the
 * first sweep that sees it begun and unfinished, so a connection is cut between one deadline and
 * one deadline plus a sweep after its head began. A connection waiting between requests is left to
 * the idle timeout.
 */
final class RequestHeadDeadline extends AbstractLifeCycle {
  private final ServerConnector connector;
  private final Scheduler scheduler;
  private final long deadlineNanos;
  private final long sweepMillis;

  /** Heads in progress, by connection: which request (messages read so far) and since when. */
  private final Map<EndPoint, Head> heads = new ConcurrentHashMap<>();

  private volatile Scheduler.Task next;

  private record Head(long messagesIn, long since) {}

  RequestHeadDeadline(ServerConnector connector, Scheduler scheduler, Duration deadline) {
    this.connector = connector;
    this.scheduler = scheduler;
    this.deadlineNanos = deadline.toNanos();
    this.sweepMillis = Math.max(50, Math.min(1000, deadline.toMillis() / 4));
  }

  @Override
  protected void doStart() {
    schedule();
  }

  @Override
  protected void doStop() {
    Scheduler.Task task = next;
    if (task != null) {
      task.cancel();
    }
    heads.clear();
  }

  private void schedule() {
    if (!isRunning() && !isStarting()) {
      return;
    }
    try {
      next = scheduler.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      // The server is stopping; so are its connections.
    }
  }

  private void sweep() {
    try {
      long now = System.nanoTime();
      Set<EndPoint> connected = new HashSet<>();
      for (EndPoint endPoint : connector.getConnectedEndPoints()) {
        connected.add(endPoint);
        check(endPoint, now);
      }
      heads.keySet().retainAll(connected);
    } finally {
      schedule();
    }
  }

  private void check(EndPoint endPoint, long now) {
    if (!(endPoint.getConnection() instanceof HttpConnection connection)
        || !headInProgress(connection.getParser())) {
      heads.remove(endPoint);
      return;
    }
    long request = connection.getMessagesIn();
    Head head =
        heads.compute(
            endPoint,
            (key, seen) ->
                seen != null && seen.messagesIn() == request ? seen : new Head(request, now));
    if (now - head.since() >= deadlineNanos) {
      heads.remove(endPoint);
      endPoint.close(
          new TimeoutException(
              "request head not complete within " + Duration.ofNanos(deadlineNanos)));
    }
  }

  private static boolean headInProgress(HttpParser parser) {
    return parser.inHeaderState() && !parser.isStart() && !parser.isClose() && !parser.isClosed();
  }
}
