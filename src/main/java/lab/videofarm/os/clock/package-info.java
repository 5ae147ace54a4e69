/**
 * Device time.
 *
 * <p><b>In one minute.</b> Everything in the simulation that waits (request timeouts, the grace
 * period before an app is suspended, a background handler's deadline, the fetch schedule, the
 * relaunch rate limiter) asks a {@link lab.videofarm.os.clock.Clock} rather than the JVM. The app
 * runs on {@link lab.videofarm.os.clock.SystemClock}, real time on one scheduler thread. Tests and
 * demos use {@link lab.videofarm.os.clock.ManualClock}: time stands still until {@code advance}
 * moves it, and every action that falls due runs on the thread that advanced it, in due order.
 *
 * <p><b>Glossary.</b> <i>Timer</i>: what {@code schedule} returns; {@code cancel()} says whether it
 * stopped the action in time. <i>Device time</i>: the clock's {@code now()}, which timestamps the
 * timeline and decides every timeout; it is not the time bytes take on the wire (bandwidth and
 * latency are real time, see {@code os.net}).
 *
 * <p><b>FAQ.</b> <i>Why does my test hang with a manual clock?</i> Nothing moves it: call {@code
 * advance}. <i>Why does a killed app's timer never fire?</i> A launch schedules through a view of
 * the clock that cancels everything it scheduled when the launch dies ({@code
 * os.device.internal.ProcessClock}). <i>May an action block?</i> No: actions share the clock's
 * thread; hand long work to an executor.
 */
package lab.videofarm.os.clock;
