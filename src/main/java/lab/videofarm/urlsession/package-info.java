/**
 * Apple's URLSession API for the simulated phone: what apps use to move bytes.
 *
 * <p><b>In one minute.</b> Make a configuration ({@link
 * lab.videofarm.urlsession.URLSessionConfiguration#background(String)} for transfers that survive
 * the app), create a {@link lab.videofarm.urlsession.URLSession} with a delegate, create tasks
 * ({@code downloadTask}, {@code uploadTask(request, fromFile)}, {@code dataTask}), call {@code
 * resume()}, and handle the delegate calls on the session's delegate queue. After a relaunch,
 * create the session again with the same identifier: the tasks are still there ({@code
 * getAllTasks}) and the events that happened meanwhile are delivered to the new delegate.
 *
 * <p><b>Glossary.</b> <i>Delegate queue</i>: where all delegate calls of a session run, one at a
 * time. <i>Resume data</i>: an opaque blob to continue a download, or (iOS 17 and later, when the
 * server speaks the "Resumable Uploads for HTTP" draft, interop version 3) an upload from a file.
 * <i>Delayed request</i>: a background task with an {@code earliestBeginDate}; when it comes, the
 * delegate's {@code willBeginDelayedRequest} may continue, swap or cancel it. <i>Relink</i>: a new
 * session with an existing background identifier taking over its tasks.
 *
 * <p><b>FAQ.</b> <i>Why does {@code dataTask(url, handler)} throw in a background session?</i> iOS
 * refuses it: the events may arrive in a later launch, where no handler exists. <i>Why is my
 * downloaded file gone?</i> It is deleted when {@code didFinishDownloadingTo} returns: move it
 * inside that method. <i>Is a 404 an error?</i> No: check the response's status code. <i>Why is my
 * upload resume data nil?</i> The server never answered {@code 104 Upload Resumption Supported}, so
 * the bytes it got cannot be continued.
 */
package lab.videofarm.urlsession;
