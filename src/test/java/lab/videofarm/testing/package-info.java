/**
 * What the phone-side tests share: {@link lab.videofarm.testing.TestBytes} (deterministic random
 * bytes and SHA-256 checksums) and {@link lab.videofarm.testing.SampleVideos} (a real HTTP client
 * that makes videos with movies on a running sample server, as another client of the server would).
 *
 * <p>Nothing here fakes a part of the system: fixtures such as {@code DaemonHarness} and {@code
 * PhoneFixture} start the real daemon, device and server and use these helpers to prepare and check
 * the bytes that cross them. The one exception is {@link lab.videofarm.testing.SimulatedDisk}, the
 * fault suites' disk that fails a chosen persistence step or loses what was never forced, behind
 * the journal's and the archives' own file layers.
 *
 * <p>The sample server's own tests keep their helpers under {@code sample-server/src/test}: the
 * server stands alone and its tests do not reach into the phone's.
 */
package lab.videofarm.testing;
