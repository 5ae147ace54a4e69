/**
 * The transfer daemon (nsurlsessiond) and the message boundary the URLSession layer talks to it
 * through, like XPC: requests and events are plain values, never shared mutable objects.
 *
 * <h2>In one minute</h2>
 *
 * <ol>
 *   <li>A session {@link lab.videofarm.os.transferd.TransferService#connect connects} with a copy
 *       of its configuration ({@link lab.videofarm.os.transferd.SessionSpec}) and a {@link
 *       lab.videofarm.os.transferd.DaemonEventSink}; it gets a {@link
 *       lab.videofarm.os.transferd.DaemonConnection}.
 *   <li>It creates tasks ({@link lab.videofarm.os.transferd.TaskSpec}); they start suspended and
 *       run after {@code resume}.
 *   <li>The daemon reports {@link lab.videofarm.os.transferd.TaskEvent}s, one at a time and in
 *       order, to the sink. Each maps onto one delegate call.
 *   <li>When the app process dies its connections close. Background tasks carry on; their events
 *       queue (persisted in the journal) and the daemon asks the device to relaunch the app. When
 *       the new process connects with the same identifier, the queue is delivered, then {@code
 *       DidFinishEventsForBackgroundSession}.
 * </ol>
 *
 * <h2>Glossary</h2>
 *
 * <ul>
 *   <li><b>Background session</b>: has an identifier; its tasks outlive the process.
 *   <li><b>Default session</b>: no identifier; its tasks die with the connection, silently.
 *   <li><b>Attached</b>: a session with an open connection; "in use" for -996 means exactly this.
 *   <li><b>Resume data</b>: opaque bytes to continue a download; single use. Its partial file stays
 *       in the daemon's {@code downloads} folder until a task adopts it, or for three days of
 *       device time, as iOS cleans its temporary files.
 *   <li><b>Journal</b>: the daemon's crash-safe state in its state directory: a snapshot and a log
 *       of what changed since.
 * </ul>
 *
 * <h2>FAQ</h2>
 *
 * <p><b>Why does a progress event never reach a relaunched app?</b> Progress is only sent to an
 * attached session; the queue keeps what the app must not miss.
 *
 * <p><b>When is a download's temp file deleted?</b> As soon as delivery of {@code
 * DidFinishDownloading} returns: the app must move it before returning. The timeline says which
 * happened: "temp file moved" (the app moved it), or a warning "temp file deleted" (it did not).
 *
 * <p><b>Which error codes?</b> See {@code internal.ErrorCodes}, with Apple's names.
 */
package lab.videofarm.os.transferd;
