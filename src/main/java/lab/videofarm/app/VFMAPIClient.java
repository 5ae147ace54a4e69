package lab.videofarm.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import lab.videofarm.app.archive.AppArchives;
import lab.videofarm.app.archive.SavedSession;
import lab.videofarm.app.archive.SavedState;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.app.model.VFMVideo;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.model.VFMVideoUpload;
import lab.videofarm.app.notification.BackgroundEventsFinished;
import lab.videofarm.app.notification.Notifications;
import lab.videofarm.app.notification.VideoPrepared;
import lab.videofarm.app.notification.VideosFetched;
import lab.videofarm.os.uikit.Application;
import lab.videofarm.os.uikit.FetchResult;
import lab.videofarm.urlsession.HTTPURLResponse;
import lab.videofarm.urlsession.URLError;
import lab.videofarm.urlsession.URLSession;
import lab.videofarm.urlsession.URLSessionDownloadDelegate;
import lab.videofarm.urlsession.URLSessionDownloadTask;
import lab.videofarm.urlsession.URLSessionTask;

/**
 * The course's {@code VFMAPIClient}: everything the app says to the VideoFarm server, and the
 * delegate of its background session. The work itself is done by one class per lesson ({@link
 * Sessions}, {@link Responses}, {@link PrepareVideo}, {@link Downloads}, {@link PauseResume},
 * {@link Uploads}, {@link Relaunch}, {@link BackgroundRefresh}, {@link ResumableUploads}); this
 * class wires them together and is the one face the screens and the commands see.
 *
 * <p><b>One per launch.</b> {@link #sharedInstance()} is a static of this class, and each launch
 * loads this class afresh in its own class loader: a kill really ends the instance, and the next
 * launch rebuilds it from the archives and from what the daemon hands back for the same session
 * identifier.
 *
 * <p><b>Threads.</b> Delegate calls arrive on the background session's delegate queue; the public
 * methods may be called from any thread; {@code success} and {@code failure} callbacks run on the
 * main thread. The records live in a {@link TransferStore}, whose every operation is atomic.
 *
 * <p><b>Exercises not written yet.</b> A delegate callback whose exercise throws {@link
 * NotImplementedYet} is reported on the timeline and otherwise ignored; a user action reports it
 * and throws it on, for the screen or the command to show.
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
  private final String identifier;
  private final AppLog log;
  private final TransferStore store;
  private final Map<String, VFMRemoteVideo> videos = new ConcurrentHashMap<>();
  private final ClientSessions sessions;
  private final PrepareVideo prepare;
  private final Downloads downloads;
  private final PauseResume pauseResume;
  private final Uploads uploads;
  private final Relaunch relaunch;
  private final BackgroundRefresh refresh;

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
    this.identifier = saved.session().map(SavedSession::identifier).orElse(BACKGROUND_IDENTIFIER);
    this.log = new AppLog(application, identifier);
    this.store =
        new TransferStore(
            archives,
            saved,
            (kind, videoId, task) -> log.report("record created", task, kind + " " + videoId));
    this.sessions = new ClientSessions(identifier, this, this::saveSession, this::reconciliation);
    TaskActions tasks = new SessionTaskActions(sessions::background, log);
    this.prepare =
        new PrepareVideo(
            sessions::foreground, baseURL, application.containerDirectory().resolve("tmp"), log);
    VideoLibrary library = new VideoLibrary(application.containerDirectory());
    this.downloads =
        new Downloads(sessions::background, store, notifications, library, log, identifier);
    this.pauseResume =
        new PauseResume(sessions::background, store, tasks, notifications, log, identifier);
    ResumableUploads resumable =
        new ResumableUploads(sessions::background, store, notifications, log, identifier);
    this.uploads =
        new Uploads(sessions::background, store, tasks, notifications, resumable, log, identifier);
    this.relaunch = new Relaunch(store, notifications, identifier);
    this.refresh = new BackgroundRefresh(new KnownVideos(application));
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

  public List<VFMVideoUpload> uploads() {
    return store.uploads();
  }

  public List<VFMVideoDownload> downloads() {
    return store.downloads();
  }

  // ---- the sessions ----

  /**
   * Creates the background session with the saved identifier, unless this launch already did. The
   * daemon relinks its tasks to this client and delivers what it queued; then the archived records
   * are reconciled with the tasks the daemon still has.
   */
  public URLSession connectBackgroundSession() {
    return log.reported(sessions::background);
  }

  /**
   * As the daemon is asked for its tasks: what to do with its answer, for the records there are
   * now.
   */
  private Consumer<List<URLSessionTask>> reconciliation() {
    Set<Long> asked = store.taskIdentifiers();
    return tasks -> reconcile(tasks, asked);
  }

  /** On the delegate queue, after any queued event was delivered. */
  private void reconcile(List<URLSessionTask> tasks, Set<Long> asked) {
    Reconciliation found = new Reconciliation(tasks, asked);
    log.attempt(-1, () -> reconcileRecords(found));
    log.report("reconciled", -1, found.toString());
  }

  /** Lesson 7 hooks in: the relaunch reconciles the archived records with the daemon's tasks. */
  private void reconcileRecords(Reconciliation found) {
    // BEGIN SOLUTION lesson 7 reconcileRecords
    // STUB: found.skip();
    relaunch.reconcile(found);
    // END SOLUTION
  }

  // ---- the user's actions ----

  /** {@code GET /videos} on the foreground session; the list also goes out as VideosFetched. */
  public void fetchVideos(Consumer<List<VFMRemoteVideo>> success, Consumer<Exception> failure) {
    log.reported(sessions::foreground)
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
      List<VFMRemoteVideo> list = Responses.videos(body, response, error, baseURL);
      list.forEach(video -> videos.put(video.id(), video));
      notifications.post(new VideosFetched(list));
      onMain(() -> success.accept(list));
    } catch (NotImplementedYet missing) {
      log.notImplementedYet(missing, -1);
      onMain(() -> failure.accept(missing));
    } catch (IOException | RuntimeException e) {
      log.warn("fetchVideos failed", -1, String.valueOf(e));
      onMain(() -> failure.accept(e));
    }
  }

  /**
   * Posts a new video's metadata and thumbnail; the created video also goes out as VideoPrepared.
   */
  public void prepareVideo(
      String title,
      Path thumbnail,
      String description,
      Consumer<VFMRemoteVideo> success,
      Consumer<Exception> failure) {
    Consumer<VFMRemoteVideo> created =
        video -> {
          videos.put(video.id(), video);
          notifications.post(new VideoPrepared(video));
          onMain(() -> success.accept(video));
        };
    try {
      log.reportedIO(
          () -> {
            prepare.prepare(
                title, thumbnail, description, created, e -> onMain(() -> failure.accept(e)));
            return null;
          });
    } catch (IOException e) {
      onMain(() -> failure.accept(e));
    }
  }

  /**
   * Sends the movie file {@code fromURL} with {@code PUT toPath} (such as {@code /videos/42/movie})
   * on the background session. The file must stay in place until the upload completes (rule 12).
   *
   * @return the upload task's identifier
   */
  public long uploadVideo(Path fromURL, String toPath) throws IOException {
    String videoId = videoIdOf(toPath);
    VFMVideo video = videoOf(videoId);
    URI url = baseURL.resolve(toPath);
    return log.reportedIO(() -> uploads.uploadVideo(video, videoId, fromURL, toPath, url));
  }

  /** Starts the movie and thumbnail downloads; returns the movie task's identifier. */
  public long downloadMovieAndThumbnail(VFMRemoteVideo video) {
    return log.reported(() -> downloads.downloadMovieAndThumbnail(video));
  }

  /** Cancels the movie download with resume data, kept with the download record. */
  public void pauseDownloads(VFMRemoteVideo video) {
    log.reported(() -> pauseResume.pauseDownloads(video));
  }

  /**
   * Continues a paused (or failed) movie download: from its resume data, or from the start.
   *
   * @return the new movie task's identifier, or -1 if there was nothing to resume
   */
  public long resumeDownloads(VFMRemoteVideo video) {
    return log.reported(() -> pauseResume.resumeDownloads(video));
  }

  public void suspendUpload(String videoId) {
    log.reported(() -> uploads.suspendUpload(videoId));
  }

  public void resumeUpload(String videoId) {
    log.reported(() -> uploads.resumeUpload(videoId));
  }

  public void cancelUpload(String videoId) {
    log.reported(() -> uploads.cancelUpload(videoId));
  }

  /**
   * Refreshes the video list for a background fetch: {@code NEW_DATA} when a video appeared that no
   * refresh had seen before, {@code NO_DATA} otherwise, {@code FAILED} on error.
   */
  public void refreshInBackground(Consumer<FetchResult> completionHandler) {
    log.reported(() -> refresh.refreshInBackground(this::fetchVideos, completionHandler));
  }

  // ---- the background session's delegate ----

  @Override
  public void didSendBodyData(
      URLSession session,
      URLSessionTask task,
      long bytesSent,
      long totalBytesSent,
      long totalBytesExpectedToSend) {
    long id = task.taskIdentifier();
    log.attempt(id, () -> uploads.didSendBodyData(id, totalBytesSent, totalBytesExpectedToSend));
  }

  @Override
  public void didCompleteWithError(URLSession session, URLSessionTask task, URLError error) {
    long id = task.taskIdentifier();
    if (store.upload(id).isPresent()) {
      log.attempt(id, () -> uploads.didCompleteWithError(id, task.response(), error));
    } else {
      log.attempt(id, () -> downloads.didCompleteWithError(id, task.response(), error));
    }
  }

  @Override
  public void didWriteData(
      URLSession session,
      URLSessionDownloadTask downloadTask,
      long bytesWritten,
      long totalBytesWritten,
      long totalBytesExpectedToWrite) {
    long id = downloadTask.taskIdentifier();
    log.attempt(id, () -> downloads.didWriteData(id, totalBytesWritten, totalBytesExpectedToWrite));
  }

  @Override
  public void didResumeAtOffset(
      URLSession session,
      URLSessionDownloadTask downloadTask,
      long fileOffset,
      long expectedTotalBytes) {
    long id = downloadTask.taskIdentifier();
    log.attempt(id, () -> pauseResume.didResumeAtOffset(id, fileOffset, expectedTotalBytes));
  }

  /** The file must be moved before this returns: the temp file is deleted then (rule 15). */
  @Override
  public void didFinishDownloadingTo(
      URLSession session, URLSessionDownloadTask downloadTask, Path location) {
    long id = downloadTask.taskIdentifier();
    log.attempt(id, () -> downloads.didFinishDownloadingTo(id, downloadTask.response(), location));
  }

  @Override
  public void urlSessionDidFinishEvents(URLSession session) {
    notifications.post(new BackgroundEventsFinished(identifier));
  }

  // ---- provided ----

  /** Saves everything; the app calls this before it is terminated. */
  public void saveAll() {
    saveSession();
    store.saveAll();
  }

  private void saveSession() {
    try {
      archives.saveSession(new SavedSession(identifier));
    } catch (IOException e) {
      // ArchiveFile reported it; the previous archive is intact.
    }
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

  private void onMain(Runnable work) {
    application.mainExecutor().execute(work);
  }

  /** What the app reports on the timeline, for the screens. */
  AppLog log() {
    return log;
  }
}
