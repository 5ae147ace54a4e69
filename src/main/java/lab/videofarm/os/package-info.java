/**
 * The simulated operating system: the part of a phone that students never see.
 *
 * <h2>What lives here</h2>
 *
 * <ul>
 *   <li>{@link lab.videofarm.os.clock} — device time, injectable so tests can fast-forward it.
 *   <li>{@link lab.videofarm.os.timeline} — the one bus every layer reports to, as plain data.
 *   <li>{@link lab.videofarm.os.transferd} — the transfer daemon (iOS's {@code nsurlsessiond}): it
 *       owns background transfers, keeps them going while the app is dead, queues their events and
 *       hands them over when the app reconnects with the same session identifier.
 *   <li>{@link lab.videofarm.os.net} — the network conditioner: online/offline, presets, drops.
 *   <li>{@link lab.videofarm.os.device} — the device: launches, backgrounding, suspension, system
 *       termination, force-quit, background relaunch, background fetch. Each launch loads the app's
 *       classes in a fresh class loader, so a kill destroys the whole object graph.
 *   <li>{@link lab.videofarm.os.uikit} — what an app implements and receives from the system.
 * </ul>
 *
 * <h2>Glossary</h2>
 *
 * <dl>
 *   <dt>launch
 *   <dd>One run of an app process, numbered from 1. A kill ends it; nothing of it survives.
 *   <dt>session identifier
 *   <dd>The string a background {@code URLSessionConfiguration} is created with. It is how a new
 *       launch finds the tasks an old launch started.
 *   <dt>relaunch
 *   <dd>The system starting a dead app in the background so it can take its session's events.
 * </dl>
 */
package lab.videofarm.os;
