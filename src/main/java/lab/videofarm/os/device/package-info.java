/**
 * The simulated phone: installed apps and their lifecycle.
 *
 * <p><b>In one minute.</b> {@link lab.videofarm.os.device.Device} installs {@link
 * lab.videofarm.os.device.AppBundle}s and runs them as iOS would: {@code launch} (a tap), {@code
 * goHome}, {@code bringToForeground}, {@code terminate} (the system, memory pressure: transfers go
 * on), {@code forceQuit} (the user: the daemon cancels the app's transfers), relaunch in the
 * background when the transfer daemon has events ({@code handleEventsForBackgroundURLSession}), and
 * background fetch. Each launch runs in a fresh class loader, so a kill really ends the app.
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
 * device registers itself when it is created.
 */
package lab.videofarm.os.device;
