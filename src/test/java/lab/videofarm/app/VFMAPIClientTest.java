package lab.videofarm.app;

import static lab.videofarm.app.AppScenario.MOVIE_BYTES;
import static lab.videofarm.app.AppScenario.archive;
import static lab.videofarm.app.AppScenario.movieInLibrary;
import static lab.videofarm.app.AppScenario.notification;
import static lab.videofarm.app.AppScenario.thumbnailInLibrary;
import static lab.videofarm.story.VideoFarmPhone.event;
import static lab.videofarm.story.VideoFarmPhone.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.server.RecordedRequest;
import lab.videofarm.story.VideoFarmPhone;
import org.junit.jupiter.api.Test;

/**
 * The seven tasks of the course's VFMAPIClient, each against the real sample server through the
 * real device and daemon, with real files checked byte for byte.
 */
class VFMAPIClientTest extends PhoneScenario {
  @Test
  void fetchVideosListsWhatTheServerHas() throws Exception {
    String first = phone.addVideo("Hens");
    String second = phone.addVideo("Geese");
    phone.launch();

    Object ids = phone.command("fetchVideos");

    assertThat(ids).asList().containsExactlyInAnyOrder(first, second);
    assertThat(phone.awaitEvent(notification("VideosFetched")).detail()).isEqualTo("2 videos");
  }

