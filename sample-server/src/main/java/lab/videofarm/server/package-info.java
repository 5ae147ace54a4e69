/**
 * The VideoFarm sample server: the real HTTP server the app's background transfers talk to, with
 * knobs to make it fail on purpose and a recorder to prove what went over the wire.
 *
 * <h2>In one minute</h2>
 *
 * <ul>
 *   <li>{@link lab.videofarm.server.SampleServer} — build with a data directory, {@code start()}
 *       for the base URL, {@code close()} when done. Its class comment holds the REST contract.
 *   <li>{@link lab.videofarm.server.Faults} — the run-time knobs ({@code faults()}); each failure
 *       is described on {@link lab.videofarm.server.Fault}. Also over HTTP at {@code
 *       /admin/faults}.
 *   <li>{@link lab.videofarm.server.RecordedRequest} — one finished exchange, with the body bytes
 *       that really crossed the wire; {@code requests()} and {@code takeRequest(Duration)}.
 *   <li>{@link lab.videofarm.server.SampleServerMain} — the same server on its own, from a shell.
 * </ul>
 *
 * Everything else lives in {@code internal} and may change: the Jetty handlers, the store on disk,
 * the sample catalogue.
 *
 * <h2>Glossary</h2>
 *
 * <dl>
 *   <dt>strong ETag
 *   <dd>A validator that changes whenever the movie's bytes could have changed (a hash of the
 *       content plus a generation bumped by every replacement). Only a strong ETag may be used in
 *       {@code If-Range} to resume a download.
 *   <dt>If-Range
 *   <dd>"Send me this range only if the movie is still the one I started with; otherwise send it
 *       all." Jetty's resource service ignores it, so a small gate in front of it decides.
 *   <dt>seeding
 *   <dd>Filling an empty data directory with three sample videos (PNG thumbnails, short MP4s).
 * </dl>
 *
 * <h2>FAQ</h2>
 *
 * <p><b>Why not the servlet API?</b> Jetty's core handlers stream request and response bodies
 * without a container around them, and its resource service already does the range arithmetic.
 *
 * <p><b>Why does a test see 200 where it asked for a range?</b> Ranges are off ({@link
 * lab.videofarm.server.Fault#NO_RANGES}), the {@code If-Range} validator is stale, or it asked for
 * several ranges: the server answers those with the whole movie, never with {@code
 * multipart/byteranges}.
 *
 * <p><b>Why is a recorded request missing right after my client got its answer?</b> An exchange is
 * recorded when the server finishes it, a moment after the client has read the last byte. Use
 * {@code takeRequest(Duration)}, or await.
 *
 * <p><b>How do I keep a small movie "in flight"?</b> {@code faults().throttleBytesPerSecond(...)}:
 * a 100 kB movie at 20 kB/s takes five seconds.
 */
package lab.videofarm.server;
