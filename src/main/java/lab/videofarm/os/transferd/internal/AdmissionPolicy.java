package lab.videofarm.os.transferd.internal;

import java.time.Duration;
import java.time.Instant;
import lab.videofarm.os.AppState;

/**
 * Whether a RUNNING task may start an attempt now, and if not, what it waits for. A pure decision
 * over {@link Facts}; the {@link Scheduler} acts on it. The gates, in order:
 *
 * <ol>
 *   <li>Start delay (background tasks, before their first start): earliestBeginDate, and rule 9's
 *       rate limiter: after the n-th background relaunch since the app was last in the foreground,
 *       a task started while the app is not in the foreground waits 60 s * 2^(n-1).
 *   <li>Rule 8: a background task with an earliestBeginDate asks its app, once, before it first
 *       starts; iOS asks only a running app, otherwise the original request goes ahead.
 *   <li>The network: offline, a background session (or one that waits for connectivity) waits; any
 *       other fails with -1009.
 *   <li>Rule 5: a discretionary task (its session says so, or it was started while its app was not
 *       in the foreground) does not start on a cellular preset; once started it carries on.
 * </ol>
 */
final class AdmissionPolicy {
  static final Duration RATE_LIMIT_BASE = Duration.ofSeconds(60);

  private AdmissionPolicy() {}

  /** What the decision looks at. */
  record Facts(
      boolean background,
      boolean started,
      boolean startDelayServed,
      Instant now,
      Instant earliestBeginDate,
      AppState appState,
      int relaunches,
      TaskRecord.DelayedRequest delayedRequest,
      boolean appCanAnswer,
      boolean online,
      boolean waitsForConnectivity,
      boolean discretionarySession,
      boolean cellular) {}

  /** The decision. */
  sealed interface Admission {
    /** Wait {@code delay} of device time, then ask again. */
    record Delay(Duration delay, String why) implements Admission {}

    /** Send WillBeginDelayedRequest and wait for the answer. */
    record AskApp() implements Admission {}

    /** The app cannot be asked: note that it was not, and ask again. */
    record ContinueUnasked() implements Admission {}

    /** Wait until the network changes; {@code why} for the timeline. */
    record AwaitNetwork(String what, String why) implements Admission {}

    /** Offline and not allowed to wait: -1009. */
    record FailOffline() implements Admission {}

    /** Start an attempt now. */
    record Go() implements Admission {}
  }

  static Admission admit(Facts facts) {
    if (facts.background() && !facts.started() && !facts.startDelayServed()) {
      Admission.Delay delay = startDelay(facts);
      if (!delay.delay().isZero()) {
        return delay;
      }
    }
    if (facts.background()
        && !facts.started()
        && facts.earliestBeginDate() != null
        && facts.delayedRequest() != TaskRecord.DelayedRequest.ANSWERED) {
      return facts.appCanAnswer() ? new Admission.AskApp() : new Admission.ContinueUnasked();
    }
    if (!facts.online()) {
      return facts.background() || facts.waitsForConnectivity()
          ? new Admission.AwaitNetwork("waiting for connectivity", "")
          : new Admission.FailOffline();
    }
    if (!facts.started() && discretionary(facts) && facts.cellular()) {
      return new Admission.AwaitNetwork(
          "waiting for Wi-Fi", "discretionary transfers wait for better conditions");
    }
    return new Admission.Go();
  }

  /** The longer of the earliestBeginDate wait and the rate limiter's; zero when neither applies. */
  static Admission.Delay startDelay(Facts facts) {
    Duration delay = Duration.ZERO;
    String why = "";
    Instant earliest = facts.earliestBeginDate();
    if (earliest != null && earliest.isAfter(facts.now())) {
      delay = Duration.between(facts.now(), earliest);
      why = "earliestBeginDate " + earliest;
    }
    Duration limited = rateLimitDelay(facts.appState(), facts.relaunches());
    if (limited.compareTo(delay) > 0) {
      delay = limited;
      why = "rate limited: started from the background after relaunches";
    }
    return new Admission.Delay(delay, why);
  }

  static Duration rateLimitDelay(AppState state, int relaunches) {
    if (relaunches == 0 || state == null || state == AppState.FOREGROUND) {
      return Duration.ZERO;
    }
    return RATE_LIMIT_BASE.multipliedBy(1L << Math.min(relaunches - 1, 10));
  }

  static boolean discretionary(Facts facts) {
    return facts.background()
        && (facts.discretionarySession()
            || facts.appState() == AppState.BACKGROUND
            || facts.appState() == AppState.SUSPENDED);
  }
}
