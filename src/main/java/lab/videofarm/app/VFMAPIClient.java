package lab.videofarm.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import lab.videofarm.app.archive.AppArchives;
import lab.videofarm.app.archive.SavedSession;
import lab.videofarm.app.archive.SavedState;
import lab.videofarm.app.model.DownloadState;
import lab.videofarm.app.model.UploadState;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.app.model.VFMVideo;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.model.VFMVideoUpload;
import lab.videofarm.app.notification.BackgroundEventsFinished;
import lab.videofarm.app.notification.Notifications;
import lab.videofarm.app.notification.VideoDownloadFailed;
import lab.videofarm.app.notification.VideoDownloadFinished;
import lab.videofarm.app.notification.VideoDownloadPaused;
import lab.videofarm.app.notification.VideoDownloadProgressed;
import lab.videofarm.app.notification.VideoDownloadResumed;
import lab.videofarm.app.notification.VideoPrepared;
import lab.videofarm.app.notification.VideoUploadFailed;
import lab.videofarm.app.notification.VideoUploadFinished;
import lab.videofarm.app.notification.VideoUploadProgressed;
import lab.videofarm.app.notification.VideoUploadResumed;
import lab.videofarm.app.notification.VideoUploadSuspended;
import lab.videofarm.app.notification.VideosFetched;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.uikit.Application;
import lab.videofarm.os.uikit.FetchResult;
import lab.videofarm.urlsession.HTTPURLResponse;
import lab.videofarm.urlsession.URLError;
import lab.videofarm.urlsession.URLRequest;
import lab.videofarm.urlsession.URLSession;
import lab.videofarm.urlsession.URLSessionConfiguration;
import lab.videofarm.urlsession.URLSessionDownloadDelegate;
import lab.videofarm.urlsession.URLSessionDownloadTask;
import lab.videofarm.urlsession.URLSessionTask;
import lab.videofarm.urlsession.URLSessionUploadTask;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * The course's {@code VFMAPIClient}: everything the app says to the VideoFarm server, and the
 * delegate of its background session.
 *
 * <p><b>One per launch.</b> {@link #sharedInstance()} is a static of this class, and each launch
 * loads this class afresh in its own class loader: a kill really ends the instance, and the next
 * launch rebuilds it from the archives and from what the daemon hands back for the same session
 * identifier.
 *
 * <p><b>Records by task identifier.</b> Uploads and downloads are kept in maps keyed by task
 * identifier (never by task object, which does not survive a relaunch), saved to the archives on
 * every state change, and every event is posted as a notification.
 *
 * <p><b>Threads.</b> Delegate calls arrive on the background session's delegate queue; the seven
 * tasks may be called from any thread; {@code success} and {@code failure} callbacks run on the
 * main thread. The maps are guarded by {@code this}.
 */
public final class VFMAPIClient implements URLSessionDownloadDelegate {

  /** The background session's identifier, the same in every launch. */
  public static final String BACKGROUND_IDENTIFIER = "lab.videofarm.app.background";

  /** The info dictionary key of the server's base URL. */
  public static final String SERVER_URL_KEY = "VFMServerURL";

  /** This launch's client: a static in this launch's own class loader. */
  private static VFMAPIClient sharedInstance;

  private final Application application;
  private final URI baseURL;
  private final Notifications notifications;
  private final AppArchives archives;
  private final VideoLibrary library;
  private final KnownVideos knownVideos;
  private final String identifier;
  private final Map<String, VFMRemoteVideo> videos = new ConcurrentHashMap<>();

  /** Guarded by {@code this}. Keyed by upload task identifier. */
  private final Map<Long, VFMVideoUpload> uploads = new LinkedHashMap<>();

  /** Guarded by {@code this}. Keyed by movie task identifier (the old one while paused). */
  private final Map<Long, VFMVideoDownload> downloads = new LinkedHashMap<>();

  /** Guarded by {@code this}. */
  private URLSession backgroundSession;

  /** Guarded by {@code this}. */
  private URLSession foregroundSession;

  private VFMAPIClient(
      Application application,
      URI baseURL,
      Notifications notifications,
      AppArchives archives,
      SavedState saved) {
    this.application = application;
    this.baseURL = baseURL;
    this.notifications = notifications;
    this.archives = archives;
    this.library = new VideoLibrary(application.containerDirectory());
    this.knownVideos = new KnownVideos(application);
    this.identifier = saved.session().map(SavedSession::identifier).orElse(BACKGROUND_IDENTIFIER);
    uploads.putAll(saved.uploads());
    downloads.putAll(saved.downloads());
  }

  /** The client of this launch. */
  public static synchronized VFMAPIClient sharedInstance() {
    if (sharedInstance == null) {
      throw new IllegalStateException("the app has not finished launching");
    }
    return sharedInstance;
  }

  /** Creates this launch's client from what the archives held; called once, at launch. */
  static synchronized VFMAPIClient start(
      Application application,
      URI baseURL,
      Notifications notifications,
      AppArchives archives,
      SavedState saved) {
    sharedInstance = new VFMAPIClient(application, baseURL, notifications, archives, saved);
    return sharedInstance;
  }

  /** The background session's identifier, as saved in the session archive. */
  public String backgroundIdentifier() {
    return identifier;
  }

  /** The videos the last {@link #fetchVideos} listed, or the app created, by id. */
  public Optional<VFMRemoteVideo> video(String videoId) {
    return Optional.ofNullable(videos.get(videoId));
  }

  public synchronized List<VFMVideoUpload> uploads() {
    return List.copyOf(uploads.values());
  }

  public synchronized List<VFMVideoDownload> downloads() {
    return List.copyOf(downloads.values());
  }

  // ---- the sessions ----

  /**
   * Creates the background session with the saved identifier, unless this launch already did. The
   * daemon relinks its tasks to this client and delivers what it queued; then the archived records
   * are reconciled with the tasks the daemon still has.
   */
  public synchronized URLSession connectBackgroundSession() {
    if (backgroundSession == null) {
      saveSession();
      backgroundSession =
          URLSession.session(URLSessionConfiguration.background(identifier), this, null);
      backgroundSession.getAllTasks(this::reconcile);
    }
    return backgroundSession;
  }

  private synchronized URLSession foregroundSession() {
    if (foregroundSession == null) {
      foregroundSession = URLSession.session(URLSessionConfiguration.defaultConfiguration());
    }
    return foregroundSession;
  }

  // ---- 1. fetchVideos ----

  /** {@code GET /videos} on the foreground session; the list also goes out as VideosFetched. */
  public void fetchVideos(Consumer<List<VFMRemoteVideo>> success, Consumer<Exception> failure) {
    foregroundSession()
        .dataTask(
            baseURL.resolve("videos"),
            (body, response, error) -> videosArrived(body, response, error, success, failure))
        .resume();
  }

  private void videosArrived(
      byte[] body,
      HTTPURLResponse response,
      URLError error,
      Consumer<List<VFMRemoteVideo>> success,
      Consumer<Exception> failure) {
    try {
      checkSuccess(response, error);
      List<VFMRemoteVideo> list =
          VFMRemoteVideo.listFromJson(new ByteArrayInputStream(body), baseURL);
      list.forEach(video -> videos.put(video.id(), video));
      notifications.post(new VideosFetched(list));
      onMain(() -> success.accept(list));
    } catch (IOException | RuntimeException e) {
      report("fetchVideos failed", -1, String.valueOf(e));
      onMain(() -> failure.accept(e));
    }
  }

  // ---- 2. prepareVideo ----

  /**
   * {@code POST /videos} with the title, description and thumbnail as a multipart body, written to
   * a temp file first so that it streams from disk. The server answers 303 with the new video's
   * Location, which is followed.
   */
  public void prepareVideo(
      String title,
      Path thumbnail,
      String description,
      Consumer<VFMRemoteVideo> success,
      Consumer<Exception> failure) {
    try {
      Path body = Files.createTempFile(temporaryDirectory(), "prepare-", ".multipart");
      String contentType = writeMultipartBody(title, thumbnail, description, body);
      URLRequest request =
          URLRequest.of(baseURL.resolve("videos"))
              .withHttpMethod("POST")
              .withValue(contentType, "Content-Type");
      foregroundSession()
          .uploadTask(
              request,
              body,
              (reply, response, error) ->
                  videoPosted(body, reply, response, error, success, failure))
          .resume();
    } catch (IOException e) {
      onMain(() -> failure.accept(e));
    }
  }

  private Path temporaryDirectory() throws IOException {
    return Files.createDirectories(application.containerDirectory().resolve("tmp"));
  }

  /** Writes the form into {@code body}; returns its Content-Type, boundary included. */
  private static String writeMultipartBody(
      String title, Path thumbnail, String description, Path body) throws IOException {
    ContentType text = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);
    HttpEntity form =
        MultipartEntityBuilder.create()
            .addTextBody("title", title, text)
            .addTextBody("description", description, text)
            .addBinaryBody(
                "thumbnail",
                thumbnail.toFile(),
                imageType(thumbnail),
                thumbnail.getFileName().toString())
            .build();
    try (OutputStream out = Files.newOutputStream(body)) {
      form.writeTo(out);
    }
    return form.getContentType();
  }

  private static ContentType imageType(Path image) {
    String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") ? ContentType.IMAGE_PNG : ContentType.IMAGE_JPEG;
  }

  private void videoPosted(
      Path body,
      byte[] reply,
      HTTPURLResponse response,
      URLError error,
      Consumer<VFMRemoteVideo> success,
      Consumer<Exception> failure) {
    deleteQuietly(body);
    try {
      checkSuccess(response, error);
      Optional<String> location = response.value("Location");
      if (response.statusCode() == 303 && location.isPresent()) {
        followToCreatedVideo(baseURL.resolve(location.get()), success, failure);
        return;
      }
      videoCreated(VFMRemoteVideo.fromJson(new ByteArrayInputStream(reply), baseURL), success);
    } catch (IOException | RuntimeException e) {
      report("prepareVideo failed", -1, String.valueOf(e));
      onMain(() -> failure.accept(e));
    }
  }

  /** The 303's Location: {@code GET /videos/{id}}. */
  private void followToCreatedVideo(
      URI location, Consumer<VFMRemoteVideo> success, Consumer<Exception> failure) {
    foregroundSession()
        .dataTask(
            location,
            (body, response, error) -> {
              try {
                checkSuccess(response, error);
                videoCreated(
                    VFMRemoteVideo.fromJson(new ByteArrayInputStream(body), baseURL), success);
              } catch (IOException | RuntimeException e) {
                onMain(() -> failure.accept(e));
              }
            })
        .resume();
  }

  private void videoCreated(VFMRemoteVideo video, Consumer<VFMRemoteVideo> success) {
    videos.put(video.id(), video);
    notifications.post(new VideoPrepared(video));
    onMain(() -> success.accept(video));
  }

  // ---- 3. uploadVideo ----

  /**
   * Sends the movie file {@code fromURL} with {@code PUT toPath} (such as {@code /videos/42/movie})
   * on the background session. The file must stay in place until the upload completes.
   *
   * @return the upload task's identifier
   */
  public long uploadVideo(Path fromURL, String toPath) throws IOException {
    String videoId = videoIdOf(toPath);
    URLRequest request =
        URLRequest.of(baseURL.resolve(toPath))
            .withHttpMethod("PUT")
            .withValue("video/mp4", "Content-Type");
    URLSessionUploadTask task = connectBackgroundSession().uploadTask(request, fromURL);
    task.setTaskDescription("upload " + videoId);
    VFMVideoUpload upload =
        VFMVideoUpload.preparing(videoOf(videoId), fromURL, videoId, toPath)
            .withTaskIdentifier(task.taskIdentifier())
            .withProgress(0, Files.size(fromURL))
            .withState(UploadState.UPLOADING);
    putUpload(upload);
    task.resume();
    return task.taskIdentifier();
  }

  private static String videoIdOf(String moviePath) {
    String[] segments = moviePath.replaceFirst("^/", "").split("/");
    if (segments.length != 3 || !segments[0].equals("videos") || !segments[2].equals("movie")) {
      throw new IllegalArgumentException("not a movie path /videos/{id}/movie: " + moviePath);
    }
    return segments[1];
  }

  private VFMVideo videoOf(String videoId) {
    VFMRemoteVideo known = videos.get(videoId);
    return known == null ? new VFMVideo(videoId, "", null) : known.video();
  }

  // ---- 4. downloadMovieAndThumbnail ----

  /**
   * Starts two background downloads, the movie and the thumbnail. The record is saved before the
   * tasks start, so that their events, even in a later launch, find it.
   *
   * @return the movie task's identifier
   */
  public long downloadMovieAndThumbnail(VFMRemoteVideo video) {
    URLSession session = connectBackgroundSession();
    URLSessionDownloadTask movie = session.downloadTask(video.movieURL());
    movie.setTaskDescription("movie " + video.id());
    URLSessionDownloadTask thumbnail = session.downloadTask(video.thumbnailURL());
    thumbnail.setTaskDescription("thumbnail " + video.id());
    putDownload(
        movie.taskIdentifier(),
        VFMVideoDownload.starting(video, movie.taskIdentifier(), thumbnail.taskIdentifier()));
    movie.resume();
    thumbnail.resume();
    return movie.taskIdentifier();
  }

  // ---- 5. pauseDownloads ----

  /**
   * Cancels the movie download with resume data, which is kept with the download record (and so in
   * the archive). The record lets go of the task at once, so the task's own "cancelled" completion
   * is not taken for a failure.
   */
  public void pauseDownloads(VFMRemoteVideo video) {
    Optional<Long> key = downloadKeyOf(video.id(), DownloadState.DOWNLOADING);
    if (key.isEmpty()) {
      report("pauseDownloads ignored", -1, video.id() + " is not downloading");
      return;
    }
    long movieTask = letGoOfMovieTask(key.get());
    withTask(
        movieTask,
        task ->
            ((URLSessionDownloadTask) task)
                .cancelByProducingResumeData(data -> downloadPaused(key.get(), movieTask, data)));
  }

  private synchronized long letGoOfMovieTask(long key) {
    VFMVideoDownload download = downloads.get(key);
    downloads.put(key, download.paused(null));
    return download.movieTaskIdentifier();
  }

  private synchronized void downloadPaused(long key, long movieTask, byte[] resumeData) {
    VFMVideoDownload paused = downloads.get(key).paused(resumeData);
    putDownload(key, paused);
    notifications.post(new VideoDownloadPaused(identifier, movieTask, paused));
  }

  // ---- 6. resumeDownloads ----

  /**
   * Continues a paused (or failed) movie download: from its resume data, or from the start when
   * there is none, which is said on the timeline and in the notification (from 0 bytes).
   *
   * @return the new movie task's identifier, or -1 if there was nothing to resume
   */
  public synchronized long resumeDownloads(VFMRemoteVideo video) {
    Optional<Long> key = downloadKeyOf(video.id(), DownloadState.PAUSED, DownloadState.FAILED);
    if (key.isEmpty()) {
      report("resumeDownloads ignored", -1, video.id() + " is not paused");
      return -1;
    }
    VFMVideoDownload download = downloads.remove(key.get());
    URLSessionDownloadTask task = newMovieTask(download);
    VFMVideoDownload resumed = download.resumed(task.taskIdentifier());
    if (!download.hasResumeData()) {
      resumed = resumed.withProgress(0, download.bytesExpected());
    }
    URLSessionDownloadTask thumbnail =
        download.thumbnailFile() == null ? newThumbnailTask(download) : null;
    if (thumbnail != null) {
      resumed = resumed.withThumbnailTaskIdentifier(thumbnail.taskIdentifier());
    }
    putDownload(task.taskIdentifier(), resumed);
    notifications.post(new VideoDownloadResumed(identifier, task.taskIdentifier(), resumed));
    task.resume();
    if (thumbnail != null) {
      thumbnail.resume();
    }
    return task.taskIdentifier();
  }

  /** The thumbnail is small: when it did not arrive, it is simply fetched again. */
  private URLSessionDownloadTask newThumbnailTask(VFMVideoDownload download) {
    URLSessionDownloadTask task =
        connectBackgroundSession().downloadTask(download.video().thumbnailURL());
    task.setTaskDescription("thumbnail " + download.video().id());
    return task;
  }

  private URLSessionDownloadTask newMovieTask(VFMVideoDownload download) {
    URLSession session = connectBackgroundSession();
    String videoId = download.video().id();
    URLSessionDownloadTask task;
    if (download.hasResumeData()) {
      task = session.downloadTask(download.resumeData());
    } else {
      task = session.downloadTask(download.video().movieURL());
      warn("no resume data", task.taskIdentifier(), videoId + ": downloading from the start");
    }
    task.setTaskDescription("movie " + videoId);
    return task;
  }

  // ---- 7. suspend, resume and cancel an upload ----

  /** Suspends the video's upload task; it keeps its place. */
  public void suspendUpload(String videoId) {
    uploadKeyOf(videoId, UploadState.UPLOADING)
        .ifPresent(
            key ->
                withTask(
                    key,
                    task -> {
                      task.suspend();
                      uploadChanged(key, UploadState.SUSPENDED);
                    }));
  }

  /** Resumes a suspended upload task. */
  public void resumeUpload(String videoId) {
    uploadKeyOf(videoId, UploadState.SUSPENDED)
        .ifPresent(
            key ->
                withTask(
                    key,
                    task -> {
                      task.resume();
                      uploadChanged(key, UploadState.UPLOADING);
                    }));
  }

  /** Cancels the upload; it completes as failed ("cancelled"), and cannot be resumed. */
  public void cancelUpload(String videoId) {
    uploadKeyOf(videoId, UploadState.UPLOADING, UploadState.SUSPENDED)
        .ifPresent(key -> withTask(key, URLSessionTask::cancel));
  }

  private synchronized void uploadChanged(long key, UploadState state) {
    VFMVideoUpload upload = uploads.get(key).withState(state);
    putUpload(upload);
    notifications.post(
        state == UploadState.SUSPENDED
            ? new VideoUploadSuspended(identifier, key, upload)
            : new VideoUploadResumed(identifier, key, upload));
  }

  /** Finds a live task by identifier: task objects are never kept, they die with a launch. */
  private void withTask(long taskIdentifier, Consumer<URLSessionTask> action) {
    connectBackgroundSession()
        .getAllTasks(
            tasks ->
                tasks.stream()
                    .filter(task -> task.taskIdentifier() == taskIdentifier)
                    .findFirst()
                    .ifPresentOrElse(
                        action,
                        () -> warn("no such task", taskIdentifier, "the daemon has no task")));
  }

  // ---- background app refresh ----

  /**
   * Refreshes the video list for a background fetch: {@code NEW_DATA} when a video appeared that no
   * refresh had seen before, {@code NO_DATA} otherwise, {@code FAILED} on error.
   */
  public void refreshInBackground(Consumer<FetchResult> completionHandler) {
    fetchVideos(
        list -> completionHandler.accept(rememberVideos(list)),
        error -> completionHandler.accept(FetchResult.FAILED));
  }

  private FetchResult rememberVideos(List<VFMRemoteVideo> list) {
    try {
      return knownVideos.remember(list) ? FetchResult.NEW_DATA : FetchResult.NO_DATA;
    } catch (IOException e) {
      return FetchResult.FAILED;
    }
  }

  // ---- reconciliation after a launch ----

  /**
   * Matches the archived records with the tasks the daemon still has: live tasks are relinked by
   * identifier, finished ones complete from the queued events, and records whose task vanished are
   * marked failed (a download keeps its resume data). Runs on the delegate queue, after any queued
   * event already delivered.
   */
  private synchronized void reconcile(List<URLSessionTask> tasks) {
    Reconciliation found = new Reconciliation(tasks);
    reconcileUploads(found);
    reconcileDownloads(found);
    report("reconciled", -1, found.toString());
  }

  private void reconcileUploads(Reconciliation found) {
    for (VFMVideoUpload upload : List.copyOf(uploads.values())) {
      if (isActive(upload) && found.vanished(upload.taskIdentifier())) {
        uploadFailed(upload.taskIdentifier(), "its task vanished");
      }
    }
  }

  private void reconcileDownloads(Reconciliation found) {
    for (Map.Entry<Long, VFMVideoDownload> entry : List.copyOf(downloads.entrySet())) {
      long movieTask = entry.getValue().movieTaskIdentifier();
      if (entry.getValue().state() == DownloadState.DOWNLOADING && found.vanished(movieTask)) {
        downloadFailed(entry.getKey(), movieTask, "its task vanished", null);
      }
    }
  }

  private static boolean isActive(VFMVideoUpload upload) {
    return upload.state() == UploadState.UPLOADING || upload.state() == UploadState.SUSPENDED;
  }

  // ---- delegate: uploads ----

  @Override
  public synchronized void didSendBodyData(
      URLSession session,
      URLSessionTask task,
      long bytesSent,
      long totalBytesSent,
      long totalBytesExpectedToSend) {
    VFMVideoUpload upload = uploads.get(task.taskIdentifier());
    if (upload != null) {
      VFMVideoUpload progressed = upload.withProgress(totalBytesSent, totalBytesExpectedToSend);
      uploads.put(task.taskIdentifier(), progressed);
      notifications.post(new VideoUploadProgressed(identifier, task.taskIdentifier(), progressed));
    }
  }

  @Override
  public synchronized void didCompleteWithError(
      URLSession session, URLSessionTask task, URLError error) {
    if (uploads.containsKey(task.taskIdentifier())) {
      uploadCompleted(task, error);
    } else {
      downloadTaskCompleted(task, error);
    }
  }

  private void uploadCompleted(URLSessionTask task, URLError error) {
    long id = task.taskIdentifier();
    if (error != null) {
      uploadFailed(id, describe(error));
    } else if (!isSuccess(task.response())) {
      uploadFailed(id, "HTTP " + task.response().statusCode());
    } else {
      VFMVideoUpload upload = uploads.get(id);
      VFMVideoUpload finished =
          upload
              .withProgress(upload.bytesExpected(), upload.bytesExpected())
              .withState(UploadState.FINISHED);
      putUpload(finished);
      notifications.post(new VideoUploadFinished(identifier, id, finished));
    }
  }

  private void uploadFailed(long id, String reason) {
    VFMVideoUpload failed = uploads.get(id).withState(UploadState.FAILED);
    putUpload(failed);
    notifications.post(new VideoUploadFailed(identifier, id, failed, reason));
  }

  // ---- delegate: downloads ----

  @Override
  public synchronized void didWriteData(
      URLSession session,
      URLSessionDownloadTask downloadTask,
      long bytesWritten,
      long totalBytesWritten,
      long totalBytesExpectedToWrite) {
    long id = downloadTask.taskIdentifier();
    VFMVideoDownload download = downloads.get(id);
    if (download != null && download.movieTaskIdentifier() == id) {
      VFMVideoDownload progressed =
          download.withProgress(totalBytesWritten, totalBytesExpectedToWrite);
      downloads.put(id, progressed);
      notifications.post(new VideoDownloadProgressed(identifier, id, progressed));
    }
  }

  @Override
  public void didResumeAtOffset(
      URLSession session,
      URLSessionDownloadTask downloadTask,
      long fileOffset,
      long expectedTotalBytes) {
    report(
        "download resumed",
        downloadTask.taskIdentifier(),
        "at byte " + fileOffset + " of " + expectedTotalBytes);
  }

  /** Moves the file into the library now: the temp file is deleted when this returns. */
  @Override
  public synchronized void didFinishDownloadingTo(
      URLSession session, URLSessionDownloadTask downloadTask, Path location) {
    long id = downloadTask.taskIdentifier();
    Optional<Long> key = downloadKeyOwning(id);
    if (key.isEmpty() || !isSuccess(downloadTask.response())) {
      warn("download not kept", id, key.isEmpty() ? "no record for this task" : "HTTP error");
      return;
    }
    VFMVideoDownload download = downloads.get(key.get());
    boolean isMovie = download.movieTaskIdentifier() == id;
    String videoId = download.video().id();
    Path target = isMovie ? library.movieFile(videoId) : library.thumbnailFile(videoId);
    if (movedByAKilledLaunch(location, target)) {
      report("already in the library", id, "moved by a launch killed before it returned");
    } else if (!moveIntoLibrary(id, location, target)) {
      return;
    }
    putDownload(
        key.get(), isMovie ? download.withMovieFile(target) : download.withThumbnailFile(target));
  }

  private boolean moveIntoLibrary(long taskIdentifier, Path location, Path target) {
    try {
      VideoLibrary.moveInto(location, target);
      report("moved into the library", taskIdentifier, target.toString());
      return true;
    } catch (IOException e) {
      warn("download not kept", taskIdentifier, "cannot move it into the library: " + e);
      return false;
    }
  }

  /**
   * A launch killed inside this callback may have moved the file (the move is atomic) without
   * saving its record; the daemon then delivers the event again, to the next launch, with the temp
   * file gone. The file in the library is the one it names.
   */
  private static boolean movedByAKilledLaunch(Path location, Path target) {
    return !Files.exists(location) && Files.exists(target);
  }

  private void downloadTaskCompleted(URLSessionTask task, URLError error) {
    long id = task.taskIdentifier();
    Optional<Long> key = downloadKeyOwning(id);
    if (key.isEmpty()) {
      report("completion ignored", id, "no current download owns this task (paused?)");
    } else if (error != null) {
      downloadFailed(key.get(), id, describe(error), error.downloadTaskResumeData().orElse(null));
    } else if (!isSuccess(task.response())) {
      downloadFailed(key.get(), id, "HTTP " + task.response().statusCode(), null);
    } else {
      finishIfComplete(key.get());
    }
  }

  /**
   * Finished once the movie is in the library and the thumbnail is too, or is not coming; whichever
   * task completes last. The notification is about the movie task, under which the download is
   * known.
   */
  private void finishIfComplete(long key) {
    VFMVideoDownload download = downloads.get(key);
    boolean thumbnailSettled =
        download.thumbnailFile() != null
            || download.thumbnailTaskIdentifier() == VFMVideoDownload.NO_TASK;
    if (download.movieFile() != null
        && thumbnailSettled
        && download.state() != DownloadState.FINISHED) {
      VFMVideoDownload finished = download.withState(DownloadState.FINISHED);
      putDownload(key, finished);
      notifications.post(
          new VideoDownloadFinished(identifier, finished.movieTaskIdentifier(), finished));
    }
  }

  /**
   * A failed movie task with resume data leaves the download paused (it can go on); without, the
   * download failed. A failed thumbnail only means there is no thumbnail for now; resuming the
   * download fetches it again.
   */
  private void downloadFailed(long key, long taskIdentifier, String reason, byte[] resumeData) {
    VFMVideoDownload download = downloads.get(key);
    if (download.thumbnailTaskIdentifier() == taskIdentifier) {
      thumbnailFailed(key, taskIdentifier, reason);
      return;
    }
    boolean resumable = resumeData != null;
    VFMVideoDownload failed =
        resumable ? download.paused(resumeData) : download.withState(DownloadState.FAILED);
    putDownload(key, failed);
    notifications.post(new VideoDownloadFailed(identifier, taskIdentifier, failed, reason));
  }

  private void thumbnailFailed(long key, long taskIdentifier, String reason) {
    putDownload(key, downloads.get(key).withThumbnailTaskIdentifier(VFMVideoDownload.NO_TASK));
    warn("no thumbnail", taskIdentifier, reason);
    finishIfComplete(key);
  }

  @Override
  public void urlSessionDidFinishEvents(URLSession session) {
    notifications.post(new BackgroundEventsFinished(identifier));
  }

  // ---- records and archives ----

  private synchronized void putUpload(VFMVideoUpload upload) {
    uploads.put(upload.taskIdentifier(), upload);
    saveUploads();
  }

  private synchronized void putDownload(long key, VFMVideoDownload download) {
    downloads.put(key, download);
    saveDownloads();
  }

  private synchronized Optional<Long> downloadKeyOwning(long taskIdentifier) {
    return downloads.entrySet().stream()
        .filter(entry -> entry.getValue().ownsTask(taskIdentifier))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private synchronized Optional<Long> downloadKeyOf(String videoId, DownloadState... states) {
    return downloads.entrySet().stream()
        .filter(entry -> entry.getValue().video().id().equals(videoId))
        .filter(entry -> List.of(states).contains(entry.getValue().state()))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private synchronized Optional<Long> uploadKeyOf(String videoId, UploadState... states) {
    return uploads.entrySet().stream()
        .filter(entry -> videoId.equals(entry.getValue().videoId()))
        .filter(entry -> List.of(states).contains(entry.getValue().state()))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Saves everything; the app calls this before it is terminated. */
  public synchronized void saveAll() {
    saveSession();
    saveUploads();
    saveDownloads();
  }

  private void saveSession() {
    try {
      archives.saveSession(new SavedSession(identifier));
    } catch (IOException e) {
      // ArchiveFile reported it; the previous archive is intact.
    }
  }

  private synchronized void saveUploads() {
    try {
      archives.saveUploads(uploads);
    } catch (IOException e) {
      // ArchiveFile reported it; the previous archive is intact.
    }
  }

  private synchronized void saveDownloads() {
    try {
      archives.saveDownloads(downloads);
    } catch (IOException e) {
      // ArchiveFile reported it; the previous archive is intact.
    }
  }

  // ---- small helpers ----

  private static void checkSuccess(HTTPURLResponse response, URLError error) throws IOException {
    if (error != null) {
      throw new IOException(describe(error), error);
    }
    if (!isSuccess(response)) {
      throw new IOException("HTTP " + (response == null ? "no response" : response.statusCode()));
    }
  }

  /** 2xx, or the 303 of a created video. An HTTP error completes a task without an error. */
  private static boolean isSuccess(HTTPURLResponse response) {
    return response != null && (response.statusCode() / 100 == 2 || response.statusCode() == 303);
  }

  private static String describe(URLError error) {
    String reason =
        error.backgroundTaskCancelledReason().isPresent()
                && error.backgroundTaskCancelledReason().getAsInt()
                    == URLError.CANCELLED_REASON_USER_FORCE_QUIT_APPLICATION
            ? " (force-quit by the user)"
            : "";
    return error.code() + " " + error.localizedDescription() + reason;
  }

  private void onMain(Runnable work) {
    application.mainExecutor().execute(work);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover temp body is harmless; the container's tmp folder is scratch space.
    }
  }

  private void report(String what, long taskIdentifier, String detail) {
    application.report(Layer.APP, identifier, taskIdentifier, what, detail);
  }

  private void warn(String what, long taskIdentifier, String detail) {
    application.warn(Layer.APP, identifier, taskIdentifier, what, detail);
  }

  /** For views: the notifications this client posts go through this center. */
  Notifications notifications() {
    return notifications;
  }
}
