/**
 * How the device runs one launch: its class loader ({@code LaunchClassLoader}, child-first for the
 * app's packages), the process ({@code LaunchedProcess}: executors, hooks, process-local storage,
 * kill), the main executor on the Swing thread, and a clock whose timers die with the launch. Not
 * API: the UI and tests reach a launch through {@link lab.videofarm.os.device.Device}.
 */
package lab.videofarm.os.device.internal;
