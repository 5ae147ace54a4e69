/**
 * The VideoFarm app: what a student writes, running on the simulated phone.
 *
 * <p>The app sees the system only through {@code os.uikit} (its {@code Application} and the
 * delegate entry points), {@code os.clock}, {@code os.timeline} and, for networking, {@code
 * urlsession}. It never touches the transfer daemon or the device directly: the architecture test
 * fails the build if it does. Each launch loads this package afresh, so nothing static survives a
 * kill; a relaunched app knows only what its archives and the daemon tell it.
 *
 * <h2>Where things are</h2>
 *
 * <dl>
 *   <dt>{@link lab.videofarm.app.model}
 *   <dd>The four records of the course: {@code VFMVideo}, {@code VFMRemoteVideo}, {@code
 *       VFMVideoUpload}, {@code VFMVideoDownload}, and the JSON setup.
 *   <dt>{@link lab.videofarm.app.notification}
 *   <dd>The notification center and one record per thing that can happen.
 *   <dt>{@link lab.videofarm.app.archive}
 *   <dd>What survives a kill: the session identifier, uploads and downloads by task identifier.
 * </dl>
 *
 * <h2>The relaunch, from the app's side</h2>
 *
 * <ol>
 *   <li>{@code didFinishLaunching}: restore the archives, create the notification center.
 *   <li>Recreate the background session with the saved identifier; the daemon delivers what it
 *       queued.
 *   <li>Each delegate callback finds its upload or download by task identifier, makes the new
 *       record with a {@code with...} method, saves the archive when it matters, and posts a
 *       notification.
 *   <li>{@code BackgroundEventsFinished}: call the completion handler the system gave.
 * </ol>
 */
package lab.videofarm.app;
