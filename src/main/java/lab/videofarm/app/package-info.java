/**
 * The VideoFarm app: what a student writes, running on the simulated phone.
 *
 * <p>The app sees the system only through {@code os.uikit} (its {@code Application} and the
 * delegate entry points), {@code os.clock}, {@code os.timeline} and, for networking, {@code
 * urlsession}. It never touches the transfer daemon or the device directly: the architecture test
 * fails the build if it does. Each launch loads this package afresh, so nothing static survives a
 * kill; a relaunched app knows only what its archives and the daemon tell it. The numbered rules
 * the code cites ("rule 15") are in {@code docs/ios-behaviour.md}.
 *
 * <h2>Where things are</h2>
 *
 * <dl>
 *   <dt>{@link lab.videofarm.app.AppDelegate}
 *   <dd>The entry points the device calls: launch, background session events, background fetch,
 *       terminate, and the root view.
 *   <dt>{@link lab.videofarm.app.VFMAPIClient}
 *   <dd>The course's API client and the background session's delegate: it wires the classes below
 *       together and is the one face the screens and the commands see.
 *   <dt>One class per lesson
 *   <dd>{@code Sessions} (1), {@code Responses} (2), {@code PrepareVideo} (3), {@code Downloads}
 *       (4), {@code PauseResume} (5), {@code Uploads} (6), {@code Relaunch} and the completion
 *       handler in {@code AppDelegate} (7), {@code BackgroundRefresh} (8), {@code ResumableUploads}
 *       (9). Their exercises are fenced by {@code // BEGIN SOLUTION lesson N} markers; in the
 *       student starter each becomes a stub that throws {@link
 *       lab.videofarm.app.NotImplementedYet}, which the app reports ("not implemented yet") instead
 *       of crashing.
 *   <dt>Provided
 *   <dd>{@code TransferStore} (the records by task identifier, the download key scheme, the
 *       archives), {@code TaskActions} (suspend, resume, cancel a task found by identifier), {@code
 *       ClientSessions}, {@code AppLog}, {@code VideoLibrary}, {@code KnownVideos}, {@code
 *       Reconciliation}.
 *   <dt>{@link lab.videofarm.app.AppCommands}
 *   <dd>The screens' buttons as static methods, for tests and stories that drive a launch from
 *       outside through its class loader.
 *   <dt>{@link lab.videofarm.app.screens}
 *   <dd>The app's Swing screens, fed only by notifications.
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
 *   <li>{@code getAllTasks} against the archived records: live tasks are relinked, finished ones
 *       complete from the queued events, records whose task vanished are marked failed. The outcome
 *       is reported on the timeline ({@code APP reconciled}).
 *   <li>{@code BackgroundEventsFinished}: call the completion handler the system gave.
 * </ol>
 *
 * <pre>
 *   launch N                 daemon                      launch N+1 (background)
 *   --------                 ------                      --------------------------
 *   session "…background" -> owns task 7
 *   records {7: download} -> downloads.json
 *   killed                   keeps going; finishes;
 *                            queues didFinish, didComplete
 *                            relaunches the app -------> restore archives {7: download}
 *                                                        session "…background" (same id)
 *                            relinks, delivers queued -> move file, save, notify
 *                            urlSessionDidFinishEvents -> completion handler (main thread)
 * </pre>
 *
 * <h2>FAQ</h2>
 *
 * <dl>
 *   <dt>Why a static {@code sharedInstance} when statics are frowned upon?
 *   <dd>It is what the course teaches, and here it is honest: the class lives in the launch's own
 *       class loader, so there is exactly one per launch and it dies with the launch.
 *   <dt>Where does the app learn the server's address?
 *   <dd>From its bundle's info dictionary, key {@code VFMServerURL}.
 * </dl>
 */
package lab.videofarm.app;
