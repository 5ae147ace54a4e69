package lab.videofarm.story;

import static lab.videofarm.story.VideoFarmPhone.APP;
import static lab.videofarm.story.VideoFarmPhone.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.server.RecordedRequest;

/**
 * The story of a background transfer that outlives the app (rules 21 and 23 of {@code
 * docs/ios-behaviour.md}), told headless against an embedded sample server in a temp directory.
 * {@code download}, {@code upload} and {@code force-quit} each print the timeline, one line per
 * event, and exit 0 only if the file is byte-exact, every step happened in order, and nothing on
 * the timeline is a WARNING or an ERROR that the story did not provoke on purpose.
 *
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=lab.videofarm.story.Stories -Dexec.args=download
 * </pre>
 */
public final class Stories {
  private static final int MOVIE_BYTES = 1024 * 1024;
  private static final long THROTTLE = 400_000;

  private Stories() {}

  public static void main(String[] args) throws Exception {
    // The story is the timeline; the server's and HTTP client's own logging would drown it.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    String story = args.length == 0 ? "download" : args[0];
    Path root = Files.createTempDirectory("videofarm-story-");
    StoryResult result;
    try {
      result = run(story, root);
    } finally {
      deleteRecursively(root);
    }
    result.timeline().forEach(System.out::println);
    System.out.println();
    System.out.println("Story \"" + story + "\", steps in order:");
    result.steps().forEach(step -> System.out.println("  - " + step));
    if (result.succeeded()) {
      System.out.println(
          "OK: every step happened in order, the file is byte-exact, and nothing went wrong.");
    } else {
      result.failures().forEach(failure -> System.err.println("FAILED: " + failure));
    }
    System.exit(result.exitCode());
  }

  /** Runs one story under {@code root}. */
  public static StoryResult run(String story, Path root) throws Exception {
    return switch (story) {
      case "download" -> download(root);
      case "upload" -> upload(root);
      case "force-quit" -> forceQuit(root);
      default ->
          throw new IllegalArgumentException(
              "unknown story " + story + "; try download, upload or force-quit");
    };
  }

