package lab.videofarm.testapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.os.uikit.Application;
import lab.videofarm.os.uikit.ApplicationDelegate;
import lab.videofarm.os.uikit.FetchResult;
import lab.videofarm.os.uikit.LaunchOptions;
import lab.videofarm.testing.TestBytes;
import lab.videofarm.urlsession.URLError;
import lab.videofarm.urlsession.URLRequest;
import lab.videofarm.urlsession.URLSession;
import lab.videofarm.urlsession.URLSessionConfiguration;
import lab.videofarm.urlsession.URLSessionDataDelegate;
import lab.videofarm.urlsession.URLSessionDownloadTask;
import lab.videofarm.urlsession.URLSessionTask;
import lab.videofarm.urlsession.URLSessionUploadTask;

/**
 * A small app the device loads child-first. Tests cannot share objects with it (each launch has its
 * own classes), so it reports what happens on the timeline ({@link Layer#APP}), keeps files in its
 * container, and reads how to behave from {@code behaviour.properties} there. Tests poke a running
 * launch through the static command methods, called reflectively through that launch's loader.
 */
public final class TestAppDelegate implements ApplicationDelegate {
  public static final String BUNDLE_ID = "lab.videofarm.TestApp";
  public static final String IDENTIFIER = "lab.videofarm.TestApp.background";

  /** Counts launches seen by this class; restarts from zero in every launch's fresh classes. */
  private static int launchesSeenByThisClass;

  /** This launch's delegate, for the commands. Dies with the launch's classes. */
  private static TestAppDelegate current;

  private Application application;
  private URLSession session;
  private Runnable pendingCompletionHandler;

  @Override
  public void didFinishLaunching(Application application, LaunchOptions options) {
    this.application = application;
    current = this;
    launchesSeenByThisClass++;
    report(
        "didFinishLaunching", "counter=" + launchesSeenByThisClass + " reason=" + options.reason());
    if ("true".equals(behaviour("crashAtLaunch"))) {
      throw new IllegalStateException("crashed on purpose");
    }
    String interval = behaviour("fetchIntervalSeconds");
    if (interval != null) {
      application.setMinimumBackgroundFetchInterval(Duration.ofSeconds(Long.parseLong(interval)));
    }
    if ("true".equals(behaviour("sessionAtLaunch"))) {
      session();
    }
  }

  @Override
  public void handleEventsForBackgroundURLSession(String identifier, Runnable completionHandler) {
    report("handleEvents", identifier);
    switch (String.valueOf(behaviour("completionHandler"))) {
      case "never" -> {}
      case "immediately" -> completionHandler.run();
      case "twice" -> {
        completionHandler.run();
        completionHandler.run();
      }
      default -> {
        // Apple's pattern: keep the handler, recreate the session, call it after the events.
        pendingCompletionHandler = completionHandler;
        session();
      }
    }
  }

  @Override
  public void performFetch(Consumer<FetchResult> completionHandler) {
    String result = behaviour("fetchResult");
    report("performFetch", String.valueOf(result));
    if (!"never".equals(result)) {
      completionHandler.accept(result == null ? FetchResult.NEW_DATA : FetchResult.valueOf(result));
    }
  }

  @Override
  public void didEnterBackground() {
    report("didEnterBackground", "");
  }

  @Override
  public void willEnterForeground() {
    report("willEnterForeground", "");
  }

  @Override
  public void willTerminate() {
    report("willTerminate", "");
  }

  /** Called by the session delegate once the queued events of a relaunch are delivered. */
  void finishedBackgroundEvents() {
    application
        .mainExecutor()
        .execute(
            () -> {
              Runnable handler = pendingCompletionHandler;
              pendingCompletionHandler = null;
              if (handler != null) {
                report("callingCompletionHandler", "");
                handler.run();
              }
            });
  }

  synchronized URLSession session() {
    if (session == null) {
      session =
          URLSession.session(
              URLSessionConfiguration.background(IDENTIFIER),
              new TestSessionDelegate(this, application),
              null);
      report("session created", IDENTIFIER);
    }
    return session;
  }

  void report(String what, String detail) {
    application.report(Layer.APP, "", TimelineEvent.NO_TASK, what, detail);
  }

