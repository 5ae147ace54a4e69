/**
 * The daemon inspector: every task the daemon holds across apps and sessions — session, task,
 * request, kind, state, bytes against expected, the launch it is attached to or "waiting for
 * relaunch", events queued — and each app's relaunch delay from the rate limiter, all from one
 * {@link lab.videofarm.ui.scene.Scene}.
 */
package lab.videofarm.ui.inspector;
