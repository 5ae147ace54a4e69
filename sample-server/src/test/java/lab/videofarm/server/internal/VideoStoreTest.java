package lab.videofarm.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoStoreTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path data;

  private VideoStore open() throws Exception {
    return VideoStore.open(data, CLOCK, Json.newMapper());
  }

  private String createWithMovie(VideoStore store, byte[] movie) throws Exception {
    Path thumbnail =
        Files.write(Files.createTempFile(store.tmpDirectory(), "t", ".png"), new byte[] {1});
    String id = store.create("Cow", "", thumbnail, "image/png").video().id();
    Path upload = Files.write(Files.createTempFile(store.tmpDirectory(), "m", ".up"), movie);
    store.commitMovie(id, upload, movie.length, Hashing.sha256Hex(upload));
    return id;
  }

  @Test
  void aVideoWhoseMetadataWasNeverWrittenIsDiscarded() throws Exception {
    VideoStore store = open();
    String id = createWithMovie(store, new byte[] {1, 2, 3});
    Path crashed = data.resolve("videos").resolve("half-created");
    Files.createDirectories(crashed);
    Files.write(crashed.resolve("thumbnail"), new byte[] {9});

    VideoStore reopened = open();

    assertThat(reopened.list()).extracting(v -> v.video().id()).containsExactly(id);
    assertThat(crashed).doesNotExist();
  }

  @Test
  void leftoverUploadsAreClearedAtStart() throws Exception {
    VideoStore store = open();
    Path leftover = Files.write(store.tmpDirectory().resolve("abc.upload"), new byte[100]);

    open();

    assertThat(leftover).doesNotExist();
  }

  @Test
  void aMovieRenamedInPlaceBeforeItsMetadataIsRepairedAtStart() throws Exception {
    VideoStore store = open();
    String id = createWithMovie(store, new byte[] {1, 2, 3});
    String etag = store.find(id).orElseThrow().video().movieEtag();
    // A crash after the rename of a new movie and before its metadata was written.
    Files.write(store.moviePath(id), new byte[] {4, 5, 6, 7});

    VideoStore reopened = open();

    StoredVideo video = reopened.find(id).orElseThrow().video();
    assertThat(video.movieSize()).isEqualTo(4);
    assertThat(video.movieEtag()).isNotEqualTo(etag);
  }

  @Test
  void aMissingMovieFileMeansNoMovie() throws Exception {
    VideoStore store = open();
    String id = createWithMovie(store, new byte[] {1, 2, 3});
    Files.delete(store.moviePath(id));

    VideoStore reopened = open();

    assertThat(reopened.find(id).orElseThrow().status()).isEqualTo(MovieStatus.MISSING);
  }

  @Test
  void aReplacementMovesLastModifiedForwardEvenWithinTheSameSecond() throws Exception {
    VideoStore store = open();
    String id = createWithMovie(store, new byte[] {1});
    Instant first = Files.getLastModifiedTime(store.moviePath(id)).toInstant();

    Path upload =
        Files.write(Files.createTempFile(store.tmpDirectory(), "m", ".up"), new byte[] {2});
    store.commitMovie(id, upload, 1, Hashing.sha256Hex(upload));

    assertThat(Files.getLastModifiedTime(store.moviePath(id)).toInstant())
        .isAfterOrEqualTo(first.plusSeconds(1));
  }

  @Test
  void metadataIsWrittenWithoutTempFilesLeftBehind() throws Exception {
    VideoStore store = open();
    String id = createWithMovie(store, new byte[] {1});

    try (var files = Files.list(data.resolve("videos").resolve(id))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("video.json", "thumbnail", "movie");
    }
  }
}
