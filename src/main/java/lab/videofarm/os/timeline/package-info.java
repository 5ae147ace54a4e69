/**
 * The timeline: every step of the story — a launch, a task created by the daemon, a delegate call,
 * a notification, an archive restored — as a {@link lab.videofarm.os.timeline.TimelineEvent}, plain
 * data tagged with its {@link lab.videofarm.os.timeline.Layer}, the app launch, the session
 * identifier and the task identifier. The instructor's window shows it; tests assert on it; the
 * object graph and the daemon inspector are folded from it alone, so a view never needs to reach
 * into the daemon, and a timeline saved to a file replays the same pictures.
 *
 * <h2>The fields</h2>
 *
 * <ul>
 *   <li>{@code sessionId}: the daemon's label of the session — the background identifier, or {@code
 *       default#N} for a default session (N counts connections, not launches). The {@code DAEMON},
 *       {@code SESSION} and {@code DELEGATE} layers all use it, so a view can tie a session's rows
 *       together. The {@code NOTIFICATION} and {@code APP} layers give the URLSession's identifier,
 *       {@code ""} for a default session. {@code DEVICE} events name a session only where the
 *       system acts for one (a launch for its events, its completion handler).
 *   <li>{@code launch}: the launch number. A {@code DAEMON} event about a session or task carries
 *       the launch of the session's latest attach, even after that launch has died; {@code 0} when
 *       the event belongs to no launch ({@code install}, {@code force quit}, the network).
 *   <li>{@code what}: a short fixed name, listed below. Names are lower-case phrases ({@code task
 *       created}, {@code app state}), except where the row is about a named thing: a {@code
 *       DELEGATE} row names the Apple delegate method called ({@code didWriteData}), a {@code
 *       NOTIFICATION} row the notification's type ({@code VideoDownloadProgressed}), and a {@code
 *       DEVICE} row for a call into the app's {@code UIApplicationDelegate} the method called
 *       ({@code didFinishLaunching}, {@code handleEventsForBackgroundURLSession}, {@code
 *       performFetch}, and {@code completionHandler}, the block the system handed over). Views
 *       match on it; {@code detail} is for people, though a few details have a fixed shape that
 *       views read (noted below, and written in one place, the daemon's {@code Details}).
 * </ul>
 *
 * <h2>Event names in use, by layer</h2>
 *
 * <dl>
 *   <dt>{@code DEVICE}
 *   <dd>{@code install} (detail: the bundle), {@code launch} ({@code "<bundle>[ in the background]
 *       (<reason>)"}), {@code app state} ({@code "<bundle> FROM -> TO (why)"}), {@code
 *       didFinishLaunching}, {@code didEnterBackground}, {@code willEnterForeground}, {@code
 *       willTerminate}, {@code handleEventsForBackgroundURLSession}, {@code completionHandler},
 *       {@code completion handler never called}, {@code relaunch for events}, {@code
 *       setMinimumBackgroundFetchInterval}, {@code background fetch}, {@code performFetch}, {@code
 *       fetch completed}, {@code fetch expired}, {@code crash}, {@code termination hook failed}.
 *   <dt>{@code NETWORK}
 *   <dd>{@code online}, {@code offline}, {@code shaped}, {@code connections dropped} (detail: the
 *       conditions' label).
 *   <dt>{@code DAEMON}
 *   <dd>Sessions: {@code session attached} and {@code session detached} (below), {@code session in
 *       use}, {@code finish tasks and invalidate}, {@code invalidate and cancel}, {@code session
 *       invalidated}. Tasks: {@code task created} (below), {@code task resumed}, {@code task
 *       suspended}, {@code task cancelled}, {@code task delayed}, {@code asking the app}, {@code
 *       delayed request continues}, {@code request replaced}, {@code waiting for connectivity},
 *       {@code waiting for Wi-Fi}, {@code connectivity restored}, {@code request sent}, {@code
 *       response} (below), {@code receiving}, {@code downloading}, {@code sending} ({@code "done /
 *       expected bytes"}, sampled at every 10% and once a second), {@code resumed at offset}
 *       ({@code "offset of expected"}), {@code upload resumption supported}, {@code upload
 *       resumed}, {@code upload resource gone}, {@code upload resource deleted}, {@code connection
 *       lost}, {@code retry}, {@code request timed out}, {@code resource timed out}, {@code task
 *       finished}, {@code task failed} (below), {@code task discarded}, {@code task restored},
 *       {@code task released}. Events for the app: {@code event queued} ({@code "EventName (N
 *       waiting)"}), {@code delivery failed} ({@code "EventName: why; ..."}), {@code events
 *       delivered} ({@code "N events"}), {@code temp file moved}, {@code temp file deleted}, {@code
 *       relaunch requested} (below). Apps: {@code rate limiter reset}, {@code force quit}. The
 *       daemon itself: {@code journal restored}, {@code journal unreadable}, {@code journal write
 *       failed}, {@code workers still running}.
 *   <dt>{@code SESSION}
 *   <dd>{@code session created}, {@code session relinked} ({@code "... reconnected to tasks [1,
 *       2]"}), {@code session refused}, {@code refused}, {@code task created}, {@code finish tasks
 *       and invalidate}, {@code invalidate and cancel}, {@code session invalidated}, {@code session
 *       detached}, {@code delayed request answer ignored}, {@code no new body stream}, and a task
 *       command ({@code resume}, {@code suspend}, {@code cancel}, ...) refused on a detached
 *       session.
 *   <dt>{@code DELEGATE}
 *   <dd>The delegate method's name ({@code didWriteData}, {@code didFinishDownloadingTo}, {@code
 *       didCompleteWithError}, {@code urlSessionDidFinishEvents}, a data task's {@code
 *       completionHandler}, ...), then {@code returned} or {@code threw}.
 *   <dt>{@code NOTIFICATION}
 *   <dd>The notification's type ({@code VideoDownloadProgressed}, {@code VideoUploadFinished}, ...;
 *       detail: its summary, starting with the video id), {@code unheard <Type>}, {@code posted
 *       after close: <Type>}, {@code subscriber failed on <Type>}, {@code subscriber failed}.
 *   <dt>{@code ARCHIVE}
 *   <dd>{@code saved <file>} and {@code restored <file>} ({@code "N entries, ..."}; a restored map
 *       archive ends with {@code "; ids: 3, 5"}, the keys of the records read back: task
 *       identifiers), {@code no <file>}, {@code save failed: <file>}, {@code quarantined <file>},
 *       {@code quarantine failed: <file>}, {@code could not remove an unfinished save of <file>}.
 *   <dt>{@code APP}
 *   <dd>{@code record created} ({@code "download <videoId>"} or {@code "upload <videoId>"}, with
 *       the task the record is filed under), {@code reconciled}, {@code moved into the library},
 *       {@code already in the library}, {@code download not kept}, {@code completion ignored},
 *       {@code no resume data}, {@code no such task}, {@code no thumbnail}, {@code calling the
 *       completion handler}, {@code started without an archive}, {@code fetchVideos failed}, {@code
 *       prepareVideo failed}, {@code pauseDownloads ignored}, {@code resumeDownloads ignored},
 *       {@code download resumed}.
 * </dl>
 *
 * <h2>Details that views read</h2>
 *
 * <ul>
 *   <li>{@code task created}: {@code "KIND METHOD URL[ from resume data]; to send: N bytes[;
 *       description: <taskDescription>]"}; N is {@code ?} when unknown, the description is last
 *       because it is the app's own text.
 *   <li>{@code response}: {@code "HTTP <status>[ ...]; to receive: N bytes"} ({@code ?} when the
 *       server gave no length).
 *   <li>{@code task failed}: {@code "<code> <description>[ (with resume data)][ reason R]"}, R the
 *       name of the NSURLErrorBackgroundTaskCancelledReason ({@code UserForceQuitApplication},
 *       {@code BackgroundUpdatesDisabled}, {@code InsufficientSystemResources}).
 *   <li>{@code relaunch requested}: {@code "launch <bundle> in the background; relaunch N, delay S
 *       s"} or {@code "wake <bundle>; relaunch N, delay S s"}: N background relaunches since the
 *       app was last in the foreground, and the rate limiter's delay S on a task the app starts
 *       from the background from now on.
 *   <li>{@code session attached}: {@code "<bundle>: N queued events [Name#task, ...], M tasks"},
 *       the queue oldest first; {@code session detached}: {@code "<bundle>: M tasks carry on, N
 *       queued events [Name#task, ...]"} for a background session, {@code "<bundle>: its tasks are
 *       cancelled"} for a default one. Between the two, every event added to the queue is posted as
 *       {@code event queued} while the app cannot take it, and taken by the matching {@code
 *       DELEGATE} call when it can.
 *   <li>{@code task released}: the daemon forgot a task: a background task once the app heard its
 *       completion, a default session's as its completion goes out. No event names the task after
 *       it.
 * </ul>
 *
 * <h2>Starts and ends</h2>
 *
 * <p>As OkHttp's {@code EventListener} promises of its events, a start on this list is always
 * followed by exactly one of its ends, later on the timeline (possibly after events of other
 * layers, and after the launch that started it has died):
 *
 * <ul>
 *   <li>{@code DELEGATE <method>} ends with {@code returned} (detail: the method) or {@code threw}
 *       (detail: {@code "<method>: <exception>"}), same launch, session and task — also when the
 *       process is killed during the call.
 *   <li>{@code DAEMON task created} ends with one of {@code task finished}, {@code task failed},
 *       {@code task discarded}. A cancelled task shows {@code task cancelled} first and ends with
 *       {@code task failed -999}. After a daemon restart {@code task restored} continues a task
 *       created before it.
 *   <li>{@code DAEMON session attached} ends with {@code session detached} when the app's process
 *       goes; {@code session invalidated} ends the session itself.
 *   <li>{@code SESSION session created} or {@code session relinked} ends with {@code session
 *       detached} (the process died) or {@code session invalidated}.
 *   <li>{@code DEVICE launch} of launch N ends with that launch's {@code app state ... ->
 *       NOT_RUNNING (why)}.
 *   <li>{@code DEVICE handleEventsForBackgroundURLSession} ends with {@code completionHandler} or
 *       {@code completion handler never called} for the same session; {@code performFetch} ends
 *       with {@code fetch completed} or {@code fetch expired}.
 *   <li>{@code DAEMON relaunch requested} ends with a {@code DEVICE launch} for {@code
 *       URL_SESSION_EVENTS} or a {@code relaunch for events} that says why not.
 * </ul>
 *
 * <p>Not paired today: the other application-delegate calls ({@code didEnterBackground}, {@code
 * willEnterForeground}, {@code willTerminate}) are posted as they start, with no end unless {@code
 * willTerminate} overruns. {@code request sent} is followed by a {@code response} or by a failure,
 * not by a dedicated end. An {@code event queued} is taken by the matching {@code DELEGATE} call,
 * and {@code events delivered} follows once the queue is empty. {@code task released} follows a
 * {@code task finished} or {@code task failed} once the app has heard it, but a task whose session
 * is invalidated or forgotten first is never released on its own. Everything on the {@code
 * NETWORK}, {@code NOTIFICATION}, {@code ARCHIVE} and {@code APP} layers is a single event.
 */
package lab.videofarm.os.timeline;
