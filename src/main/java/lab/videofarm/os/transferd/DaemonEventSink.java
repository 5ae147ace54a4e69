package lab.videofarm.os.transferd;

/**
 * Where the daemon hands a connected session its events. The daemon calls {@link #deliver} for one
 * session on one thread at a time, in order, holding none of its own locks, and waits for it to
 * return: an event counts as delivered only then. If {@code deliver} throws, or the connection
 * closes while it runs, the event stays queued for the next connection with that identifier.
 */
@FunctionalInterface
public interface DaemonEventSink {
  void deliver(TaskEvent event) throws Exception;
}
