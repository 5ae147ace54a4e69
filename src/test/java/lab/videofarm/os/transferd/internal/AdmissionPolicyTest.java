package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import lab.videofarm.os.AppState;
import lab.videofarm.os.transferd.internal.AdmissionPolicy.Admission;
import lab.videofarm.os.transferd.internal.TaskRecord.DelayedRequest;
import org.junit.jupiter.api.Test;

/** When a RUNNING task may start an attempt, decided from plain facts. */
class AdmissionPolicyTest {
  static final Instant NOW = Instant.parse("2026-01-01T09:00:00Z");

  /** A background task of a foreground app, never started, online on Wi-Fi. */
  static Facts facts() {
    return new Facts();
  }

  /** Mutable builder of {@link AdmissionPolicy.Facts}, for readable tests. */
  static final class Facts {
    boolean background = true;
    boolean started;
    boolean startDelayServed;
    Instant earliestBeginDate;
    AppState appState = AppState.FOREGROUND;
    int relaunches;
    DelayedRequest delayedRequest = DelayedRequest.NOT_ASKED;
    boolean appCanAnswer = true;
    boolean online = true;
    boolean waitsForConnectivity;
    boolean discretionarySession;
    boolean cellular;

    Admission admit() {
      return AdmissionPolicy.admit(
          new AdmissionPolicy.Facts(
              background,
              started,
              startDelayServed,
              NOW,
              earliestBeginDate,
              appState,
              relaunches,
              delayedRequest,
              appCanAnswer,
              online,
              waitsForConnectivity,
              discretionarySession,
              cellular));
    }
  }

  @Test
  void aTaskWithNothingInTheWayGoesAtOnce() {
    assertThat(facts().admit()).isEqualTo(new Admission.Go());
  }

  @Test
  void aBackgroundTaskWaitsUntilItsEarliestBeginDate() {
    Facts facts = facts();
    facts.earliestBeginDate = NOW.plusSeconds(90);

    assertThat(facts.admit())
        .isEqualTo(
            new Admission.Delay(
                Duration.ofSeconds(90), "earliestBeginDate " + NOW.plusSeconds(90)));
  }

  @Test
  void onceItsEarliestBeginDateIsPastARunningAppIsAskedAboutTheDelayedRequest() {
    Facts facts = facts();
    facts.earliestBeginDate = NOW.minusSeconds(1);

    assertThat(facts.admit()).isEqualTo(new Admission.AskApp());
  }

  @Test
  void anAppThatCannotAnswerIsNotAskedAndTheOriginalRequestGoesAhead() {
    Facts facts = facts();
    facts.earliestBeginDate = NOW.minusSeconds(1);
    facts.appCanAnswer = false;

    assertThat(facts.admit()).isEqualTo(new Admission.ContinueUnasked());
  }

  @Test
  void theAppIsAskedOnlyOnce() {
    Facts facts = facts();
    facts.earliestBeginDate = NOW.minusSeconds(1);
    facts.delayedRequest = DelayedRequest.ANSWERED;

    assertThat(facts.admit()).isEqualTo(new Admission.Go());
  }

  @Test
  void afterThreeRelaunchesATaskStartedInTheBackgroundWaitsFourMinutes() {
    Facts facts = facts();
    facts.appState = AppState.BACKGROUND;
    facts.relaunches = 3;

    assertThat(facts.admit())
        .isInstanceOfSatisfying(
            Admission.Delay.class,
            delay -> assertThat(delay.delay()).isEqualTo(Duration.ofMinutes(4)));
  }

  @Test
  void theRateLimiterLeavesAForegroundAppAlone() {
    Facts facts = facts();
    facts.relaunches = 5;

    assertThat(facts.admit()).isEqualTo(new Admission.Go());
  }

  @Test
  void aServedStartDelayIsNotServedAgain() {
    Facts facts = facts();
    facts.appState = AppState.SUSPENDED;
    facts.relaunches = 2;
    facts.startDelayServed = true;

    assertThat(facts.admit()).isEqualTo(new Admission.Go());
  }

  @Test
  void aStartedTaskHasNoStartDelay() {
    Facts facts = facts();
    facts.started = true;
    facts.earliestBeginDate = NOW.plusSeconds(600);

    assertThat(facts.admit()).isEqualTo(new Admission.Go());
  }

  @Test
  void anOfflineBackgroundTaskWaitsForConnectivity() {
    Facts facts = facts();
    facts.online = false;

    assertThat(facts.admit()).isInstanceOf(Admission.AwaitNetwork.class);
  }

  @Test
  void anOfflineDefaultSessionTaskThatDoesNotWaitFails() {
    Facts facts = facts();
    facts.background = false;
    facts.online = false;

    assertThat(facts.admit()).isEqualTo(new Admission.FailOffline());
  }

  @Test
  void anOfflineDefaultSessionTaskThatWaitsForConnectivityWaits() {
    Facts facts = facts();
    facts.background = false;
    facts.online = false;
    facts.waitsForConnectivity = true;

    assertThat(facts.admit()).isInstanceOf(Admission.AwaitNetwork.class);
  }

  @Test
  void aDiscretionaryTaskDoesNotStartOnCellular() {
    Facts facts = facts();
    facts.discretionarySession = true;
    facts.cellular = true;

    assertThat(facts.admit())
        .isEqualTo(
            new Admission.AwaitNetwork(
                "waiting for Wi-Fi", "discretionary transfers wait for better conditions"));
  }

  @Test
  void aTaskStartedWhileItsAppIsInTheBackgroundIsDiscretionary() {
    Facts facts = facts();
    facts.appState = AppState.BACKGROUND;
    facts.cellular = true;

    assertThat(facts.admit()).isInstanceOf(Admission.AwaitNetwork.class);
  }

  @Test
  void aStartedDiscretionaryTaskCarriesOnOverCellular() {
    Facts facts = facts();
    facts.discretionarySession = true;
    facts.cellular = true;
    facts.started = true;

    assertThat(facts.admit()).isEqualTo(new Admission.Go());
  }
}
