/**
 * Notifications: how the VideoFarm app tells its parts what happened, without them knowing each
 * other.
 *
 * <p>This is the course's {@code NSNotificationCenter}, built on Guava's {@code EventBus}. The API
 * client posts small immutable records named for what happened ({@link
 * lab.videofarm.app.notification.VideoDownloadProgressed}, {@link
 * lab.videofarm.app.notification.VideoUploadFinished}...); views and other parts subscribe to the
 * ones they care about. When the system kills the app and relaunches it in the background, nothing
 * has to be relinked: whoever registers with the new launch's {@link
 * lab.videofarm.app.notification.Notifications} hears what the new delegate posts.
 *
 * <h2>Using it</h2>
 *
 * <pre>{@code
 * Notifications notifications = new Notifications(application, clock);  // one per launch
 * notifications.register(new Object() {
 *   @Subscribe public void downloadProgressed(VideoDownloadProgressed progressed) {
 *     progressBar.setValue(...);   // runs on the Swing thread
 *   }
 * });
 * notifications.post(new VideoDownloadProgressed(sessionId, taskId, download));
 * ...
 * notifications.close();   // when the launch ends
 * }</pre>
 *
 * <h2>Glossary</h2>
 *
 * <dl>
 *   <dt>Notification
 *   <dd>A record implementing {@link lab.videofarm.app.notification.Notification}; the sealed
 *       interface lists them all.
 *   <dt>Subscriber
 *   <dd>Any object with public {@code @Subscribe} methods taking one notification type.
 *   <dt>Unheard notification
 *   <dd>One posted while nobody subscribes to its type: Guava's {@code DeadEvent}. Shown on the
 *       timeline as a warning.
 *   <dt>Coalescing
 *   <dd>Progress arrives many times a second; per task at most one every 100 ms gets through, and
 *       the latest always does.
 * </dl>
 *
 * <h2>FAQ</h2>
 *
 * <dl>
 *   <dt>Why not listeners or delegates?
 *   <dd>Guava itself now recommends typed listeners. The course is about what broadcasting buys
 *       when the process can die at any time: fewer links to rebuild.
 *   <dt>Which thread runs my subscriber?
 *   <dd>The main (Swing) thread, unless the center was built with another executor.
 *   <dt>What if my subscriber throws?
 *   <dd>Other subscribers still get the notification; the exception appears on the timeline.
 * </dl>
 */
package lab.videofarm.app.notification;
