package lab.videofarm.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCatalogueTest {
  @TempDir Path first;
  @TempDir Path second;
  @TempDir Path cache;

  private static List<String> movieHashes(VideoStore store) {
    return store.list().stream().map(v -> v.video().movieSha256()).toList();
  }

  @Test
  void aSecondSeedCopiesTheCachedFilesInsteadOfEncodingAgain() throws Exception {
    VideoStore one = VideoStore.open(first, Clock.systemUTC(), Json.newMapper());
    SampleCatalogue.seed(one, cache);
    try (var cached = Files.list(cache)) {
      assertThat(cached.map(p -> p.getFileName().toString()))
          .contains("sample-1.mp4", "sample-2.mp4", "sample-3.mp4", "sample-1.png");
    }
    // Mark a cached movie: only a copy from the cache can carry the mark into the second store.
    Files.write(cache.resolve("sample-2.mp4"), new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p'});

    VideoStore two = VideoStore.open(second, Clock.systemUTC(), Json.newMapper());
    SampleCatalogue.seed(two, cache);

    assertThat(two.list()).hasSize(3);
    assertThat(two.list().get(1).video().movieSize()).isEqualTo(8);
    assertThat(movieHashes(two).get(0)).isEqualTo(movieHashes(one).get(0));
  }

  @Test
  void anUnusableCacheStillSeeds() throws Exception {
    Path notADirectory = Files.write(cache.resolve("file"), new byte[] {1});
    VideoStore store = VideoStore.open(first, Clock.systemUTC(), Json.newMapper());

    SampleCatalogue.seed(store, notADirectory);

    assertThat(store.list()).hasSize(3).allMatch(v -> v.status() == MovieStatus.READY);
  }
}
