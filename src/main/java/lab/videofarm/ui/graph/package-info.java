/**
 * The object graph, the heart of the course: the daemon's sessions with their tasks and queued
 * events on the left, the app's latest launch with AppDelegate → VFMAPIClient → URLSession →
 * delegate and its records on the right, and the link by session identifier between them. {@link
 * lab.videofarm.ui.graph.ObjectGraphPanel} draws one {@link lab.videofarm.ui.scene.Scene} with
 * Java2D and animates what changed since the previous one: a killed launch fades while the daemon
 * keeps moving, a relaunch slides in, draws its records from the archive files, the link is drawn,
 * queued events fly to the delegate and the completion handler lights up. Colours and type come
 * from the look and feel at each paint, so light, dark and presentation scaling apply at once.
 *
 * <p>{@link lab.videofarm.ui.graph.ComponentImages} paints any of the views into an image, for the
 * documentation's screenshots.
 */
package lab.videofarm.ui.graph;
