/**
 * The simulated device's network link.
 *
 * <p>{@link lab.videofarm.os.net.NetworkConditioner} is a knob board, like Apple's Network Link
 * Conditioner: go offline, pick a {@link lab.videofarm.os.net.NetworkPreset} (Wi-Fi, LTE, 3G, EDGE,
 * 100% loss), or set a custom bandwidth and latency, and break every open connection with {@code
 * dropConnectionsNow()}. It carries no bytes itself: the transfer daemon reads the conditions and
 * applies them to its own HTTP connections.
 *
 * <h2>Glossary</h2>
 *
 * <ul>
 *   <li><b>Offline</b>: new connections fail (or wait, in background sessions) and open ones break.
 *   <li><b>100% loss</b>: online, but nothing flows; transfers end by their request timeout.
 *   <li><b>Drop</b>: a one-shot break of the connections open now, like walking out of Wi-Fi range
 *       and back.
 * </ul>
 *
 * <h2>FAQ</h2>
 *
 * <p><b>Why real time for bandwidth and latency?</b> The bytes cross real sockets. Timeouts use the
 * device clock, so a test can fire them without waiting.
 */
package lab.videofarm.os.net;
