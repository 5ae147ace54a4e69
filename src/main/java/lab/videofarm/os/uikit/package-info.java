/**
 * What an app sees of the system, named after UIKit.
 *
 * <p><b>In one minute.</b> An app implements {@link lab.videofarm.os.uikit.ApplicationDelegate}, as
 * {@code UIApplicationDelegate}: the device calls {@code didFinishLaunching} first, then {@code
 * didEnterBackground}, {@code willEnterForeground}, {@code willTerminate}, and for background work
 * {@code handleEventsForBackgroundURLSession} and {@code performFetch}, always on the main thread.
 * With {@code didFinishLaunching} comes the {@link lab.videofarm.os.uikit.Application} (as {@code
 * UIApplication.shared}) for the length of one launch: device clock, container folder, info
 * dictionary, main executor, serial queues, the fetch interval, and the timeline. {@link
 * lab.videofarm.os.uikit.LaunchOptions} say why the app was launched.
 *
 * <p><b>Glossary.</b> <i>Main thread</i>: the event dispatch thread; delegate calls and screen work
 * run there. <i>Completion handler</i>: what the system hands with background work; the app must
 * call it exactly once, and within {@code Device.BACKGROUND_TIME_LIMIT}. <i>Container</i>: the
 * app's private folder, kept across launches and updates.
 *
 * <p><b>FAQ.</b> <i>Can the app keep the {@code Application} in a static?</i> It may, but it dies
 * with the launch: every executor, queue and timer it handed out stops at a kill. <i>When is the
 * session's completion handler called?</i> By the app, on the main thread, after {@code
 * urlSessionDidFinishEvents}: the device hands it over before the daemon delivers the events.
 */
package lab.videofarm.os.uikit;
