package lab.videofarm.app;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.os.uikit.FetchResult;

/**
 * Lesson 8: a background fetch refreshes the video list and says whether it found anything new
 * (rule 38). The handler must be called, whatever happens, within the time the system gives.
 */
final class BackgroundRefresh {
  /** How the list is fetched: the client's {@code fetchVideos}. */
  @FunctionalInterface
  interface VideoFetch {
    void fetch(Consumer<List<VFMRemoteVideo>> success, Consumer<Exception> failure);
  }

  private final KnownVideos knownVideos;

  BackgroundRefresh(KnownVideos knownVideos) {
    this.knownVideos = knownVideos;
  }

  /** Lesson 8: fetches the list, then calls {@code completionHandler} exactly once. */
  void refreshInBackground(VideoFetch fetch, Consumer<FetchResult> completionHandler) {
    // BEGIN SOLUTION lesson 8 refreshInBackground
    fetch.fetch(
        list -> completionHandler.accept(fetchResult(list)),
        error -> completionHandler.accept(FetchResult.FAILED));
    // END SOLUTION
  }

  /**
   * Lesson 8: {@code NEW_DATA} when a video appeared that no refresh had seen before (the ids seen
   * are kept across launches), {@code NO_DATA} otherwise, {@code FAILED} if they cannot be kept.
   */
  FetchResult fetchResult(List<VFMRemoteVideo> videos) {
    // BEGIN SOLUTION lesson 8 fetchResult
    try {
      return knownVideos.remember(videos) ? FetchResult.NEW_DATA : FetchResult.NO_DATA;
    } catch (IOException e) {
      return FetchResult.FAILED;
    }
    // END SOLUTION
  }
}
