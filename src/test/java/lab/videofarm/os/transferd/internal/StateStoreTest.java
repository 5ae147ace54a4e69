package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.timeline.Timeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How often the state reaches the journal: every change, but progress only now and then. */
class StateStoreTest {
  @TempDir Path directory;
  Journal journal;
  DaemonLock lock;
  StateStore store;

  @BeforeEach
  void open() throws Exception {
    journal = new Journal(directory);
    lock = new DaemonLock();
    store =
        new StateStore(
            journal,
            lock,
            new DaemonLog(new Timeline(new ManualClock())),
            new StateStore.Sources(List.of(), new HashMap<>(), new AppStates(), directory));
    lock.persistTo(store);
  }

  @Test
  void everyChangeIsCommittedBeforeTheLockIsLetGo() {
    for (int i = 0; i < 5; i++) {
      lock.run(store::changed);
    }

    assertThat(journal.sequence()).isEqualTo(5);
  }

  @Test
  void progressAloneIsCheckpointedOnceAndThenWaitsForItsInterval() {
    for (int i = 0; i < 100; i++) {
      lock.run(store::progressed);
    }

    assertThat(journal.sequence()).isEqualTo(1);
  }

  @Test
  void progressThatWaitedGoesOutWithTheNextChange() {
    lock.run(store::progressed);
    lock.run(store::progressed);

    lock.run(store::changed);

    assertThat(journal.sequence()).isEqualTo(2);
  }

  @Test
  void progressThatWaitedIsWrittenWhenTheDaemonSeals() {
    lock.run(store::progressed);
    lock.run(store::progressed);

    lock.run(store::seal);
    store.flushAll();

    assertThat(journal.sequence()).isEqualTo(2);
  }
}
