/** The Stories menu: the three headless stories played from the window, their timelines shown. */
package lab.videofarm.ui.story;
