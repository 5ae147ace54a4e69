/**
 * How the device runs apps; not API (the UI and tests reach it through {@link
 * lab.videofarm.os.device.Device}).
 *
 * <p><b>In one minute.</b> {@code AppTable} holds the installed apps and the one lock that guards
 * them. {@code Lifecycle} makes every state change under that lock: launch, home, foreground, the
 * grace period before suspension, kill and crash. A transition changes state and posts it on the
 * timeline under the lock, and collects what must run outside it (telling the daemon through {@code
 * StateReports}, calling the delegate through {@code DelegateCalls}) for the caller to run once the
 * lock is released. {@code BackgroundWork} is the system's side of background work: relaunch for
 * session events, background fetch and its schedule, each with a {@code OnceBeforeDeadline}
 * handler. One launch is a {@code LaunchedProcess}: its {@code LaunchClassLoader} (child-first for
 * the app's packages), its {@code MainExecutor} on the event dispatch thread, its {@code
 * ProcessClock}, and the {@code ApplicationView} the app is handed.
 *
 * <p><b>Glossary.</b> <i>Guarded</i>: runs with the lifecycle lock held. <i>Report</i>: one state
 * change told to the daemon, in the order the changes happened. <i>Background work</i>: session
 * events or a fetch; it keeps the app awake until its handler is called or the time limit passes.
 *
 * <p><b>FAQ.</b> <i>Why is the daemon told late when a suspended app wakes for session events?</i>
 * The daemon delivers a session's queued events as soon as it hears the app runs; the app must have
 * received {@code handleEventsForBackgroundURLSession} and kept its handler first, so the wake is
 * reported from the main thread once that call returns. <i>Why can a dead launch's code not
 * run?</i> Its main executor drops queued work, its clock cancels its timers, its queues are shut
 * down, and its class loader is no longer referenced.
 */
package lab.videofarm.os.device.internal;
