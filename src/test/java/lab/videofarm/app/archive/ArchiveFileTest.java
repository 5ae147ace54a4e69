package lab.videofarm.app.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lab.videofarm.app.RecordingApplication;
import lab.videofarm.app.model.MovieStatus;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.app.model.VFMVideo;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveFileTest {
  private static final TypeReference<Map<Long, VFMVideoDownload>> DOWNLOADS =
      new TypeReference<>() {};

  @TempDir Path container;

  private RecordingApplication application;

  private static VFMRemoteVideo video(String id) {
    return new VFMRemoteVideo(
        id,
        new VFMVideo("Video " + id, "about " + id, URI.create("http://127.0.0.1:1/" + id + ".png")),
        URI.create("http://127.0.0.1:1/videos/" + id + "/movie"),
        MovieStatus.READY,
        4096,
        Instant.parse("2026-01-01T08:00:00Z"));
  }

  private static final Map<Long, VFMVideoDownload> TWO_DOWNLOADS =
      Map.of(
          4L,
          VFMVideoDownload.starting(video("v1"), 4, 5).withProgress(1024, 4096),
          9L,
          VFMVideoDownload.starting(video("v2"), 9, 10)
              .withThumbnailFile(Path.of("/container/v2.png"))
              .paused(new byte[] {1, 2, 3, (byte) 0xfe}));

  private static final Map<Long, VFMVideoDownload> ONE_DOWNLOAD =
      Map.of(11L, VFMVideoDownload.starting(video("v3"), 11, 12));

  @BeforeEach
  void launch() {
    application = new RecordingApplication(container);
  }

  @AfterEach
  void kill() {
    application.close();
  }

  private ArchiveFile<Map<Long, VFMVideoDownload>> downloads() {
    return new ArchiveFile<>(application, application.clock(), "downloads", DOWNLOADS);
  }

  private ArchiveFile<Map<Long, VFMVideoDownload>> downloadsWriting(ArchiveFile.WriteHook hook) {
    return new ArchiveFile<>(application, application.clock(), "downloads", DOWNLOADS, hook);
  }

  private List<Path> tempFiles() throws IOException {
    try (Stream<Path> files = Files.list(container)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  private Path archive() {
    return container.resolve("downloads.json");
  }

  private List<Path> quarantinedFiles() throws IOException {
    try (Stream<Path> files = Files.list(container)) {
      return files
          .filter(file -> file.getFileName().toString().startsWith("downloads.json.corrupt-"))
          .sorted()
          .toList();
    }
  }

  /** Writes the first {@code length} bytes, then fails as a full disk would. */
  private static ArchiveFile.WriteHook failingAfter(int length) {
    return (channel, bytes) -> {
      ByteBuffer part = bytes.duplicate();
      part.limit(Math.min(bytes.limit(), length));
      while (part.hasRemaining()) {
        channel.write(part);
      }
      throw new IOException("No space left on device");
    };
  }

  @Test
  void restoresWhatWasSaved() throws IOException {
    downloads().save(TWO_DOWNLOADS);

    RestoreResult<Map<Long, VFMVideoDownload>> result = downloads().restore();

    assertThat(result).isInstanceOf(RestoreResult.Restored.class);
    assertThat(result.contentsOr(Map.of())).isEqualTo(TWO_DOWNLOADS);
    RestoreResult.Restored<?> restored = (RestoreResult.Restored<?>) result;
    assertThat(restored.savedAt()).isEqualTo(application.clock().now());
    assertThat(restored.savedByLaunch()).isEqualTo(1);
  }

  @Test
  void aRestoreNamesTheKeysOfTheRecordsItReadBack() throws IOException {
    downloads().save(TWO_DOWNLOADS);

    downloads().restore();

    assertThat(application.events(Layer.ARCHIVE))
        .filteredOn(e -> e.what().equals("restored downloads.json"))
        .singleElement()
        .extracting(TimelineEvent::detail)
        .asString()
        .endsWith(
            "; ids: "
                + String.join(", ", TWO_DOWNLOADS.keySet().stream().map(String::valueOf).toList()));
  }

  @Test
  void aMissingArchiveIsAFirstLaunch() {
    RestoreResult<Map<Long, VFMVideoDownload>> result = downloads().restore();

    assertThat(result).isInstanceOf(RestoreResult.FirstLaunch.class);
    assertThat(result.contentsOr(Map.of())).isEmpty();
    assertThat(application.events(Layer.ARCHIVE))
        .extracting(TimelineEvent::what)
        .containsExactly("no downloads.json");
  }

  @Test
  void everySaveAndRestoreIsReportedOnTheTimeline() throws IOException {
    downloads().save(TWO_DOWNLOADS);
    downloads().restore();

    List<TimelineEvent> events = application.events(Layer.ARCHIVE);
    assertThat(events)
        .extracting(TimelineEvent::what)
        .containsExactly("saved downloads.json", "restored downloads.json");
    assertThat(events.get(0).detail()).startsWith("2 entries, ").endsWith("bytes, format 1");
    assertThat(events.get(1).detail()).startsWith("2 entries, saved by launch 1 at ");
    assertThat(events).allSatisfy(event -> assertThat(event.launch()).isEqualTo(1));
  }

  @Test
  void theArchiveIsIndentedJsonWithItsFormatFirst() throws IOException {
    downloads().save(ONE_DOWNLOAD);

    String json = Files.readString(archive(), StandardCharsets.UTF_8);

    assertThat(json)
        .startsWith(
            "{\n  \"format\" : \"lab.videofarm.archive\",\n  \"version\" : 1,\n"
                + "  \"archive\" : \"downloads\",\n")
        .contains("\"savedAt\" : \"2026-01-01T09:00:00Z\"", "\"11\" : {")
        .endsWith("}");
  }

  @Test
  void aSaveCreatesAMissingContainerDirectory() throws IOException {
    Files.delete(container);

    downloads().save(ONE_DOWNLOAD);

    assertThat(downloads().restore().contentsOr(Map.of())).isEqualTo(ONE_DOWNLOAD);
  }

  @Test
  void aSaveReplacesTheWholeArchive() throws IOException {
    downloads().save(TWO_DOWNLOADS);

    downloads().save(ONE_DOWNLOAD);

    assertThat(downloads().restore().contentsOr(Map.of())).isEqualTo(ONE_DOWNLOAD);
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void aSaveThatFailsHalfWayLeavesThePreviousArchiveIntact() throws IOException {
    downloads().save(TWO_DOWNLOADS);
    byte[] before = Files.readAllBytes(archive());

    assertThatThrownBy(() -> downloadsWriting(failingAfter(before.length / 2)).save(ONE_DOWNLOAD))
        .isInstanceOf(IOException.class)
        .hasMessage("No space left on device");

    assertThat(Files.readAllBytes(archive())).isEqualTo(before);
    assertThat(downloads().restore().contentsOr(Map.of())).isEqualTo(TWO_DOWNLOADS);
    assertThat(tempFiles()).isEmpty();
    assertThat(application.warnings(Layer.ARCHIVE))
        .extracting(TimelineEvent::what)
        .containsExactly("save failed: downloads.json");
  }

  @Test
  void aSaveCutShortByTheKillOfItsLaunchIsReportedButIsNoWarning() throws IOException {
    downloads().save(TWO_DOWNLOADS);
    byte[] before = Files.readAllBytes(archive());
    ArchiveFile.WriteHook killed =
        (channel, bytes) -> {
          throw new java.nio.channels.ClosedByInterruptException();
        };

    assertThatThrownBy(() -> downloadsWriting(killed).save(ONE_DOWNLOAD))
        .isInstanceOf(java.nio.channels.ClosedByInterruptException.class);

    assertThat(Files.readAllBytes(archive())).isEqualTo(before);
    assertThat(tempFiles()).isEmpty();
    assertThat(application.warnings(Layer.ARCHIVE)).isEmpty();
    assertThat(application.events(Layer.ARCHIVE))
        .extracting(TimelineEvent::what)
        .contains("save interrupted: downloads.json");
  }

  @Test
  void aSaveFromAKilledLaunchStillWritingNeverMixesWithTheNextLaunchsSave() throws Exception {
    CountDownLatch halfWritten = new CountDownLatch(1);
    CountDownLatch otherSaveDone = new CountDownLatch(1);
    ArchiveFile.WriteHook slow =
        (channel, bytes) -> {
          int half = bytes.remaining() / 2;
          channel.write(ByteBuffer.wrap(bytes.array(), 0, half));
          halfWritten.countDown();
          awaitQuietly(otherSaveDone);
          channel.write(ByteBuffer.wrap(bytes.array(), half, bytes.array().length - half));
        };
    ArchiveFile<Map<Long, VFMVideoDownload>> oldLaunch = downloadsWriting(slow);
    CompletableFuture<Void> oldSave =
        CompletableFuture.runAsync(
            () -> {
              try {
                oldLaunch.save(TWO_DOWNLOADS);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    assertThat(halfWritten.await(10, TimeUnit.SECONDS)).isTrue();

    downloads().save(ONE_DOWNLOAD);
    otherSaveDone.countDown();
    oldSave.get(10, TimeUnit.SECONDS);

    assertThat(downloads().restore()).isInstanceOf(RestoreResult.Restored.class);
    assertThat(downloads().restore().contentsOr(Map.of())).isEqualTo(TWO_DOWNLOADS);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aSaveFailingAtTheFirstOrLastByteLeavesThePreviousArchiveIntact() throws IOException {
    downloads().save(TWO_DOWNLOADS);
    byte[] before = Files.readAllBytes(archive());

    for (int cut : new int[] {0, 1, before.length - 1, before.length + 100}) {
      assertThatThrownBy(() -> downloadsWriting(failingAfter(cut)).save(ONE_DOWNLOAD))
          .isInstanceOf(IOException.class);
      assertThat(downloads().restore().contentsOr(Map.of())).isEqualTo(TWO_DOWNLOADS);
    }
  }

  @Test
  void aCrashInTheMiddleOfASaveLeavesTheOldArchiveAndAnIgnoredTempFile() throws IOException {
    downloads().save(TWO_DOWNLOADS);
    ArchiveFile.WriteHook dies =
        (channel, bytes) -> {
          channel.write(ByteBuffer.wrap(bytes.array(), 0, 40));
          throw new ProcessDied();
        };

    assertThatThrownBy(() -> downloadsWriting(dies).save(ONE_DOWNLOAD))
        .isInstanceOf(ProcessDied.class);

    assertThat(tempFiles()).singleElement().satisfies(left -> assertThat(left).hasSize(40));
    assertThat(downloads().restore().contentsOr(Map.of())).isEqualTo(TWO_DOWNLOADS);
    assertThat(tempFiles()).isEmpty();
    downloads().save(ONE_DOWNLOAD);
    assertThat(downloads().restore().contentsOr(Map.of())).isEqualTo(ONE_DOWNLOAD);
  }

  @Test
  void anArchiveTruncatedAtAnyByteIsQuarantinedAndOnlyTheWholeFileRestores() throws IOException {
    downloads().save(TWO_DOWNLOADS);
    byte[] whole = Files.readAllBytes(archive());

    for (int length = 0; length < whole.length; length++) {
      byte[] truncated = java.util.Arrays.copyOf(whole, length);
      Files.write(archive(), truncated);

      RestoreResult<Map<Long, VFMVideoDownload>> result = downloads().restore();

      assertThat(result)
          .as("truncated to %d bytes", length)
          .isInstanceOf(RestoreResult.Quarantined.class);
      Path quarantined = ((RestoreResult.Quarantined<?>) result).quarantinedAs();
      assertThat(Files.readAllBytes(quarantined)).isEqualTo(truncated);
      assertThat(archive()).doesNotExist();
      Files.delete(quarantined);
    }
    Files.write(archive(), whole);
    assertThat(downloads().restore().contentsOr(Map.of())).isEqualTo(TWO_DOWNLOADS);
    assertThat(application.warnings(Layer.ARCHIVE)).hasSize(whole.length);
  }

  @Test
  void aCorruptArchiveIsMovedAsideReportedAndTheAppStartsClean() throws IOException {
    Files.writeString(archive(), "{\"format\": \"lab.videofarm.archive\", \"version\": 1, @@@");

    RestoreResult<Map<Long, VFMVideoDownload>> result = downloads().restore();

    assertThat(result.contentsOr(Map.of())).isEmpty();
    RestoreResult.Quarantined<?> quarantined = (RestoreResult.Quarantined<?>) result;
    assertThat(quarantined.archive()).isEqualTo("downloads.json");
    assertThat(quarantined.quarantinedAs().getFileName())
        .hasToString("downloads.json.corrupt-20260101T090000.000Z");
    assertThat(quarantined.problem()).startsWith("not a valid archive: ");
    assertThat(application.warnings(Layer.ARCHIVE))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.what()).isEqualTo("quarantined downloads.json");
              assertThat(event.detail())
                  .contains(
                      "moved to downloads.json.corrupt-20260101T090000.000Z", "starting clean");
            });
  }

  @Test
  void anArchiveFromANewerAppIsQuarantinedNotMisread() throws IOException {
    downloads().save(ONE_DOWNLOAD);
    String newer = Files.readString(archive()).replace("\"version\" : 1,", "\"version\" : 2,");
    Files.writeString(archive(), newer);

    RestoreResult<Map<Long, VFMVideoDownload>> result = downloads().restore();

    assertThat(result).isInstanceOf(RestoreResult.Quarantined.class);
    assertThat(((RestoreResult.Quarantined<?>) result).problem())
        .isEqualTo("format version 2 is from a newer app; this one reads up to 1");
    assertThat(Files.readString(((RestoreResult.Quarantined<?>) result).quarantinedAs()))
        .isEqualTo(newer);
  }

  @Test
  void anotherArchivesFileIsQuarantined() throws IOException {
    new ArchiveFile<>(application, application.clock(), "uploads", DOWNLOADS).save(ONE_DOWNLOAD);
    Files.move(container.resolve("uploads.json"), archive());

    RestoreResult<Map<Long, VFMVideoDownload>> result = downloads().restore();

    assertThat(((RestoreResult.Quarantined<?>) result).problem())
        .isEqualTo("holds \"uploads\", not \"downloads\"");
  }

  @Test
  void contentsOfTheWrongShapeAreQuarantined() throws IOException {
    Files.writeString(
        archive(),
        "{\"format\":\"lab.videofarm.archive\",\"version\":1,\"archive\":\"downloads\","
            + "\"savedAt\":\"2026-01-01T09:00:00Z\",\"launch\":1,\"contents\":{\"4\":{\"state\":1}}}");

    RestoreResult<Map<Long, VFMVideoDownload>> result = downloads().restore();

    assertThat(result).isInstanceOf(RestoreResult.Quarantined.class);
    assertThat(result.contentsOr(Map.of())).isEmpty();
  }

  @Test
  void anEmptyOrForeignFileIsQuarantined() throws IOException {
    for (String foreign : List.of("", "   ", "[]", "42", "{}", "{\"format\":\"other\"}")) {
      Files.writeString(archive(), foreign);

      assertThat(downloads().restore())
          .as("file \"%s\"", foreign)
          .isInstanceOf(RestoreResult.Quarantined.class);
      assertThat(archive()).doesNotExist();
    }
  }

  @Test
  void quarantineNeverOverwritesAnEarlierQuarantinedFile() throws IOException {
    Files.writeString(container.resolve("downloads.json.corrupt-20260101T090000.000Z"), "first");
    Files.writeString(archive(), "second");
    downloads().restore();
    Files.writeString(archive(), "third");

    downloads().restore();

    assertThat(quarantinedFiles())
        .extracting(file -> file.getFileName().toString())
        .containsExactly(
            "downloads.json.corrupt-20260101T090000.000Z",
            "downloads.json.corrupt-20260101T090000.000Z-2",
            "downloads.json.corrupt-20260101T090000.000Z-3");
    assertThat(quarantinedFiles().stream().map(ArchiveFileTest::read))
        .containsExactly("first", "second", "third");
  }

  @Test
  void afterAQuarantineTheNextSaveStartsAFreshArchive() throws IOException {
    Files.writeString(archive(), "garbage");
    downloads().restore();

    downloads().save(ONE_DOWNLOAD);

    assertThat(downloads().restore().contentsOr(Map.of())).isEqualTo(ONE_DOWNLOAD);
    assertThat(quarantinedFiles()).hasSize(1);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** What the process dying looks like from inside a write: nothing after it runs. */
  private static final class ProcessDied extends Error {}
}