  @Test
  void prepareVideoPostsTheFormAndReturnsTheCreatedVideo() throws Exception {
    Path thumbnail = Files.write(root.resolve("thumb.png"), VideoFarmPhone.png());
    phone.launch();

    String id = (String) phone.command("prepareVideo", "Goat", thumbnail.toString(), "climbs");

    String json = get(phone.server().baseUrl().resolve("videos/" + id)).body();
    assertThat(json).contains("\"title\":\"Goat\"").contains("\"description\":\"climbs\"");
    byte[] stored =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        phone.server().baseUrl().resolve("videos/" + id + "/thumbnail"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .body();
    assertThat(stored).isEqualTo(Files.readAllBytes(thumbnail));
    assertThat(phone.awaitEvent(notification("VideoPrepared")).detail()).startsWith(id);
    RecordedRequest post =
        phone.server().requests().stream()
            .filter(request -> request.method().equals("POST"))
            .findFirst()
            .orElseThrow();
    assertThat(post.header("Content-Type").orElseThrow()).startsWith("multipart/form-data");
    try (var leftovers = Files.list(phone.container().resolve("tmp"))) {
      assertThat(leftovers).as("the multipart body file is deleted").isEmpty();
    }
  }

  @Test
  void uploadVideoSendsTheMovieFileInTheBackgroundSession() throws Exception {
    Path thumbnail = Files.write(root.resolve("thumb.png"), VideoFarmPhone.png());
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 11);
    phone.launch();
    String id = (String) phone.command("prepareVideo", "Sheep", thumbnail.toString(), "");

    long task = (Long) phone.command("uploadVideo", movie.toString(), id);

    phone.awaitEvent(notification("VideoUploadFinished", task));
    assertThat(phone.serverMovieSha256(id)).isEqualTo(sha256(movie));
    assertThat(phone.events())
        .filteredOn(event(Layer.SESSION, "task created"))
        .filteredOn(event -> event.detail().startsWith("UPLOAD PUT"))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.sessionId()).isEqualTo(VFMAPIClient.BACKGROUND_IDENTIFIER);
              assertThat(event.taskId()).isEqualTo(task);
            });
    assertThat(archive(phone, "uploads")).contains("\"state\" : \"FINISHED\"");
  }

  @Test
  void uploadVideoOfAMissingFileFailsWithoutLeavingATaskInTheDaemon() throws Exception {
    Path thumbnail = Files.write(root.resolve("thumb.png"), VideoFarmPhone.png());
    phone.launch();
    String id = (String) phone.command("prepareVideo", "Lamb", thumbnail.toString(), "");

    assertThatThrownBy(() -> phone.command("uploadVideo", root.resolve("gone.mp4").toString(), id))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("gone.mp4");

    assertThat(phone.os().transferDaemon().allTasks()).isEmpty();
    assertThat(phone.events())
        .filteredOn(event(Layer.SESSION, "task created"))
        .noneMatch(event -> event.detail().startsWith("UPLOAD PUT"));
  }

  @Test
  void downloadMovieAndThumbnailMovesBothFilesIntoTheLibrary() throws Exception {
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 12);
    String id = phone.addVideoWithMovie("Pigs", movie);
    phone.launch();

    long task = (Long) phone.command("downloadMovieAndThumbnail", id);

    phone.awaitEvent(notification("VideoDownloadFinished", task));
    assertThat(sha256(movieInLibrary(phone, id))).isEqualTo(sha256(movie));
    assertThat(Files.readAllBytes(thumbnailInLibrary(phone, id))).isEqualTo(VideoFarmPhone.png());
    assertThat(archive(phone, "downloads")).contains("\"state\" : \"FINISHED\"");
  }

  @Test
  void aThumbnailTheServerCannotServeDoesNotStopTheMovie() throws Exception {
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 17);
    String id = phone.addVideoWithMovie("Mule", movie);
    Files.delete(root.resolve("server/videos/" + id + "/thumbnail"));
    phone.launch();

    long task = (Long) phone.command("downloadMovieAndThumbnail", id);

    phone.awaitEvent(notification("VideoDownloadFinished", task));
    assertThat(sha256(movieInLibrary(phone, id))).isEqualTo(sha256(movie));
    assertThat(thumbnailInLibrary(phone, id)).doesNotExist();
    assertThat(phone.events()).anyMatch(event(Layer.APP, "no thumbnail"));
  }

  @Test
  void pauseDownloadsKeepsResumeDataThatResumeDownloadsContinuesFrom() throws Exception {
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 13);
    String id = phone.addVideoWithMovie("Cows", movie);
    phone.server().faults().throttleBytesPerSecond(300_000);
    phone.launch();
    long task = (Long) phone.command("downloadMovieAndThumbnail", id);
    phone.awaitEvent(notification("VideoDownloadProgressed", task));

    phone.command("pauseDownloads", id);

    TimelineEvent paused = phone.awaitEvent(notification("VideoDownloadPaused", task));
    assertThat(paused.detail()).endsWith("resumable");
    assertThat(archive(phone, "downloads"))
        .contains("\"state\" : \"PAUSED\"")
        .containsPattern("\"resumeData\" : \"[A-Za-z0-9+/=]+\"");
    phone.server().faults().throttleBytesPerSecond(0);

    long resumed = (Long) phone.command("resumeDownloads", id);

    phone.awaitEvent(notification("VideoDownloadFinished", resumed));
    assertThat(sha256(movieInLibrary(phone, id))).isEqualTo(sha256(movie));
    AppScenario.assertResumedWithoutResending(phone, id, resumed);
  }

  @Test
  void resumeDownloadsWithoutResumeDataStartsOverAndSaysSo() throws Exception {
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 14);
    String id = phone.addVideoWithMovie("Ducks", movie);
    phone.server().faults().disableRanges(true).throttleBytesPerSecond(300_000);
    phone.launch();
    long task = (Long) phone.command("downloadMovieAndThumbnail", id);
    phone.awaitEvent(notification("VideoDownloadProgressed", task));
    phone.command("pauseDownloads", id);
    assertThat(phone.awaitEvent(notification("VideoDownloadPaused", task)).detail())
        .endsWith("no resume data");
    phone.server().faults().throttleBytesPerSecond(0);

    long resumed = (Long) phone.command("resumeDownloads", id);

    assertThat(phone.awaitEvent(notification("VideoDownloadResumed", resumed)).detail())
        .endsWith("from 0 bytes");
    assertThat(phone.awaitEvent(event(Layer.APP, "no resume data")).taskId()).isEqualTo(resumed);
    phone.awaitEvent(notification("VideoDownloadFinished", resumed));
    assertThat(sha256(movieInLibrary(phone, id))).isEqualTo(sha256(movie));
  }

  @Test
  void anUploadCanBeSuspendedAndResumed() throws Exception {
    Path thumbnail = Files.write(root.resolve("thumb.png"), VideoFarmPhone.png());
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 15);
    phone.launch();
    String id = (String) phone.command("prepareVideo", "Horse", thumbnail.toString(), "");
    phone.server().faults().throttleBytesPerSecond(300_000);
    long task = (Long) phone.command("uploadVideo", movie.toString(), id);
    phone.awaitEvent(notification("VideoUploadProgressed", task));

    phone.command("suspendUpload", id);
    phone.awaitEvent(notification("VideoUploadSuspended", task));
    assertThat(archive(phone, "uploads")).contains("\"state\" : \"SUSPENDED\"");
    phone.server().faults().throttleBytesPerSecond(0);
    phone.command("resumeUpload", id);

    phone.awaitEvent(notification("VideoUploadResumed", task));
    phone.awaitEvent(notification("VideoUploadFinished", task));
    assertThat(phone.serverMovieSha256(id)).isEqualTo(sha256(movie));
  }

  @Test
  void aCancelledUploadFailsAsCancelled() throws Exception {
    Path thumbnail = Files.write(root.resolve("thumb.png"), VideoFarmPhone.png());
    Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 16);
    phone.launch();
    String id = (String) phone.command("prepareVideo", "Donkey", thumbnail.toString(), "");
    phone.server().faults().throttleBytesPerSecond(200_000);
    long task = (Long) phone.command("uploadVideo", movie.toString(), id);
    phone.awaitEvent(notification("VideoUploadProgressed", task));

    phone.command("cancelUpload", id);

    assertThat(phone.awaitEvent(notification("VideoUploadFailed", task)).detail()).contains("-999");
    assertThat(archive(phone, "uploads")).contains("\"state\" : \"FAILED\"");
  }

  private static HttpResponse<String> get(URI url) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
  }
}