  private String behaviour(String key) {
    Path file = application.containerDirectory().resolve("behaviour.properties");
    if (!Files.exists(file)) {
      return null;
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty(key);
  }

  // ---- commands, called by tests through this launch's class loader ----

  /** Starts a background download; returns its task identifier. */
  public static long download(String url, String description) {
    URLSessionDownloadTask task = current.session().downloadTask(URI.create(url));
    task.setTaskDescription(description);
    task.resume();
    return task.taskIdentifier();
  }

  /** Starts a background upload (PUT) of a file in the container; returns its identifier. */
  public static long upload(String url, String fileInContainer) {
    Path file = current.application.containerDirectory().resolve(fileInContainer);
    URLSessionTask task =
        current
            .session()
            .uploadTask(
                URLRequest.of(URI.create(url))
                    .withHttpMethod("PUT")
                    .withValue("video/mp4", "Content-Type"),
                file);
    task.resume();
    return task.taskIdentifier();
  }

  /** Starts a data task in the background session. */
  public static long dataTask(String url) {
    URLSessionTask task = current.session().dataTask(URI.create(url));
    task.resume();
    return task.taskIdentifier();
  }

  /** Continues a download from resume data saved in the container. */
  public static long resumeDownload(String resumeFile, String description) {
    byte[] resumeData;
    try {
      resumeData = Files.readAllBytes(current.application.containerDirectory().resolve(resumeFile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    URLSessionDownloadTask task = current.session().downloadTask(resumeData);
    task.setTaskDescription(description);
    task.resume();
    return task.taskIdentifier();
  }

  /**
   * Cancels a running upload of the background session, producing resume data, and saves it in the
   * container; returns "saved N bytes" or "nil".
   */
  public static String cancelUploadProducingResumeData(long taskIdentifier, String resumeFile)
      throws Exception {
    CompletableFuture<List<URLSessionTask>> all = new CompletableFuture<>();
    current.session().getAllTasks(all::complete);
    URLSessionUploadTask task =
        (URLSessionUploadTask)
            all.get(10, TimeUnit.SECONDS).stream()
                .filter(t -> t.taskIdentifier() == taskIdentifier)
                .findFirst()
                .orElseThrow();
    CompletableFuture<byte[]> resumeData = new CompletableFuture<>();
    task.cancelByProducingResumeData(resumeData::complete);
    byte[] data = resumeData.get(10, TimeUnit.SECONDS);
    if (data == null) {
      return "nil";
    }
    Files.write(current.application.containerDirectory().resolve(resumeFile), data);
    return "saved " + data.length + " bytes";
  }

  /** Continues an upload from resume data saved in the container. */
  public static long resumeUpload(String resumeFile) throws IOException {
    byte[] resumeData =
        Files.readAllBytes(current.application.containerDirectory().resolve(resumeFile));
    URLSessionUploadTask task = current.session().uploadTask(resumeData);
    task.resume();
    return task.taskIdentifier();
  }

  /** Tries to create a second session with the identifier in use; returns what went wrong. */
  public static String secondSession() {
    current.session();
    try {
      URLSession.session(
          URLSessionConfiguration.background(IDENTIFIER),
          new TestSessionDelegate(current, current.application),
          null);
      return "created";
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  /**
   * In a default session: a streamed upload (the body comes from {@code needNewBodyStream}), then a
   * data task with a completion handler. Returns what each saw.
   */
  public static String defaultSessionUploadThenFetch(String movieUrl, String fileInContainer)
      throws Exception {
    Path file = current.application.containerDirectory().resolve(fileInContainer);
    CompletableFuture<String> uploaded = new CompletableFuture<>();
    URLSession session =
        URLSession.session(
            URLSessionConfiguration.defaultConfiguration(),
            new URLSessionDataDelegate() {
              @Override
              public void needNewBodyStream(
                  URLSession session, URLSessionTask task, Consumer<InputStream> handler) {
                try {
                  handler.accept(Files.newInputStream(file));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }

              @Override
              public void didCompleteWithError(
                  URLSession session, URLSessionTask task, URLError error) {
                uploaded.complete(
                    "upload status=" + task.response().statusCode() + " error=" + error);
              }
            },
            null);
    session
        .uploadTask(
            URLRequest.of(URI.create(movieUrl))
                .withHttpMethod("PUT")
                .withValue("video/mp4", "Content-Type"))
        .resume();
    String upload = uploaded.get(20, TimeUnit.SECONDS);
    CompletableFuture<String> fetched = new CompletableFuture<>();
    session
        .dataTask(
            URI.create(movieUrl),
            (data, response, error) ->
                fetched.complete(
                    "fetch status="
                        + response.statusCode()
                        + " sha256="
                        + TestBytes.sha256(data)
                        + " error="
                        + error))
        .resume();
    String fetch = fetched.get(20, TimeUnit.SECONDS);
    session.finishTasksAndInvalidate();
    return upload + "; " + fetch;
  }

  /** The identifiers and descriptions {@code getAllTasks} hands out, as one line. */
  public static String allTasks() throws Exception {
    CompletableFuture<String> line = new CompletableFuture<>();
    current
        .session()
        .getAllTasks(
            tasks ->
                line.complete(
                    tasks.stream()
                        .map(
                            task ->
                                task.taskIdentifier()
                                    + ":"
                                    + task.taskDescription()
                                    + ":"
                                    + task.originalRequest().url())
                        .toList()
                        .toString()));
    return line.get(10, TimeUnit.SECONDS);
  }
}
