package lab.videofarm.os.transferd.internal;

import java.util.List;
import java.util.Optional;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.HttpResponse;

/**
 * One interop version of the IETF draft "Resumable Uploads for HTTP" (rules 35-37), as the daemon
 * speaks it. The flow is the same in every version; only header names and values differ:
 *
 * <ol>
 *   <li>the upload {@linkplain #announce announces} the version;
 *   <li>a server that supports it answers {@code 104 Upload Resumption Supported} with the upload
 *       resource in {@code Location} ({@link #offersResumption});
 *   <li>to resume, {@code HEAD <resource>} tells the {@linkplain #offset offset};
 *   <li>{@code PATCH <resource>} {@linkplain #prepareAppend sends the rest} from that offset.
 * </ol>
 *
 * The daemon speaks {@link #CURRENT}: interop version 3, what iOS 17 sends. iOS 18 speaks version 6
 * ({@code Upload-Complete: ?1}, PATCH as {@code application/partial-upload}); adding it is one more
 * implementation here.
 */
interface ResumableUploadDraft {

  /** The version new uploads announce. */
  ResumableUploadDraft CURRENT = new ResumableUploadInterop3();

  /** Every version the daemon can continue (resume data names its version). */
  List<ResumableUploadDraft> KNOWN = List.of(CURRENT);

  /** The value of {@code Upload-Draft-Interop-Version}. */
  int interopVersion();

  /** Adds the headers of an upload's first request, which carries the whole body. */
  void announce(HttpMessage request);

  /** Whether an informational response offers resumption. */
  boolean offersResumption(HttpResponse informational);

  /** Adds the headers of the HEAD that asks for the offset. */
  void prepareOffsetRequest(HttpMessage head);

  /** The offset in a 2xx answer to HEAD, or -1 when it has none. */
  long offset(HttpResponse headResponse);

  /** Adds the headers of the PATCH that sends the rest of the body from {@code offset}. */
  void prepareAppend(HttpMessage patch, long offset);

  static Optional<ResumableUploadDraft> version(int interopVersion) {
    return KNOWN.stream().filter(draft -> draft.interopVersion() == interopVersion).findFirst();
  }
}
