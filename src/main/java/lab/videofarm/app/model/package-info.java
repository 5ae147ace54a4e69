/**
 * The VideoFarm app's data: immutable records that say what the user, the server and the background
 * session know about a video.
 *
 * <h2>The four models</h2>
 *
 * <pre>
 *   VFMVideo         title, description, thumbnail          what the user describes
 *   VFMRemoteVideo   id, VFMVideo, movieURL, movieStatus,   what GET /videos lists
 *                    movieSize, createdAt
 *   VFMVideoUpload   VFMVideo + upload task id, source      a movie on its way up
 *                    file, remote path, bytes, state
 *   VFMVideoDownload VFMRemoteVideo + movie and thumbnail   a movie on its way down
 *                    task ids, bytes, resume data, files
 * </pre>
 *
 * <h2>"Extends" becomes "has a"</h2>
 *
 * In the Objective-C course {@code VFMRemoteVideo} subclasses {@code VFMVideo}, and the upload and
 * download classes wrap a video. Java records cannot subclass, so every model here
 * <em>contains</em> the simpler one: {@code remote.video().title()}. Where the subclass relation
 * mattered to readers, the record also offers the inherited accessors directly ({@code
 * remote.title()}). Composition keeps each record a plain value, and the JSON shows the nesting
 * honestly.
 *
 * <h2>Changing state</h2>
 *
 * Records never change. A delegate callback that reports progress makes a new value with a {@code
 * with...} method ({@code upload.withProgress(sent, expected)}) and puts it back in its map, keyed
 * by task identifier. Values can then be posted in notifications and saved in archives without
 * copying or locking.
 *
 * <h2>JSON</h2>
 *
 * {@link lab.videofarm.app.model.VFMJson} is the one Jackson setup: unknown fields ignored,
 * ISO-8601 instants, base64 resume data, indented output. The server's flat JSON is parsed with
 * {@link lab.videofarm.app.model.VFMRemoteVideo#listFromJson} while it streams in.
 *
 * <h2>FAQ</h2>
 *
 * <dl>
 *   <dt>Why are files {@code Path}s but the thumbnail a {@code URI}?
 *   <dd>Upload sources and downloaded files are always on this device. A video's thumbnail may be
 *       on the device ({@code file:}) or only on the server ({@code http:}).
 *   <dt>Why key by task identifier and not by task object?
 *   <dd>After a relaunch the session hands out new task objects; only the identifier carries over.
 *   <dt>What does -1 mean in a task identifier or a byte count?
 *   <dd>{@code NO_TASK} and {@code UNKNOWN_LENGTH}, as URLSession uses them.
 * </dl>
 */
package lab.videofarm.app.model;