  /** The app is killed mid-download; the daemon finishes; a background relaunch collects it. */
  public static StoryResult download(Path root) throws Exception {
    return told(
        root,
        phone -> {
          Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 1);
          String videoId = phone.addVideoWithMovie("Farm tour", movie);
          long task = startThrottledDownload(phone, videoId);
          phone.awaitEvent(inLaunch(1, task, Layer.DELEGATE, "didWriteData"));
          // The small thumbnail first, so that the relaunch is for the movie the story follows.
          phone.awaitEvent(thumbnailCompleted(task));

          killAndAwaitBackgroundRelaunch(phone);

          StoryCheck check = new StoryCheck();
          check
              .step(
                  "1. the app creates the background session",
                  event(Layer.SESSION, "session created"))
              .step("1. the daemon owns the download", task(task, Layer.DAEMON, "task created"))
              .step("2. the device kills the app", killed())
              .step("2. the daemon keeps transferring", task(task, Layer.DAEMON, "downloading"));
          relaunchedInBackground(check, task, "downloads.json");
          check
              .step(
                  "4. queued didFinishDownloadingTo delivered",
                  task(task, Layer.DELEGATE, "didFinishDownloadingTo"))
              .step(
                  "4. the file is moved before it returns",
                  task(task, Layer.APP, "moved into the library"));
          completedInBackground(check, task, "VideoDownloadFinished");
          checkMovie(phone, check, videoId);
          return finish("download", phone, check);
        });
  }

  /** The app is killed mid-upload; the daemon finishes; a background relaunch learns of it. */
  public static StoryResult upload(Path root) throws Exception {
    return told(
        root,
        phone -> {
          Path thumbnail = Files.write(root.resolve("thumbnail.png"), VideoFarmPhone.png());
          phone.launch();
          String videoId =
              (String) phone.command("prepareVideo", "Barn cats", thumbnail.toString(), "purring");
          Path movie =
              VideoFarmPhone.randomFile(
                  phone.container().resolve("Documents/movie.mp4"), MOVIE_BYTES, 2);
          phone.server().faults().throttleBytesPerSecond(THROTTLE);
          long task = (Long) phone.command("uploadVideo", movie.toString(), videoId);
          phone.awaitEvent(inLaunch(1, task, Layer.DELEGATE, "didSendBodyData"));

          killAndAwaitBackgroundRelaunch(phone);

          StoryCheck check = new StoryCheck();
          check
              .step(
                  "1. the app posts the video's metadata",
                  event(Layer.NOTIFICATION, "VideoPrepared"))
              .step("1. the daemon owns the upload", task(task, Layer.DAEMON, "task created"))
              .step("2. the device kills the app", killed());
          relaunchedInBackground(check, task, "uploads.json");
          completedInBackground(check, task, "VideoUploadFinished");
          String sent = VideoFarmPhone.sha256(movie);
          String stored = phone.serverMovieSha256(videoId);
          check.require(
              sent.equals(stored), "server has sha256 " + stored + ", the app sent " + sent);
          return finish("upload", phone, check);
        });
  }

  /**
   * The user force-quits mid-download: the system cancels it with resume data; the next launch by
   * the user resumes it without fetching a byte twice.
   */
  public static StoryResult forceQuit(Path root) throws Exception {
    return told(
        root,
        phone -> {
          Path movie = VideoFarmPhone.randomFile(root.resolve("movie.mp4"), MOVIE_BYTES, 3);
          String videoId = phone.addVideoWithMovie("Tractor", movie);
          long task = startThrottledDownload(phone, videoId);
          phone.awaitEvent(
              inLaunch(1, task, Layer.DELEGATE, "didWriteData")
                  .and(event -> !event.detail().contains(" 0/")));

          long resumed = forceQuitAndResume(phone, videoId);

          StoryCheck check = forceQuitSteps(phone, task, resumed);
          checkMovie(phone, check, videoId);
          checkNoByteTwice(phone, check, videoId, resumed);
          // The user force-quits on purpose here; the daemon warns because it cancels everything.
          return finish("force-quit", phone, check, event(Layer.DAEMON, "force quit"));
        });
  }

  /**
   * The user force-quits the app mid-download, launches it again and resumes the cancelled
   * download, now at full speed; returns the resumed task once the movie has arrived.
   */
  private static long forceQuitAndResume(VideoFarmPhone phone, String videoId) throws Exception {
    phone.device().forceQuit(APP);
    phone.awaitEvent(event(Layer.DAEMON, "force quit"));
    phone.server().faults().throttleBytesPerSecond(0);
    phone.launch();
    phone.awaitEvent(event(Layer.NOTIFICATION, "VideoDownloadFailed"));
    long resumed = (Long) phone.command("resumeDownloads", videoId);
    phone.awaitEvent(event(Layer.NOTIFICATION, "VideoDownloadFinished"));
    return resumed;
  }

  /** The steps of the force-quit story, from the cancelled {@code task} to the {@code resumed}. */
  private static StoryCheck forceQuitSteps(VideoFarmPhone phone, long task, long resumed) {
    return new StoryCheck()
        .step("1. the daemon owns the download", task(task, Layer.DAEMON, "task created"))
        .step("2. the user force-quits the app", event(Layer.DAEMON, "force quit"))
        .step("3. the user launches the app again", userLaunch())
        .step("3. the delegate is relinked by identifier", event(Layer.SESSION, "session relinked"))
        .step("3. the task completes cancelled by force-quit", forceQuitCancel(task))
        .step("3. kept resumable, with its resume data", resumable())
        .step(
            "4. the download resumes at an offset",
            task(resumed, Layer.DELEGATE, "didResumeAtOffset"))
        .step(
            "4. the app says so, from that offset", resumedFromTheOffsetOf(phone.events(), resumed))
        .step(
            "4. the file is moved before it returns",
            task(resumed, Layer.APP, "moved into the library"))
        .step("4. notification posted", event(Layer.NOTIFICATION, "VideoDownloadFinished"));
  }

  /** One story, told on a phone of its own. */
  @FunctionalInterface
  private interface Story {
    StoryResult tell(VideoFarmPhone phone) throws Exception;
  }

  /** Tells {@code story}; if it cannot go on, the result says where it stopped. */
  private static StoryResult told(Path root, Story story) throws IOException {
    try (VideoFarmPhone phone = VideoFarmPhone.start(root)) {
      try {
        return story.tell(phone);
      } catch (Exception e) {
        return new StoryResult(
            "stopped", phone.events(), List.of(), List.of("the story stopped: " + e.getMessage()));
      }
    }
  }

  /**
   * Launches the app and has it download the video's movie and thumbnail, slowly enough for the
   * story to interrupt it; returns the movie's task.
   */
  private static long startThrottledDownload(VideoFarmPhone phone, String videoId)
      throws Exception {
    phone.server().faults().throttleBytesPerSecond(THROTTLE);
    phone.launch();
    return (Long) phone.command("downloadMovieAndThumbnail", videoId);
  }

  /**
   * The system kills the app mid-transfer; returns once the background relaunch for the finished
   * transfer has called the completion handler.
   */
  private static void killAndAwaitBackgroundRelaunch(VideoFarmPhone phone) throws Exception {
    phone.device().terminate(APP);
    phone.awaitEvent(handlerCalled());
  }

  /** Steps 3-4 shared by download and upload: the daemon relaunches the killed app for events. */
  private static void relaunchedInBackground(StoryCheck check, long task, String archive) {
    check
        .step("3. the daemon queues the events", task(task, Layer.DAEMON, "event queued"))
        .step("3. ...and relaunches the app in the background", backgroundLaunch())
        .step("4. the new launch restores its archives", restored(archive))
        .step(
            "4. the delegate is relinked by identifier", event(Layer.SESSION, "session relinked"));
  }

  /**
   * The end of step 4 shared by download and upload: the task completes, the app says so and calls
   * the completion handler it was given.
   */
  private static void completedInBackground(StoryCheck check, long task, String notification) {
    check
        .step(
            "4. queued didCompleteWithError delivered",
            task(task, Layer.DELEGATE, "didCompleteWithError"))
        .step("4. notification posted", event(Layer.NOTIFICATION, notification))
        .step(
            "4. urlSessionDidFinishEvents arrives",
            event(Layer.DELEGATE, "urlSessionDidFinishEvents"))
        .step(
            "4. the app calls the completion handler",
            event(Layer.APP, "calling the completion handler"))
        .step("4. the system sees it called", handlerCalled());
  }

  private static void checkMovie(VideoFarmPhone phone, StoryCheck check, String videoId)
      throws Exception {
    Path kept = phone.container().resolve("Library/Videos/" + videoId + "/movie");
    String server = phone.serverMovieSha256(videoId);
    check.require(Files.exists(kept), "no movie at " + kept);
    if (Files.exists(kept)) {
      String local = VideoFarmPhone.sha256(kept);
      check.require(local.equals(server), "movie sha256 " + local + ", server has " + server);
    }
  }

  /**
   * The resumed request asked for the rest from where the cancelled task stopped, and the server
   * sent exactly that rest.
   */
  private static void checkNoByteTwice(
      VideoFarmPhone phone, StoryCheck check, String videoId, long resumedTask) {
    String path = "/videos/" + videoId + "/movie";
    List<RecordedRequest> gets =
        phone.server().requests().stream()
            .filter(request -> request.method().equals("GET") && request.path().equals(path))
            .filter(request -> request.header("Range").isPresent())
            .toList();
    Long offset =
        phone.events().stream()
            .filter(task(resumedTask, Layer.DELEGATE, "didResumeAtOffset"))
            .map(event -> Long.valueOf(event.detail().split(" ")[0]))
            .findFirst()
            .orElse(null);
    check.require(offset != null && offset > 0, "the download did not resume at an offset");
    check.require(gets.size() == 1, "expected one GET with a Range, found " + gets.size());
    if (offset != null && gets.size() == 1) {
      RecordedRequest resume = gets.get(0);
      check.require(
          resume.status() == 206 && resume.bodyBytesSent() == MOVIE_BYTES - offset,
          "resumed at "
              + offset
              + " but the server answered "
              + resume.status()
              + " with "
              + resume.bodyBytesSent()
              + " bytes");
    }
  }

  private static StoryResult finish(String story, VideoFarmPhone phone, StoryCheck check) {
    return finish(story, phone, check, event -> false);
  }

  /** Checks the order and that no WARNING or ERROR appeared but the {@code provoked} ones. */
  private static StoryResult finish(
      String story, VideoFarmPhone phone, StoryCheck check, Predicate<TimelineEvent> provoked) {
    List<TimelineEvent> timeline = phone.events();
    check.checkOrder(timeline);
    check.noWarnings(timeline, provoked);
    return new StoryResult(story, timeline, check.stepLabels(), check.failures());
  }

  // ---- what the steps look for ----

  private static Predicate<TimelineEvent> task(long task, Layer layer, String what) {
    return event(layer, what).and(event -> event.taskId() == task);
  }

  private static Predicate<TimelineEvent> inLaunch(
      int launch, long task, Layer layer, String what) {
    return task(task, layer, what).and(event -> event.launch() == launch);
  }

  private static Predicate<TimelineEvent> thumbnailCompleted(long movieTask) {
    return event(Layer.DELEGATE, "returned")
        .and(event -> event.detail().equals("didCompleteWithError"))
        .and(event -> event.taskId() != movieTask && event.launch() == 1);
  }

  private static Predicate<TimelineEvent> killed() {
    return event(Layer.DEVICE, "app state")
        .and(event -> event.detail().contains("NOT_RUNNING (terminated by the system)"));
  }

  private static Predicate<TimelineEvent> backgroundLaunch() {
    return event(Layer.DEVICE, "launch")
        .and(event -> event.detail().contains("URL_SESSION_EVENTS"));
  }

  private static Predicate<TimelineEvent> userLaunch() {
    return event(Layer.DEVICE, "launch")
        .and(event -> event.detail().contains("(USER)"))
        .and(event -> event.launch() > 1);
  }

  private static Predicate<TimelineEvent> restored(String archive) {
    return event(Layer.ARCHIVE, "restored " + archive).and(event -> event.launch() > 1);
  }

  private static Predicate<TimelineEvent> handlerCalled() {
    return event(Layer.DEVICE, "completionHandler").and(event -> event.detail().equals("called"));
  }

  /** VideoDownloadResumed names the offset the delegate was told, not an older count. */
  private static Predicate<TimelineEvent> resumedFromTheOffsetOf(
      List<TimelineEvent> timeline, long resumed) {
    String offset =
        timeline.stream()
            .filter(task(resumed, Layer.DELEGATE, "didResumeAtOffset"))
            .map(event -> event.detail().split(" ")[0])
            .findFirst()
            .orElse("?");
    return task(resumed, Layer.NOTIFICATION, "VideoDownloadResumed")
        .and(event -> event.detail().endsWith("from " + offset + " bytes"));
  }

  private static Predicate<TimelineEvent> forceQuitCancel(long task) {
    return task(task, Layer.DELEGATE, "didCompleteWithError")
        .and(event -> event.detail().startsWith("-999"));
  }

  private static Predicate<TimelineEvent> resumable() {
    return event(Layer.NOTIFICATION, "VideoDownloadFailed")
        .and(event -> event.detail().contains("force-quit"));
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
