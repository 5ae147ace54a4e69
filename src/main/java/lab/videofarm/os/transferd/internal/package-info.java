/**
 * How the transfer daemon works inside, in one minute.
 *
 * <p><b>Where to start.</b> {@link lab.videofarm.os.transferd.internal.DaemonCore}: the lock, the
 * registries (sessions, task-id counters), the entry points from the device, and the threads,
 * queues and promises of the whole daemon. Then {@code Scheduler}: a task's life top to bottom
 * (resume, admit, run, attempt ended, retry or complete). Then {@code TransferCall#execute()}: one
 * HTTP attempt, step by step.
 *
 * <p><b>A task's life.</b>
 *
 * <ol>
 *   <li>The app calls through its {@code RealConnection} ({@code createTask}, {@code resume}, ...);
 *       {@code TaskFactory} makes the {@code TaskRecord}, taking over any resume data.
 *   <li>{@code Scheduler.advance} asks {@code AdmissionPolicy} (earliestBeginDate, the rate
 *       limiter, the delayed-request question, the network, discretionary) whether to go; waits run
 *       on {@code TaskTimers}.
 *   <li>A worker runs a {@code TransferCall}: {@code AttemptStart} decides where it starts (offset,
 *       validator, upload resource), {@code RequestBuilder} builds the request, {@code
 *       ResponseReader} takes in the response. It reaches shared state only through its {@code
 *       TransferListener} ({@code AttemptHooks}), which reports progress through the {@code
 *       ProgressMeter}.
 *   <li>When the attempt ends, {@code RetryPolicy} says stop, fail or retry; {@code Completion} is
 *       the one place a task completes ({@code DidComplete}).
 *   <li>{@code Mailbox} queues each session's events and delivers them in order on the session's
 *       delivery thread; {@code RelaunchRequests} wakes or launches the app for them.
 * </ol>
 *
 * <p><b>Across deaths.</b> {@code StateStore} writes the state to the {@link
 * lab.videofarm.os.transferd.internal.Journal} after the lock is released, only the entries that
 * changed ({@code StateEntries}, {@code StateCodec}: what goes in it), and restores it on start.
 * {@code DownloadsFolder} owns the partial files: it hands them to resume data, expires unused
 * resume data, and removes orphans on start. {@code DownloadWriter} writes a download's file and
 * makes it durable in steps as it arrives; the journal and resume data count only durable bytes, so
 * a power cut never leaves them claiming more than the disk kept.
 *
 * <p><b>Smaller parts.</b> {@code Attempt}: one exchange, stoppable from any thread; {@code
 * HostConnections}: a session's httpMaximumConnectionsPerHost, which tasks wait for before their
 * attempt (and its request timer) starts; {@code Link}: the network conditioner applied to it;
 * {@code HttpTransport}: the HttpClient 5 classic client; {@code HttpMessages}: header rules and
 * conversions; {@link lab.videofarm.os.transferd.internal.ResumeData} and {@link
 * lab.videofarm.os.transferd.internal.UploadResumeData}: the opaque resume data; {@code
 * ResumableUploadDraft}: resumable uploads, one class per interop version; {@link
 * lab.videofarm.os.transferd.internal.ErrorCodes}: Apple's codes and why each is used; {@code
 * DaemonLog}: the daemon's timeline lines; {@code DaemonParts}: the wiring.
 */
package lab.videofarm.os.transferd.internal;
