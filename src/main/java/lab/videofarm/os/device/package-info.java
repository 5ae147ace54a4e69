/**
 * The simulated phone: installed apps and their lifecycle.
 *
 * <p><b>In one minute.</b> {@link lab.videofarm.os.device.Device} installs {@link
 * lab.videofarm.os.device.AppBundle}s and runs them as iOS would: {@code launch} (a tap), {@code
 * goHome}, {@code bringToForeground}, {@code terminate} (the system, memory pressure: transfers go
 * on), {@code forceQuit} (the user: the daemon cancels the app's transfers), relaunch in the
 * background when the transfer daemon has events ({@code handleEventsForBackgroundURLSession}), and
 * background fetch. Each launch runs in a fresh class loader, so a kill really ends the app. {@code
 * Device} is the front door; the state machine, the background work and the launch itself live in
 * {@code os.device.internal}.
 *
 * <p><b>States.</b> {@code NOT_RUNNING -> FOREGROUND} on a tap; {@code FOREGROUND -> BACKGROUND ->
 * SUSPENDED} after going home and the grace period; {@code SUSPENDED -> BACKGROUND} for session
 * events or a fetch, and back to {@code SUSPENDED} once the app calls the handler; {@code ->
 * NOT_RUNNING} on terminate, force-quit or crash. Each change is posted on the timeline as {@code
 * app state} ({@code "bundle FROM -> TO (why)"}) and told to the daemon in order.
 *
 * <p><b>Glossary.</b> <i>Launch number</i>: counts every launch on the device, from 1; the timeline
 * tags events with it. <i>Grace period</i>: {@link lab.videofarm.os.device.Device#SUSPEND_GRACE} of
 * background running after the user goes home. <i>Background work</i>: session events or a fetch;
 * the app stays awake until it calls the completion handler or {@link
 * lab.videofarm.os.device.Device#BACKGROUND_TIME_LIMIT} passes.
 *
 * <p><b>FAQ.</b> <i>Why does a killed app lose its singletons?</i> Its classes lived in the dead
 * launch's class loader; the next launch loads them again, with fresh statics. <i>Who calls {@code
 * relaunchForEvents}?</i> The transfer daemon, through {@code TransferService.setRelauncher}; the
 * device registers itself when it is created. <i>In what order does a relaunch for events run?</i>
 * As on iOS: {@code didFinishLaunching} (if the app was not running), then {@code
 * handleEventsForBackgroundURLSession}, where the app keeps the handler; only then does the daemon
 * deliver the session's events, ending with {@code urlSessionDidFinishEvents}, after which the app
 * calls the handler on the main thread.
 */
package lab.videofarm.os.device;
