package lab.videofarm.app.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lab.videofarm.app.RecordingApplication;
import lab.videofarm.app.archive.FaultyArchiveDisk.Step;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An archive's guarantees (see {@link ArchiveFile}) with each persistence step broken in turn: the
 * next launch reads the previous good archive, the new one, or a quarantined file with a report;
 * never a crash, never a silent reset.
 */
class ArchiveFileFaultTest {
  private static final TypeReference<List<String>> TITLES = new TypeReference<>() {};
  private static final List<String> BEFORE = List.of("the state before");
  private static final List<String> AFTER = List.of("the state after", "a longer archive");

  @TempDir Path container;
  RecordingApplication application;

  @BeforeEach
  void launch() {
    application = new RecordingApplication(container);
  }

  @AfterEach
  void kill() {
    application.close();
  }

  private ArchiveFile<List<String>> archive(ArchiveDisk disk) {
    return new ArchiveFile<>(application, application.clock(), "titles", TITLES, disk);
  }

  private ArchiveFile<List<String>> archive() {
    return new ArchiveFile<>(application, application.clock(), "titles", TITLES);
  }

  private FaultyArchiveDisk diskHolding(List<String> contents) throws IOException {
    archive().save(contents);
    return new FaultyArchiveDisk(container);
  }

  private RestoreResult<List<String>> nextLaunch() {
    return archive().restore();
  }

  private List<Path> files(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(container)) {
      return files.filter(f -> f.getFileName().toString().contains(suffix)).toList();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Step.class,
      names = {"WRITE", "FORCE", "REPLACE"})
  void aSaveBrokenBeforeItsRenameThrowsAndLeavesThePreviousArchive(Step step) throws Exception {
    FaultyArchiveDisk disk = diskHolding(BEFORE).failAt(step);

    assertThatThrownBy(() -> archive(disk).save(AFTER)).hasMessageContaining(step.name());

    assertThat(nextLaunch())
        .isInstanceOfSatisfying(
            RestoreResult.Restored.class, r -> assertThat(r.contents()).isEqualTo(BEFORE));
    assertThat(files(".tmp")).isEmpty();
    assertThat(application.warnings(Layer.ARCHIVE))
        .extracting(TimelineEvent::what)
        .contains("save failed: titles.json");
  }

  @Test
  void aSaveWhoseDirectorySyncFailsKeepsTheNewArchiveAndReportsIt() throws Exception {
    FaultyArchiveDisk disk = diskHolding(BEFORE).failAt(Step.FORCE_DIRECTORY);

    archive(disk).save(AFTER);

    assertThat(nextLaunch())
        .isInstanceOfSatisfying(
            RestoreResult.Restored.class, r -> assertThat(r.contents()).isEqualTo(AFTER));
    assertThat(application.warnings(Layer.ARCHIVE))
        .extracting(TimelineEvent::what)
        .contains("directory sync failed: titles.json");
  }

  @ParameterizedTest
  @EnumSource(
      value = Step.class,
      names = {"WRITE", "FORCE", "REPLACE", "FORCE_DIRECTORY"})
  void aPowerCutAtAnyStepOfASaveLeavesThePreviousArchive(Step step) throws Exception {
    FaultyArchiveDisk disk = diskHolding(BEFORE).failAt(step);
    try {
      archive(disk).save(AFTER);
    } catch (IOException expected) {
      // The step failed; the power goes right after.
    }

    disk.powerCut();

    assertThat(nextLaunch())
        .isInstanceOfSatisfying(
            RestoreResult.Restored.class, r -> assertThat(r.contents()).isEqualTo(BEFORE));
  }

  @Test
  void aSaveThatReturnedSurvivesAPowerCut() throws Exception {
    FaultyArchiveDisk disk = diskHolding(BEFORE);
    archive(disk).save(AFTER);

    disk.powerCut();

    assertThat(nextLaunch())
        .isInstanceOfSatisfying(
            RestoreResult.Restored.class, r -> assertThat(r.contents()).isEqualTo(AFTER));
  }

