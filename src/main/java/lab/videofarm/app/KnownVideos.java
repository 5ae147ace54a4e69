package lab.videofarm.app;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import lab.videofarm.app.archive.ArchiveFile;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.os.uikit.Application;

/**
 * The video ids a background refresh has already seen, kept in {@code known-videos.json} so that
 * the next refresh, in another launch, can tell whether the server has something new.
 */
final class KnownVideos {
  private final ArchiveFile<List<String>> archive;

  KnownVideos(Application application) {
    this.archive =
        new ArchiveFile<>(
            application, application.clock(), "known-videos", new TypeReference<>() {});
  }

  /** Remembers {@code videos}; true if one of them was not known before. */
  synchronized boolean remember(List<VFMRemoteVideo> videos) throws IOException {
    Set<String> known = new TreeSet<>(archive.restore().contentsOr(List.of()));
    boolean anyNew = false;
    for (VFMRemoteVideo video : videos) {
      anyNew |= known.add(video.id());
    }
    archive.save(List.copyOf(known));
    return anyNew;
  }
}
