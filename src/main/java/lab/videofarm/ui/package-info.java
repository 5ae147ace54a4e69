/**
 * The instructor's window: a phone with the VideoFarm app running inside it, the controls an
 * instructor uses to do to it what iOS does (launch, home, terminate, force quit, background fetch,
 * the network conditioner), the views built from the timeline (the object graph and the daemon
 * inspector, behind {@link lab.videofarm.ui.SceneView}), and the timeline itself.
 *
 * <h2>Shape</h2>
 *
 * <p>As FlatLaf's demo: {@code VideoFarmLab.main} installs the look and feel, builds {@link
 * lab.videofarm.ui.LabWindow}, packs, places and shows it, all inside {@code invokeLater}; one
 * class per panel ({@code phone.PhonePanel}, {@code device.DeviceControlsPanel}, {@code
 * timeline.TimelinePanel}); every command is an {@link javax.swing.Action} whose shortcut is
 * registered once, in the menu bar ({@link lab.videofarm.ui.LabMenus}).
 *
 * <h2>Threads</h2>
 *
 * <p>The Swing thread is also the app's main thread, so it must never wait: device operations run
 * on the window's worker thread, files are read and written by {@code SwingWorker}s, and timeline
 * events reach Swing in batches at most 30 times a second ({@code timeline.TimelineFeed}). {@link
 * lab.videofarm.ui.EdtWatchdog} posts a warning on the timeline for any stall over 100 ms.
 *
 * <h2>FAQ</h2>
 *
 * <p><b>How do the app's screens get onto the phone?</b> Each launch has its own class loader, so
 * the window cannot build the app's screens itself: it asks the launch's delegate for its root view
 * ({@code ApplicationDelegate.rootView()}) on the main thread, right after {@code
 * didFinishLaunching}, and drops it when the launch dies.
 *
 * <p><b>Why a list of events of its own?</b> The OS timeline keeps the last 50,000 events for late
 * subscribers; the window keeps every event it was fed, so a long session can still be scrolled,
 * scrubbed and saved whole.
 */
package lab.videofarm.ui;
