/**
 * Apple's URLSession API for the simulated phone: what apps use to move bytes.
 *
 * <h2>One-minute guide</h2>
 *
 * <pre>{@code
 * URLSession session =
 *     URLSession.session(URLSessionConfiguration.background("videos"), delegate, null);
 * URLSessionDownloadTask task = session.downloadTask(URI.create(movieUrl));
 * task.setTaskDescription("movie 42");
 * task.resume();
 * // later, on the delegate queue:
 * public void didFinishDownloadingTo(URLSession s, URLSessionDownloadTask t, Path location) {
 *   Files.move(location, library.resolve("42.mp4"));   // now: the file is deleted on return
 * }
 * }</pre>
 *
 * <p>Make a configuration ({@link lab.videofarm.urlsession.URLSessionConfiguration#background} for
 * transfers that survive the app), create a {@link lab.videofarm.urlsession.URLSession} with a
 * delegate, create tasks ({@code downloadTask}, {@code uploadTask(request, fromFile)}, {@code
 * dataTask}), call {@code resume()}, and handle the delegate calls on the session's delegate queue.
 * After a relaunch, create the session again with the same identifier: the tasks are still there
 * ({@code getAllTasks}) and the events that happened meanwhile are delivered to the new delegate.
 *
 * <h2>Glossary</h2>
 *
 * <dl>
 *   <dt>background session
 *   <dd>A session made from {@code URLSessionConfiguration.background(identifier)}. Its transfers
 *       belong to the system's transfer daemon and carry on while the app is suspended or dead.
 *   <dt>delegate queue
 *   <dd>Where all delegate calls and completion handlers of a session run, one at a time. Yours
 *       (any executor, even the Swing thread) or a serial queue of the session's own.
 *   <dt>relink
 *   <dd>A new session with an existing background identifier taking over its tasks; the timeline
 *       says {@code session relinked}.
 *   <dt>resume data
 *   <dd>An opaque blob to continue a download, or (iOS 17 and later, when the server speaks the
 *       "Resumable Uploads for HTTP" draft, interop version 3) an upload from a file.
 *   <dt>delayed request
 *   <dd>A background task with an {@code earliestBeginDate}; when it comes, the delegate's {@code
 *       willBeginDelayedRequest} may continue, swap or cancel it.
 *   <dt>invalidation
 *   <dd>The end of a session ({@code finishTasksAndInvalidate}, {@code invalidateAndCancel}): the
 *       delegate hears {@code didBecomeInvalidWithError} last, and the identifier is free again.
 * </dl>
 *
 * <h2>FAQ</h2>
 *
 * <p><b>Why does {@code dataTask(url, handler)} throw in a background session?</b> iOS refuses it:
 * the events may arrive in a later launch, where no handler exists. Use a delegate.
 *
 * <p><b>Why is my downloaded file gone?</b> It is deleted when {@code didFinishDownloadingTo}
 * returns: move it inside that method, not later on another thread.
 *
 * <p><b>Is a 404 an error?</b> No: the task completes with no error. Check the response's status
 * code.
 *
 * <p><b>My task objects from before the relaunch: are they still good?</b> No, they belonged to the
 * dead launch. Ask {@code getAllTasks} and match on {@code taskIdentifier} or {@code
 * taskDescription}.
 *
 * <p><b>Can I pass the Swing thread as the delegate queue?</b> Yes. The session never waits on its
 * delegate queue; keep your delegate methods short, as they hold up the events behind them.
 *
 * <p><b>Why is my upload resume data nil?</b> The server never answered {@code 104 Upload
 * Resumption Supported}, so the bytes it got cannot be continued.
 *
 * <h2>Inside</h2>
 *
 * <p>{@code URLSession} is the public face; the work is in package-private classes: {@code
 * EventDispatcher} (one method per daemon event, each becoming one delegate call), {@code
 * CompletionHandlers} (tasks that answer a handler instead of the delegate), {@code TaskRegistry}
 * (the task objects of this launch), {@code BackgroundRules} (what a background session refuses),
 * {@code Conversions} (API values to the daemon's and back), {@code DaemonLink} and {@code
 * DelegateQueue} (the line to the daemon and the queue its events arrive on), and {@code
 * SessionLog} (the session's timeline entries). The bridge to the daemon is in {@link
 * lab.videofarm.urlsession.internal}.
 */
package lab.videofarm.urlsession;
