package lab.videofarm.app.archive;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What reading an archive found. Whatever it found, the app can go on: {@link #contentsOr} gives
 * the archived contents, or the clean start the caller passes in.
 *
 * @param <T> what the archive holds
 */
public sealed interface RestoreResult<T> {

  /** The archived contents if they were restored, {@code clean} otherwise. */
  T contentsOr(T clean);

  /** The archive was read in full. */
  record Restored<T>(T contents, Instant savedAt, int savedByLaunch) implements RestoreResult<T> {
    @Override
    public T contentsOr(T clean) {
      return contents;
    }
  }

  /** There was no archive: the app's first launch, or nothing was ever saved. */
  record FirstLaunch<T>() implements RestoreResult<T> {
    @Override
    public T contentsOr(T clean) {
      return clean;
    }
  }

  /**
   * The archive was damaged, truncated, or written by a newer app. It was moved aside, and the app
   * starts clean.
   *
   * @param archive the archive's file name, such as {@code downloads.json}
   * @param quarantinedAs where the damaged file is now; the archive's own path if it could not be
   *     moved (then nothing will be saved over it during this launch)
   * @param problem why it could not be read
   */
  record Quarantined<T>(String archive, Path quarantinedAs, String problem)
      implements RestoreResult<T> {
    @Override
    public T contentsOr(T clean) {
      return clean;
    }
  }
}
