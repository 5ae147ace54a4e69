/**
 * The VideoFarm app's own screens, in Swing: the video list with thumbnails, the transfers with
 * progress and pause/resume buttons, and the form to add a video. Built on the main thread by
 * {@code AppDelegate.rootView()}; they change only when a notification arrives, so a relaunched app
 * needs no links rebuilt: new screens subscribe, and the next notification reaches them.
 */
package lab.videofarm.app.screens;
