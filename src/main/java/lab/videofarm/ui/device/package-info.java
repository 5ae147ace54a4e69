/**
 * The device's and the network's controls, as {@link javax.swing.Action}s with shortcuts and
 * tooltips that say what iOS would do, run off the Swing thread.
 */
package lab.videofarm.ui.device;
