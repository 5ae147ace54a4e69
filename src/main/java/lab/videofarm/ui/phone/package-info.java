/**
 * The phone on the left of the window: a case drawn around a screen that shows the app's own root
 * view while it is in the foreground, the home screen while it is in the background or suspended,
 * and an empty "not running" screen after a kill, under a status bar with the launch number, the
 * app's state and the network.
 */
package lab.videofarm.ui.phone;
