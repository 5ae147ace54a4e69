package lab.videofarm.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lab.videofarm.app.model.VFMRemoteVideo;

/**
 * What a user does on the app's screens, as static methods that take and return only JDK types.
 *
 * <p>Tests and the stories cannot share objects with a launch: its classes live in its own class
 * loader. They press these "buttons" instead, by loading this class through the running launch's
 * loader and calling a method reflectively; the method then runs as that launch's own code, on the
 * caller's thread, against {@link VFMAPIClient#sharedInstance()}. Nothing else crosses the line:
 * results are observed on the timeline, in the container and on the server.
 *
 * <p>A command whose exercise is not written yet (in the student starter) throws {@link
 * NotImplementedYet} to its caller, after the app has said "not implemented yet" on the timeline;
 * the app itself runs on.
 */
public final class AppCommands {
  private static final long WAIT_SECONDS = 30;

  private AppCommands() {}

  /** Fetches the list; returns the video ids. */
  public static List<String> fetchVideos() throws Exception {
    CompletableFuture<List<VFMRemoteVideo>> videos = new CompletableFuture<>();
    client().fetchVideos(videos::complete, videos::completeExceptionally);
    return await(videos).stream().map(VFMRemoteVideo::id).toList();
  }

  /** Posts a new video's metadata and thumbnail; returns its id. */
  public static String prepareVideo(String title, String thumbnailFile, String description)
      throws Exception {
    CompletableFuture<VFMRemoteVideo> video = new CompletableFuture<>();
    client()
        .prepareVideo(
            title,
            Path.of(thumbnailFile),
            description,
            video::complete,
            video::completeExceptionally);
    return await(video).id();
  }

  /** Uploads a movie file to a prepared video; returns the upload task's identifier. */
  public static long uploadVideo(String movieFile, String videoId) throws IOException {
    return client().uploadVideo(Path.of(movieFile), "/videos/" + videoId + "/movie");
  }

  /** Downloads a video's movie and thumbnail; returns the movie task's identifier. */
  public static long downloadMovieAndThumbnail(String videoId) throws Exception {
    return client().downloadMovieAndThumbnail(video(videoId));
  }

  public static void pauseDownloads(String videoId) throws Exception {
    client().pauseDownloads(video(videoId));
  }

  /** Returns the new movie task's identifier, or -1 if nothing was paused. */
  public static long resumeDownloads(String videoId) throws Exception {
    return client().resumeDownloads(video(videoId));
  }

  public static void suspendUpload(String videoId) {
    client().suspendUpload(videoId);
  }

  public static void resumeUpload(String videoId) {
    client().resumeUpload(videoId);
  }

  public static void cancelUpload(String videoId) {
    client().cancelUpload(videoId);
  }

  private static VFMAPIClient client() {
    return VFMAPIClient.sharedInstance();
  }

  /** The video as the client knows it, fetching the list first if it does not. */
  private static VFMRemoteVideo video(String videoId) throws Exception {
    if (client().video(videoId).isEmpty()) {
      fetchVideos();
    }
    return client()
        .video(videoId)
        .orElseThrow(() -> new IllegalArgumentException("no video " + videoId));
  }

  private static <T> T await(CompletableFuture<T> result) throws Exception {
    try {
      return result.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (TimeoutException e) {
      throw new IllegalStateException("the app did not answer within " + WAIT_SECONDS + " s", e);
    }
  }
}
