package lab.videofarm.urlsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.TaskEvent;
import org.junit.jupiter.api.Test;

/** One live background session per identifier, within a process and across processes. */
class SessionIdentifierTest extends InsideAnAppProcess {
  @Test
  void aSecondLiveSessionWithTheSameIdentifierIsReportedAndRefused() {
    background("bg", new RecordingDelegate());

    assertThatThrownBy(() -> background("bg", new RecordingDelegate()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("A background URLSession with identifier bg already exists!");
    assertThat(timeline.events())
        .filteredOn(event -> event.severity() == Severity.WARNING)
        .extracting(TimelineEvent::layer, TimelineEvent::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Layer.SESSION, "A background URLSession with identifier bg already exists!"));
    assertThat(daemon.connections).hasSize(1);
  }

  @Test
  void anIdentifierIsFreeAgainOnceItsSessionIsInvalidated() throws Exception {
    RecordingDelegate delegate = new RecordingDelegate();
    URLSession first = background("bg", delegate);

    first.finishTasksAndInvalidate();
    daemon.last().deliver(new TaskEvent.DidBecomeInvalid(null));

    assertThat(delegate.calls).containsExactly("didBecomeInvalidWithError nil");
    assertThat(first.delegate()).isNull();
    assertThatThrownBy(() -> first.downloadTask(MOVIE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Task created in a session that has been invalidated");
    assertThat(background("bg", new RecordingDelegate())).isNotNull();
  }

  @Test
  void anIdentifierHeldByAnotherProcessFailsWithInUseByAnotherProcess() {
    daemon.identifiersHeldByOtherProcesses.put("bg", "another app");

    assertThatThrownBy(() -> background("bg", new RecordingDelegate()))
        .isInstanceOfSatisfying(
            URLError.class,
            error ->
                assertThat(error.code())
                    .isEqualTo(URLError.BACKGROUND_SESSION_IN_USE_BY_ANOTHER_PROCESS));
    // Refused, so the identifier is still free in this process.
    daemon.identifiersHeldByOtherProcesses.clear();
    assertThat(background("bg", new RecordingDelegate())).isNotNull();
  }
}
