/**
 * How a URLSession meets the transfer daemon. Not API: only {@code lab.videofarm.urlsession} uses
 * it (the architecture test enforces that).
 *
 * <ul>
 *   <li>{@link lab.videofarm.urlsession.internal.DaemonBridge}: the session's {@code
 *       DaemonEventSink}. The daemon hands it one event at a time on its delivery thread; the
 *       bridge runs the delegate call on the session's delegate queue and returns only when that
 *       call has returned, which is when the daemon counts the event delivered. Events that arrive
 *       before the session is ready wait on the daemon's thread, never on the delegate queue.
 *   <li>{@link lab.videofarm.urlsession.internal.SerialExecutor}: makes an app's executor (which
 *       may have many threads) run delegate calls one at a time, in order.
 *   <li>{@link lab.videofarm.urlsession.internal.BackgroundIdentifiers}: the background identifiers
 *       in use by the live sessions of one app process, kept in process-local storage so that they
 *       die with it.
 * </ul>
 *
 * <p>Threads, in the order an event meets them: the daemon's {@code transferd-deliver-*} thread
 * (waits in {@code DaemonBridge.deliver}), then the session's delegate queue (runs the delegate
 * call). Nothing here holds a lock while app code runs.
 */
package lab.videofarm.urlsession.internal;
