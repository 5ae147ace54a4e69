package lab.videofarm.os.transferd.internal;

import static lab.videofarm.os.transferd.internal.JournalTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import lab.videofarm.os.transferd.internal.FaultyDisk.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The journal's guarantees (see its class comment) with each persistence step broken in turn, for a
 * commit that appends to the log and for one that compacts it into a new base: the reopened journal
 * holds the previous good state, the new one, or a quarantined file with a report; never a mix,
 * never a crash, never a silent reset.
 */
class JournalFaultTest {
  private static final String BEFORE = "the state before";
  private static final String AFTER = "the state after, a longer one than before";

  /** Larger than the log may grow on a base this small: its commit compacts. */
  private static final String COMPACTED = "the state after " + "x".repeat(Journal.COMPACTION_FLOOR);

  @TempDir Path directory;

  private Journal journal(JournalDisk disk) throws IOException {
    return new Journal(directory, disk, JournalTest.CLOCK, JournalTest.ANY_PAYLOAD);
  }

  private Optional<String> reopened() throws IOException {
    return journal(JournalDisk.real())
        .read()
        .map(c -> new String(c.entries().get("task"), StandardCharsets.UTF_8));
  }

  /** A journal holding BEFORE in its base and one record, reopened through {@code disk}. */
  private Journal openedOn(FaultyDisk disk) throws IOException {
    Journal journal = journal(disk);
    assertThat(journal.read()).isPresent();
    return journal;
  }

  private FaultyDisk diskHolding(String payload) throws IOException {
    Journal journal = journal(JournalDisk.real());
    journal.commit(Map.of("task", utf8("a first state")), Set.of());
    journal.commit(Map.of("task", utf8(payload)), Set.of());
    return new FaultyDisk(directory);
  }

  private static void commit(Journal journal, String payload) throws IOException {
    journal.commit(Map.of("task", utf8(payload)), Set.of());
  }

  @ParameterizedTest
  @EnumSource(
      value = Step.class,
      names = {"APPEND", "FORCE"})
  void anAppendBrokenAtAnyStepLeavesThePreviousStateAndCutsTheLogBack(Step step) throws Exception {
    FaultyDisk disk = diskHolding(BEFORE);
    Journal journal = openedOn(disk);
    long log = Files.size(journal.log());
    disk.failAt(step);

    assertThatThrownBy(() -> commit(journal, AFTER))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(step.name());

    assertThat(reopened()).contains(BEFORE);
    assertThat(Files.size(journal.log())).isEqualTo(log);
  }

  @ParameterizedTest
  @EnumSource(
      value = Step.class,
      names = {"WRITE", "FORCE", "REPLACE"})
  void aCompactionBrokenBeforeItsRenameLeavesThePreviousState(Step step) throws Exception {
    FaultyDisk disk = diskHolding(BEFORE);
    Journal journal = openedOn(disk);
    disk.failAt(step);

    assertThatThrownBy(() -> commit(journal, COMPACTED))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(step.name());

    assertThat(reopened()).contains(BEFORE);
    assertThat(directory.resolve(Journal.TEMP_NAME)).doesNotExist();
  }

  @ParameterizedTest
  @EnumSource(
      value = Step.class,
      names = {"FORCE_DIRECTORY", "TRUNCATE"})
  void aCompactionBrokenAfterItsRenameIsReportedWithTheNewStateInPlace(Step step) throws Exception {
    FaultyDisk disk = diskHolding(BEFORE);
    Journal journal = openedOn(disk);
    disk.failAt(step);

    assertThatThrownBy(() -> commit(journal, COMPACTED)).hasMessageContaining(step.name());

    assertThat(reopened()).contains(COMPACTED);
  }

  /** What a test does with a journal whose commit failed at one step, and the disk it is on. */
  @FunctionalInterface
  private interface AfterFailure {
    void check(FaultyDisk disk, Journal journal) throws Exception;
  }

