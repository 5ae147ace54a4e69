package lab.videofarm.os.transferd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lab.videofarm.os.transferd.internal.FaultyDisk.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The journal's guarantees (see its class comment) with each persistence step broken in turn: the
 * reopened journal holds the previous good snapshot, the new one, or a quarantined file with a
 * report; never a crash, never a silent reset.
 */
class JournalFaultTest {
  private static final String BEFORE = "the state before";
  private static final String AFTER = "the state after, a longer snapshot than before";

  @TempDir Path directory;

  private Journal journal(JournalDisk disk) throws IOException {
    return new Journal(directory, disk, JournalTest.CLOCK, JournalTest.ANY_PAYLOAD);
  }

  private Optional<String> reopened() throws IOException {
    return journal(JournalDisk.real()).read().map(p -> new String(p, StandardCharsets.UTF_8));
  }

  private FaultyDisk diskHolding(String payload) throws IOException {
    journal(JournalDisk.real()).commit(utf8(payload));
    return new FaultyDisk(directory);
  }

  @ParameterizedTest
  @EnumSource(
      value = Step.class,
      names = {"WRITE", "FORCE", "REPLACE"})
  void aCommitBrokenBeforeItsRenameLeavesThePreviousSnapshot(Step step) throws Exception {
    FaultyDisk disk = diskHolding(BEFORE).failAt(step);

    assertThatThrownBy(() -> journal(disk).commit(utf8(AFTER)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(step.name());

    assertThat(reopened()).contains(BEFORE);
    assertThat(directory.resolve(Journal.TEMP_NAME)).doesNotExist();
  }

  @Test
  void aCommitWhoseDirectorySyncFailsIsReportedWithTheNewSnapshotInPlace() throws Exception {
    FaultyDisk disk = diskHolding(BEFORE).failAt(Step.FORCE_DIRECTORY);

    assertThatThrownBy(() -> journal(disk).commit(utf8(AFTER)))
        .hasMessageContaining("FORCE_DIRECTORY");

    assertThat(reopened()).contains(AFTER);
  }

  @ParameterizedTest
  @EnumSource(
      value = Step.class,
      names = {"WRITE", "FORCE", "REPLACE", "FORCE_DIRECTORY"})
  void aPowerCutAtAnyStepOfACommitLeavesThePreviousSnapshot(Step step) throws Exception {
    FaultyDisk disk = diskHolding(BEFORE).failAt(step);
    assertThatThrownBy(() -> journal(disk).commit(utf8(AFTER))).isInstanceOf(IOException.class);

    disk.powerCut();

    assertThat(reopened()).contains(BEFORE);
  }

  @Test
  void aCommitThatReturnedSurvivesAPowerCut() throws Exception {
    FaultyDisk disk = diskHolding(BEFORE);
    journal(disk).commit(utf8(AFTER));

    disk.powerCut();

    assertThat(reopened()).contains(AFTER);
  }

  @Test
  void theFirstCommitBrokenAtAnyStepLeavesNoJournalRatherThanAGarbledOne() throws Exception {
    for (Step step : new Step[] {Step.WRITE, Step.FORCE, Step.REPLACE}) {
      FaultyDisk disk = new FaultyDisk(directory).failAt(step);
      assertThatThrownBy(() -> journal(disk).commit(utf8(AFTER))).isInstanceOf(IOException.class);
      disk.powerCut();

      assertThat(reopened()).as(step.name()).isEmpty();
    }
  }

  @Test
  void aJournalKeepsCommittingOnceTheDiskRecovers() throws Exception {
    FaultyDisk disk = diskHolding(BEFORE).failAt(Step.FORCE);
    Journal journal = journal(disk);
    assertThat(journal.read()).isPresent();
    assertThatThrownBy(() -> journal.commit(utf8("lost"))).isInstanceOf(IOException.class);

    disk.heal();
    journal.commit(utf8(AFTER));

    assertThat(reopened()).contains(AFTER);
    assertThat(journal.sequence()).isEqualTo(2);
  }

  @Test
  void aDiskThatLiesAboutForcingLeavesADamagedJournalThatIsKeptAndReported() throws Exception {
    FaultyDisk disk = diskHolding(BEFORE).ignoreForces();
    journal(disk).commit(utf8(AFTER));
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
    byte[] damaged = flipLastBit();
    disk.failAt(Step.MOVE_ASIDE);
    Journal journal = journal(disk);

    assertThatThrownBy(journal::read)
        .isInstanceOf(Journal.DamagedException.class)
        .hasMessageContaining("could not be moved aside");
    assertThatThrownBy(() -> journal.commit(utf8(AFTER))).hasMessageContaining("MOVE_ASIDE");

    assertThat(directory.resolve(Journal.FILE_NAME)).hasBinaryContent(damaged);
  }

  @Test
  void aDamagedJournalIsMovedAsideByTheFirstCommitOnceItCanBe() throws Exception {
    FaultyDisk disk = diskHolding(BEFORE);
    byte[] damaged = flipLastBit();
    disk.failAt(Step.MOVE_ASIDE);
    Journal journal = journal(disk);
    assertThatThrownBy(journal::read).isInstanceOf(Journal.DamagedException.class);

    disk.heal();
    journal.commit(utf8(AFTER));

    assertThat(reopened()).contains(AFTER);
    assertThat(quarantined())
        .singleElement()
        .satisfies(f -> assertThat(f).hasBinaryContent(damaged));
  }

  @Test
  void aQuarantineWhoseDirectorySyncFailsStillKeepsTheBytesAndSaysSo() throws Exception {
    FaultyDisk disk = diskHolding(BEFORE);
    byte[] damaged = flipLastBit();
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
    journal.commit(utf8(AFTER));

    assertThat(quarantined())
        .singleElement()
        .satisfies(
            f ->
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.UTF_8))
                    .endsWith(BEFORE));
  }

  private byte[] flipLastBit() throws IOException {
    Path file = directory.resolve(Journal.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 1;
    Files.write(file, bytes);
    return bytes;
  }

  private List<Path> quarantined() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(Journal.QUARANTINE_PREFIX))
          .toList();
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
