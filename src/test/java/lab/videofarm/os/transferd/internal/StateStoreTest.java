package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.SessionSpecs;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How often the state reaches the journal, and how much of it: every change, but progress only now
 * and then, and only the entries that changed.
 */
class StateStoreTest {
  private static final SessionSpec SPEC = SessionSpecs.background();
  private static final SessionKey KEY = SessionKey.background(SPEC.bundleId(), SPEC.identifier());

  @TempDir Path directory;
  Journal journal;
  DaemonLock lock;
  StateStore store;
  final List<SessionChannel> sessions = new ArrayList<>();
  final Map<SessionKey, Long> counters = new HashMap<>();
  final SessionChannel session = new SessionChannel(KEY, SPEC);

  @BeforeEach
  void open() throws Exception {
    journal = new Journal(directory);
    lock = new DaemonLock();
    store =
        new StateStore(
            journal,
            lock,
            new DaemonLog(new Timeline(new ManualClock())),
            new StateStore.Sources(sessions, counters, new AppStates(), directory));
    lock.persistTo(store);
    sessions.add(session);
    for (long id = 1; id <= 100; id++) {
      TaskRecord task =
          new TaskRecord(
              session,
              id,
              new TaskSpec(
                  TaskKind.DOWNLOAD,
                  new RequestInfo("GET", URI.create("http://127.0.0.1:9/movie/" + id), List.of()),
                  null,
                  null,
                  "download " + id,
                  null),
              1);
      session.tasks.put(id, task);
    }
  }

  private void makeATask(long next) {
    lock.run(
        () -> {
          counters.put(KEY, next);
          store.changed();
        });
  }

  private void move(long id, long bytes) {
    lock.run(
        () -> {
          session.tasks.get(id).bytesDurable = bytes;
          store.progressed();
        });
  }

  @Test
  void everyChangeIsCommittedBeforeTheLockIsLetGo() {
    for (int i = 0; i < 5; i++) {
      makeATask(i);
    }

    assertThat(journal.sequence()).isEqualTo(5);
  }

  @Test
  void aChangeThatAltersNoEntryWritesNothing() {
    makeATask(1);

    lock.run(store::changed);

    assertThat(journal.sequence()).isEqualTo(1);
  }

  @Test
  void progressAloneIsCheckpointedOnceAndThenWaitsForItsInterval() {
    for (int i = 0; i < 100; i++) {
      move(1, i * 1000L);
    }

    assertThat(journal.sequence()).isEqualTo(1);
  }

  @Test
  void progressThatWaitedGoesOutWithTheNextChange() throws Exception {
    move(1, 1000);
    move(1, 2000);

    makeATask(101);

    assertThat(journal.sequence()).isEqualTo(2);
    assertThat(counts(new Journal(directory), 1)).contains("\"bytesReceived\":2000");
  }

  @Test
  void progressThatWaitedIsWrittenWhenTheDaemonSeals() {
    move(1, 1000);
    move(1, 2000);

    lock.run(store::seal);
    store.flushAll();

    assertThat(journal.sequence()).isEqualTo(2);
  }

  @Test
  void aCheckpointWritesOnlyTheCountsOfTheTasksThatMovedAFewTensOfBytesEach() throws Exception {
    makeATask(101);
    long logBefore = Files.exists(journal.log()) ? Files.size(journal.log()) : 0;
    move(1, 1000);
    move(2, 1000);
    move(3, 1000);

    lock.run(store::seal);
    store.flushAll();

    long written = Files.size(journal.log()) - logBefore;
    assertThat(written).isLessThan(3 * 60 + JournalFormat.RECORD_HEADER + 4);
    assertThat(counts(new Journal(directory), 3)).contains("\"bytesReceived\":1000");
  }

  private static String counts(Journal journal, long task) throws Exception {
    return JournalTest.text(journal.read().orElseThrow().entries().get("s1.t" + task + ".n"));
  }
}
