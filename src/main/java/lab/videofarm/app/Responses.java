package lab.videofarm.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.urlsession.HTTPURLResponse;
import lab.videofarm.urlsession.URLError;

/**
 * Reading what a task ended with. A task that got any HTTP answer, 404 and 500 included, completes
 * without an error (rule 17): the status code is the app's to check.
 */
final class Responses {
  private Responses() {}

  /** Lesson 2: the videos in a {@code GET /videos} answer, or why there are none. */
  static List<VFMRemoteVideo> videos(
      byte[] body, HTTPURLResponse response, URLError error, URI baseURL) throws IOException {
    // BEGIN SOLUTION lesson 2 videos
    checkSuccess(response, error);
    return VFMRemoteVideo.listFromJson(new ByteArrayInputStream(body), baseURL);
    // END SOLUTION
  }

  /** Lesson 2: throws unless the task got a successful HTTP answer. */
  static void checkSuccess(HTTPURLResponse response, URLError error) throws IOException {
    // BEGIN SOLUTION lesson 2 checkSuccess
    if (error != null) {
      throw new IOException(describe(error), error);
    }
    if (!isSuccess(response)) {
      throw new IOException("HTTP " + (response == null ? "no response" : response.statusCode()));
    }
    // END SOLUTION
  }

  /** Lesson 2: 2xx, or the 303 of a created video. */
  static boolean isSuccess(HTTPURLResponse response) {
    // BEGIN SOLUTION lesson 2 isSuccess
    return response != null && (response.statusCode() / 100 == 2 || response.statusCode() == 303);
    // END SOLUTION
  }

  /** The error as the timeline and the notifications show it, naming a force-quit (rule 23). */
  static String describe(URLError error) {
    String reason =
        error.backgroundTaskCancelledReason().isPresent()
                && error.backgroundTaskCancelledReason().getAsInt()
                    == URLError.CANCELLED_REASON_USER_FORCE_QUIT_APPLICATION
            ? " (force-quit by the user)"
            : "";
    return error.code() + " " + error.localizedDescription() + reason;
  }
}
