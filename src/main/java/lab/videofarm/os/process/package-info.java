/**
 * What a running app process is, for the system frameworks inside it.
 *
 * <p><b>In one minute.</b> The device starts each launch of an app in a fresh class loader. That
 * loader implements {@link lab.videofarm.os.process.AppProcess.Host}; frameworks such as URLSession
 * call {@link lab.videofarm.os.process.AppProcess#ofCaller()} to learn which launch is calling
 * them, then use it for the daemon connection, the timeline, executors that die with the launch,
 * and termination hooks.
 *
 * <p><b>Glossary.</b> <i>Launch</i>: one life of an app, from launch to kill, numbered from 1.
 * <i>Kill</i>: system termination or user force-quit; hooks run, executors stop, the loader is
 * dropped so every static of the app dies.
 *
 * <p><b>FAQ.</b> <i>Why no static "current process"?</i> Two launches of different apps run in one
 * JVM, and a dead launch must not be reachable from anywhere; the stack already says who calls.
 */
package lab.videofarm.os.process;
