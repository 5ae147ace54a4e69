package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lab.videofarm.os.clock.ManualClock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.timeline.TimelineEvent.Severity;
import lab.videofarm.os.transferd.DaemonConnection;
import lab.videofarm.os.transferd.RequestInfo;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.SessionSpecs;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TaskSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon with a journal whose writes break half-way, like a full disk. */
class DaemonCoreJournalTest {
  @TempDir Path directory;
  final ManualClock clock = new ManualClock();
  final Timeline timeline = new Timeline(clock);
  final NetworkConditioner network = new NetworkConditioner(timeline);
  volatile boolean diskFull;

  final SessionSpec spec = SessionSpecs.background();

  @Test
  void aJournalThatCannotBeWrittenKeepsTheLastGoodStateForTheNextDaemon() throws Exception {
    Journal breakable =
        new Journal(
            directory,
            (channel, data) -> {
              if (diskFull) {
                ByteBuffer half = data.duplicate();
                half.limit(data.position() + data.remaining() / 2);
                channel.write(half);
                throw new IOException("No space left on device (simulated)");
              }
              while (data.hasRemaining()) {
                channel.write(data);
              }
            });
    DaemonCore first = new DaemonCore(directory, network, clock, timeline, breakable);
    DaemonConnection session = first.connect(spec, event -> {});
    long kept = session.createTask(task("kept"));
    diskFull = true;
    long lost = session.createTask(task("lost"));

    assertThat(first.allTasks())
        .extracting(TaskSnapshot::taskIdentifier)
        .containsExactly(kept, lost);
    assertThat(timeline.events()).extracting(TimelineEvent::what).contains("journal write failed");
    first.close();

    DaemonCore second = new DaemonCore(directory, network, clock, timeline, new Journal(directory));
    assertThat(second.allTasks())
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.taskIdentifier()).isEqualTo(kept);
              assertThat(task.taskDescription()).isEqualTo("kept");
            });
    second.close();
  }

  @Test
  void aJournalWriteInProgressDoesNotHoldTheDaemonLock() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    DaemonCore daemon =
        new DaemonCore(
            directory, network, clock, timeline, new Journal(directory, stalled(writing, release)));
    DaemonConnection session = daemon.connect(spec, event -> {});
    stall = true;
    CompletableFuture<Long> creating =
        CompletableFuture.supplyAsync(() -> session.createTask(task("slow disk")));
    assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

    List<TaskSnapshot> tasks =
        CompletableFuture.supplyAsync(daemon::allTasks).get(10, TimeUnit.SECONDS);

    assertThat(tasks).extracting(TaskSnapshot::taskDescription).containsExactly("slow disk");
    assertThat(creating).isNotDone();
    release.countDown();
    assertThat(creating.get(10, TimeUnit.SECONDS)).isEqualTo(tasks.get(0).taskIdentifier());
    daemon.close();
  }

  @Test
  void aSnapshotTakenLaterIsNeverOverwrittenByAnEarlierOne() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    DaemonCore first =
        new DaemonCore(
            directory, network, clock, timeline, new Journal(directory, stalled(writing, release)));
    DaemonConnection session = first.connect(spec, event -> {});
    stall = true;
    CompletableFuture<Long> earlier =
        CompletableFuture.supplyAsync(() -> session.createTask(task("earlier")));
    assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
    stall = false;
    CompletableFuture<Long> later =
        CompletableFuture.supplyAsync(() -> session.createTask(task("later")));
    await().atMost(Duration.ofSeconds(10)).until(() -> first.allTasks().size() == 2);
    release.countDown();
    earlier.get(10, TimeUnit.SECONDS);
    later.get(10, TimeUnit.SECONDS);

    DaemonCore second = new DaemonCore(directory, network, clock, timeline, new Journal(directory));
    assertThat(second.allTasks())
        .extracting(TaskSnapshot::taskDescription)
        .containsExactly("earlier", "later");
    second.close();
    first.close();
  }

  @Test
  void aLastCommitCutShortIsDroppedWithANoteAndTheStateBeforeItRestored() throws Exception {
    DaemonCore first = new DaemonCore(directory, network, clock, timeline, new Journal(directory));
    first.connect(spec, event -> {}).createTask(task("kept"));
    first.close();
    Path log = directory.resolve(Journal.LOG_NAME);
    long kept = Files.size(log);
    DaemonCore second = new DaemonCore(directory, network, clock, timeline, new Journal(directory));
    second.connect(spec, event -> {}).createTask(task("cut short"));
    second.close();
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
      channel.truncate(kept + 5);
    }
    int seen = timeline.events().size();

    DaemonCore third = new DaemonCore(directory, network, clock, timeline, new Journal(directory));

    assertThat(third.allTasks()).extracting(TaskSnapshot::taskDescription).containsExactly("kept");
    List<TimelineEvent> events = timeline.events().subList(seen, timeline.events().size());
    assertThat(events).extracting(TimelineEvent::what).contains("journal tail dropped");
    assertThat(events).extracting(TimelineEvent::severity).containsOnly(Severity.INFO);
    third.close();
  }

  volatile boolean stall;

  /** A disk whose next write, while {@link #stall} is set, waits for {@code release}. */
  private Journal.FileWriter stalled(CountDownLatch writing, CountDownLatch release) {
    return (channel, data) -> {
      if (stall) {
        writing.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException();
        }
      }
      while (data.hasRemaining()) {
        channel.write(data);
      }
    };
  }

  private static TaskSpec task(String description) {
    return new TaskSpec(
        TaskKind.DOWNLOAD,
        new RequestInfo("GET", URI.create("http://127.0.0.1:9/videos/x/movie"), List.of()),
        null,
        null,
        description,
        null);
  }
}
