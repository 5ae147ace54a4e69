/**
 * Archives: what the VideoFarm app keeps on disk so that a relaunched process knows what the dead
 * one was doing.
 *
 * <p>When the system kills the app, every object dies with it. The transfer daemon keeps the tasks;
 * the app keeps, in its container, what it needs to make sense of them when it comes back: the
 * background session identifier, and its {@code VFMVideoUpload} and {@code VFMVideoDownload}
 * records keyed by task identifier. {@link lab.videofarm.app.archive.AppArchives} is the app's view
 * of these files; {@link lab.videofarm.app.archive.ArchiveFile} is one file, and its class comment
 * is the format's specification.
 *
 * <h2>Using it</h2>
 *
 * <pre>{@code
 * AppArchives archives = new AppArchives(application, clock);
 * SavedState saved = archives.restore();           // never throws
 * saved.quarantined().forEach(q -> notifications.post(
 *     new ArchiveQuarantined(q.archive(), q.quarantinedAs(), q.problem())));
 * downloads.putAll(saved.downloads());
 * ...
 * archives.saveDownloads(downloads);               // after every change worth keeping
 * }</pre>
 *
 * <h2>Glossary</h2>
 *
 * <dl>
 *   <dt>Archive
 *   <dd>One JSON file in the container, rewritten whole and atomically on every save.
 *   <dt>First launch
 *   <dd>No archive file yet. Not an error: the app starts with nothing.
 *   <dt>Quarantine
 *   <dd>A damaged, truncated or newer-format archive is renamed to {@code name.json.corrupt-<time>}
 *       and kept as evidence; the app starts clean and says so.
 * </dl>
 *
 * <h2>FAQ</h2>
 *
 * <dl>
 *   <dt>Why JSON and not Java serialization?
 *   <dd>A person can read it, the archive inspector can show it, and a later version of the app can
 *       read it without the old classes.
 *   <dt>Why not delete a damaged archive?
 *   <dd>Because it is the only evidence of what went wrong.
 *   <dt>When should the app save?
 *   <dd>After every change a relaunch must know about: a task created, paused, finished. Not on
 *       every progress callback: a lost byte count is corrected by the next callback.
 * </dl>
 */
package lab.videofarm.app.archive;
