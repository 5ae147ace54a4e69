/**
 * Device time. Code that waits asks a {@link lab.videofarm.os.clock.Clock} rather than the JVM, so
 * that tests and demos can move time with {@link lab.videofarm.os.clock.ManualClock} while the app
 * runs on {@link lab.videofarm.os.clock.SystemClock}.
 */
package lab.videofarm.os.clock;
