/**
 * How the transfer daemon works inside. Start with {@link
 * lab.videofarm.os.transferd.internal.TransferCall#execute()}: one transfer, top to bottom. Then
 * {@link lab.videofarm.os.transferd.internal.DaemonCore}: its threads, queues, one lock, and the
 * promises it keeps (one completion per task, an event leaves its queue only once delivered).
 *
 * <ul>
 *   <li>{@code Attempt}: one HTTP exchange on a worker, stoppable from any thread.
 *   <li>{@code Link}: the network conditioner applied to one exchange.
 *   <li>{@code HttpTransport}: the HttpClient 5 classic client, compression off.
 *   <li>{@link lab.videofarm.os.transferd.internal.ResumeData}: the opaque resume data, versioned.
 *   <li>{@code ResumableUploadDraft}: resumable uploads ("Resumable Uploads for HTTP"), one class
 *       per interop version; the daemon speaks version 3 (draft -01, iOS 17). {@link
 *       lab.videofarm.os.transferd.internal.UploadResumeData}: the opaque upload resume data.
 *   <li>{@link lab.videofarm.os.transferd.internal.Journal}: the crash-safe snapshot file; {@code
 *       StateCodec}: what goes in it.
 *   <li>{@link lab.videofarm.os.transferd.internal.ErrorCodes}: Apple's codes and why each is used.
 * </ul>
 */
package lab.videofarm.os.transferd.internal;