  /**
   * Commits {@code after} on a journal holding {@link #BEFORE}, once per step of the commit, with
   * that step failing; returns the steps of the commit that had none left to break.
   */
  private List<String> breakEachStep(String after, AfterFailure check) throws Exception {
    for (int step = 1; ; step++) {
      diskHolding(BEFORE);
      FaultyDisk disk = new FaultyDisk(directory);
      Journal journal = openedOn(disk);
      disk.failAtStepNumber(step);
      try {
        commit(journal, after);
        return disk.steps();
      } catch (IOException expected) {
        check.check(disk, journal);
      }
    }
  }

  private List<String> stepsOf(boolean compaction) {
    return compaction
        ? List.of(
            "WRITE journal.tmp",
            "FORCE journal.tmp",
            "REPLACE journal.dat",
            "FORCE_DIRECTORY " + directory.getFileName(),
            "TRUNCATE journal.log",
            "FORCE journal.log")
        : List.of("APPEND journal.log", "FORCE journal.log");
  }

  /** Every step of an append ({@code false}) or of a compaction ({@code true}), one at a time. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aFailureAtAnyStepLeavesThePreviousOrTheNewStateAndTheNextCommitCarriesBoth(
      boolean compaction) throws Exception {
    String after = compaction ? COMPACTED : AFTER;

    List<String> steps =
        breakEachStep(
            after,
            (disk, journal) -> {
              assertThat(reopened())
                  .as("%s", disk.steps())
                  .hasValueSatisfying(s -> assertThat(s).isIn(BEFORE, after));
              disk.heal();
              journal.commit(Map.of("other", utf8("a later change")), Set.of());
              Map<String, byte[]> entries =
                  journal(JournalDisk.real()).read().orElseThrow().entries();
              assertThat(new String(entries.get("task"), StandardCharsets.UTF_8))
                  .as("%s", disk.steps())
                  .isEqualTo(after);
              assertThat(entries).containsKey("other");
            });

    assertThat(steps).isEqualTo(stepsOf(compaction));
  }

  /** A power cut at every step of an append or a compaction, before the commit returned. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aPowerCutAtAnyStepLeavesThePreviousOrTheNewState(boolean compaction) throws Exception {
    String after = compaction ? COMPACTED : AFTER;

    List<String> steps =
        breakEachStep(
            after,
            (disk, journal) -> {
              disk.powerCut();
              assertThat(reopened())
                  .as("%s", disk.steps())
                  .hasValueSatisfying(s -> assertThat(s).isIn(BEFORE, after));
            });

    assertThat(steps).isEqualTo(stepsOf(compaction));
  }

  @ParameterizedTest
  @ValueSource(strings = {AFTER, "compacted"})
  void aCommitThatReturnedSurvivesAPowerCut(String payload) throws Exception {
    String after = payload.equals(AFTER) ? AFTER : COMPACTED;
    FaultyDisk disk = diskHolding(BEFORE);
    commit(openedOn(disk), after);

    disk.powerCut();

    assertThat(reopened()).contains(after);
  }

  @Test
  void theFirstCommitBrokenAtAnyStepLeavesNoJournalRatherThanAGarbledOne() throws Exception {
    for (Step step : new Step[] {Step.WRITE, Step.FORCE, Step.REPLACE}) {
      FaultyDisk disk = new FaultyDisk(directory).failAt(step);
      assertThatThrownBy(() -> commit(journal(disk), AFTER)).isInstanceOf(IOException.class);
      disk.powerCut();

      assertThat(reopened()).as(step.name()).isEmpty();
    }
  }

  @Test
  void aJournalKeepsCommittingOnceTheDiskRecovers() throws Exception {
    FaultyDisk disk = diskHolding(BEFORE).failAt(Step.FORCE);
    Journal journal = openedOn(disk);
    assertThatThrownBy(() -> commit(journal, "lost")).isInstanceOf(IOException.class);

    disk.heal();
    commit(journal, AFTER);

    assertThat(reopened()).contains(AFTER);
    assertThat(journal.sequence()).isEqualTo(3);
  }

  @Test
  void aTornTailThatCannotBeCutAwayIsNeverAppendedTo() throws Exception {
    FaultyDisk disk = diskHolding(BEFORE);
    Path log = directory.resolve(Journal.LOG_NAME);
    Files.write(log, utf8("torn"), java.nio.file.StandardOpenOption.APPEND);
    disk.failAt(Step.TRUNCATE);
    Journal journal = openedOn(disk);

    disk.heal();
    commit(journal, AFTER);

    assertThat(reopened()).contains(AFTER);
    assertThat(journal(JournalDisk.real()).read().orElseThrow().tornBytes()).isZero();
  }

  @Test
  void aDiskThatLiesAboutForcingLeavesADamagedJournalThatIsKeptAndReported() throws Exception {
    FaultyDisk disk = diskHolding(BEFORE).ignoreForces();
    commit(openedOn(disk), COMPACTED);
    disk.powerCut();

    Journal.DamagedException damaged =
        catchThrowableOfType(() -> journal(disk).read(), Journal.DamagedException.class);

    assertThat(damaged).hasMessageContaining("too short").hasMessageContaining("kept as");
    assertThat(damaged.keptAt()).exists().isNotEqualTo(directory.resolve(Journal.FILE_NAME));
    assertThat(reopened()).isEmpty();
  }

  @Test
  void aDamagedJournalThatCannotBeMovedAsideIsNeverOverwritten() throws Exception {
    FaultyDisk disk = diskHolding(BEFORE);
    byte[] damaged = JournalTest.flipLastByte(directory.resolve(Journal.FILE_NAME));
    disk.failAt(Step.MOVE_ASIDE);
    Journal journal = journal(disk);

    assertThatThrownBy(journal::read)
        .isInstanceOf(Journal.DamagedException.class)
        .hasMessageContaining("could not be moved aside");
    assertThatThrownBy(() -> commit(journal, AFTER)).hasMessageContaining("MOVE_ASIDE");

    assertThat(directory.resolve(Journal.FILE_NAME)).hasBinaryContent(damaged);
  }

  @Test
  void aDamagedJournalIsMovedAsideByTheFirstCommitOnceItCanBe() throws Exception {
    FaultyDisk disk = diskHolding(BEFORE);
    byte[] damaged = JournalTest.flipLastByte(directory.resolve(Journal.FILE_NAME));
    disk.failAt(Step.MOVE_ASIDE);
    Journal journal = journal(disk);
    assertThatThrownBy(journal::read).isInstanceOf(Journal.DamagedException.class);

    disk.heal();
    commit(journal, AFTER);

    assertThat(reopened()).contains(AFTER);
    assertThat(quarantined(Journal.QUARANTINE_PREFIX))
        .singleElement()
        .satisfies(f -> assertThat(f).hasBinaryContent(damaged));
    assertThat(quarantined(Journal.LOG_QUARANTINE_PREFIX)).hasSize(1);
  }

  @Test
  void aQuarantineWhoseDirectorySyncFailsStillKeepsTheBytesAndSaysSo() throws Exception {
    FaultyDisk disk = diskHolding(BEFORE);
    byte[] damaged = JournalTest.flipLastByte(directory.resolve(Journal.FILE_NAME));
    disk.failAt(Step.FORCE_DIRECTORY);

    Journal.DamagedException report =
        catchThrowableOfType(() -> journal(disk).read(), Journal.DamagedException.class);

    assertThat(report).hasMessageContaining("kept as").hasMessageContaining("not yet forced");
    assertThat(report.keptAt()).hasBinaryContent(damaged);
  }

  @Test
  void aJournalThatCannotBeReadIsKeptRatherThanOverwritten() throws Exception {
    FaultyDisk disk = diskHolding(BEFORE).failAt(Step.READ);
    Journal journal = journal(disk);

    assertThatThrownBy(journal::read)
        .isInstanceOf(Journal.DamagedException.class)
        .hasMessageContaining("could not be read");
    disk.heal();
    commit(journal, AFTER);

    assertThat(quarantined(Journal.LOG_QUARANTINE_PREFIX))
        .singleElement()
        .satisfies(
            f ->
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.UTF_8))
                    .endsWith(BEFORE));
  }

  private List<Path> quarantined(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
    }
  }
}
