/**
 * The story as plain data: a {@link lab.videofarm.ui.scene.Scene} is what the daemon, the device
 * and each app launch held just after one timeline event, folded from the events alone by {@link
 * lab.videofarm.ui.scene.SceneFold}. {@link lab.videofarm.ui.scene.SceneHistory} keeps every event
 * and answers "the scene after event N" for scrubbing. The object graph and the daemon inspector
 * draw scenes; they never look at the live daemon, so a timeline loaded from a file drives them
 * just the same.
 *
 * <p>What the timeline does not say, a scene does not know: a queued event the daemon did not name
 * is an unnamed {@link lab.videofarm.ui.scene.QueuedEvent}; a record restored from an archive is
 * named after the one the previous launch held until a notification names it.
 */
package lab.videofarm.ui.scene;