  @Test
  void theFirstSaveBrokenAtAnyStepLeavesAFirstLaunchRatherThanAGarbledArchive() throws Exception {
    for (Step step : new Step[] {Step.WRITE, Step.FORCE, Step.REPLACE}) {
      FaultyArchiveDisk disk = new FaultyArchiveDisk(container).failAt(step);
      assertThatThrownBy(() -> archive(disk).save(AFTER)).isInstanceOf(IOException.class);
      disk.powerCut();

      assertThat(nextLaunch()).as(step.name()).isInstanceOf(RestoreResult.FirstLaunch.class);
    }
  }

  @Test
  void anArchiveKeepsSavingOnceTheDiskRecovers() throws Exception {
    FaultyArchiveDisk disk = diskHolding(BEFORE).failAt(Step.FORCE);
    ArchiveFile<List<String>> archive = archive(disk);
    assertThatThrownBy(() -> archive.save(List.of("lost"))).isInstanceOf(IOException.class);

    disk.heal();
    archive.save(AFTER);

    assertThat(nextLaunch())
        .isInstanceOfSatisfying(
            RestoreResult.Restored.class, r -> assertThat(r.contents()).isEqualTo(AFTER));
  }

  @Test
  void aDiskThatLiesAboutForcingLeavesAnArchiveThatIsQuarantinedAndReportedNotReset()
      throws Exception {
    FaultyArchiveDisk disk = diskHolding(BEFORE).ignoreForces();
    archive(disk).save(AFTER);

    disk.powerCut();

    assertThat(nextLaunch()).isInstanceOf(RestoreResult.Quarantined.class);
    assertThat(files(".corrupt-")).hasSize(1);
    assertThat(application.warnings(Layer.ARCHIVE))
        .extracting(TimelineEvent::what)
        .contains("quarantined titles.json");
  }

  @Test
  void anUnreadableArchiveIsMovedAsideWithItsBytesAndReported() throws Exception {
    FaultyArchiveDisk disk = diskHolding(BEFORE).failAt(Step.READ);
    byte[] bytes = Files.readAllBytes(container.resolve("titles.json"));

    RestoreResult<List<String>> restored = archive(disk).restore();

    assertThat(restored)
        .isInstanceOfSatisfying(
            RestoreResult.Quarantined.class,
            q -> assertThat(q.problem()).contains("unreadable").contains("READ"));
    assertThat(files(".corrupt-"))
        .singleElement()
        .satisfies(moved -> assertThat(Files.readAllBytes(moved)).isEqualTo(bytes));
  }

  @Test
  void aDamagedArchiveThatCannotBeMovedAsideStaysInPlaceAndIsNeverSavedOver() throws Exception {
    Files.writeString(container.resolve("titles.json"), "{\"format\": \"lab.videofa");
    FaultyArchiveDisk disk = new FaultyArchiveDisk(container).failAt(Step.MOVE_ASIDE);
    ArchiveFile<List<String>> archive = archive(disk);

    assertThat(archive.restore()).isInstanceOf(RestoreResult.Quarantined.class);

    assertThatThrownBy(() -> archive.save(AFTER)).hasMessageContaining("damaged");
    assertThat(container.resolve("titles.json")).hasContent("{\"format\": \"lab.videofa");
    assertThat(application.warnings(Layer.ARCHIVE))
        .extracting(TimelineEvent::what)
        .contains("quarantine failed: titles.json");
  }

  @Test
  void aQuarantineWhoseDirectorySyncFailsStillMovesTheDamagedArchiveAside() throws Exception {
    Files.writeString(container.resolve("titles.json"), "not json");
    FaultyArchiveDisk disk = new FaultyArchiveDisk(container).failAt(Step.FORCE_DIRECTORY);
    ArchiveFile<List<String>> archive = archive(disk);

    assertThat(archive.restore()).isInstanceOf(RestoreResult.Quarantined.class);
    disk.heal();
    archive.save(AFTER);

    assertThat(files(".corrupt-"))
        .singleElement()
        .satisfies(moved -> assertThat(moved).hasContent("not json"));
    assertThat(nextLaunch())
        .isInstanceOfSatisfying(
            RestoreResult.Restored.class, r -> assertThat(r.contents()).isEqualTo(AFTER));
  }
}
