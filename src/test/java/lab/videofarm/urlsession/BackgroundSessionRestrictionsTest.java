package lab.videofarm.urlsession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.UploadBody;
import org.junit.jupiter.api.Test;

/** What a background session refuses that a default session allows, with Apple's messages. */
class BackgroundSessionRestrictionsTest extends InsideAnAppProcess {
  @Test
  void backgroundSessionsRefuseEveryCompletionHandlerWithApplesMessage() throws Exception {
    URLSession session = background("bg", new RecordingDelegate());
    Path file = Files.writeString(container.resolve("body.txt"), "body");
    URLRequest put = URLRequest.of(MOVIE).withHttpMethod("PUT");
    List<Runnable> attempts =
        List.of(
            () -> session.dataTask(MOVIE, (data, response, error) -> {}),
            () -> session.dataTask(URLRequest.of(MOVIE), (data, response, error) -> {}),
            () -> session.downloadTask(MOVIE, (location, response, error) -> {}),
            () -> session.downloadTask(new byte[] {1}, (location, response, error) -> {}),
            () -> session.uploadTask(put, file, (data, response, error) -> {}),
            () -> session.uploadTask(put, new byte[] {1}, (data, response, error) -> {}));

    for (Runnable attempt : attempts) {
      assertThatThrownBy(attempt::run)
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessage(
              "Completion handler blocks are not supported in background sessions. Use a"
                  + " delegate instead.");
    }
    assertThat(daemon.last().created).isEmpty();
  }

  @Test
  void backgroundSessionsRefuseUploadsFromData() {
    URLSession session = background("bg", new RecordingDelegate());

    assertThatThrownBy(
            () -> session.uploadTask(URLRequest.of(MOVIE).withHttpMethod("PUT"), new byte[] {1}))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("Upload tasks from NSData are not supported in background sessions.");
  }

  @Test
  void backgroundSessionsRefuseStreamedUploads() {
    URLSession session = background("bg", new RecordingDelegate());

    assertThatThrownBy(() -> session.uploadTask(URLRequest.of(MOVIE).withHttpMethod("PUT")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("Upload tasks in background sessions must be from a file");
  }

  @Test
  void backgroundSessionsAcceptDownloadsAndUploadsFromFiles() throws Exception {
    URLSession session = background("bg", new RecordingDelegate());
    Path file = Files.writeString(container.resolve("body.txt"), "body");

    session.downloadTask(MOVIE);
    session.uploadTask(URLRequest.of(MOVIE).withHttpMethod("PUT"), file);

    assertThat(daemon.last().created)
        .extracting(spec -> spec.kind())
        .containsExactly(TaskKind.DOWNLOAD, TaskKind.UPLOAD);
    assertThat(daemon.last().created.get(1).body()).isEqualTo(new UploadBody.FromFile(file));
  }

  @Test
  void defaultSessionsAcceptAllThreeUploadFactories() throws Exception {
    URLSession session = URLSession.session(URLSessionConfiguration.defaultConfiguration());
    Path file = Files.writeString(container.resolve("body.txt"), "body");
    URLRequest put = URLRequest.of(MOVIE).withHttpMethod("PUT");

    session.uploadTask(put, file);
    session.uploadTask(put, new byte[] {1, 2});
    session.uploadTask(put);

    assertThat(daemon.last().created)
        .extracting(spec -> spec.body().getClass().getSimpleName())
        .containsExactly("FromFile", "FromData", "Streamed");
  }

  @Test
  void backgroundSessionsNeedADelegate() {
    assertThatThrownBy(
            () -> URLSession.session(URLSessionConfiguration.background("bg"), null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> URLSessionConfiguration.background(""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
