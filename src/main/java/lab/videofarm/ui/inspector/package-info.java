/**
 * The daemon inspector: every task the daemon holds across apps and sessions — its number, kind and
 * request over its session's identifier, its state, bytes against expected, the launch it is
 * attached to or "waiting for relaunch", events queued — and each app's relaunch delay from the
 * rate limiter, all from one {@link lab.videofarm.ui.scene.Scene}. Long texts lose their middle in
 * a narrow inspector, never the part that tells rows apart.
 */
package lab.videofarm.ui.inspector;
