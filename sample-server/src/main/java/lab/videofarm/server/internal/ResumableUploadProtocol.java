package lab.videofarm.server.internal;

import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/**
 * One interop version of the IETF draft "Resumable Uploads for HTTP", as the server speaks it. The
 * versions differ only in header names and values; the flow is the same: the upload announces the
 * version, the server answers {@code 104 Upload Resumption Supported} with the upload resource in
 * {@code Location}, {@code HEAD} on that resource tells the offset, {@code PATCH} appends from it,
 * {@code DELETE} cancels. Adding a version is one more implementation in {@link #SUPPORTED}.
 */
interface ResumableUploadProtocol {

  /** The versions this server understands, tried in order. */
  List<ResumableUploadProtocol> SUPPORTED = List.of(new InteropVersion3());

  /** The value of {@code Upload-Draft-Interop-Version}. */
  int interopVersion();

  /** Whether the request speaks this version. */
  boolean spokenBy(Request request);

  /** Whether the request's body is the last part of the upload. */
  boolean completesUpload(Request request);

  /** The offset a PATCH claims to continue at, or -1 when it claims none or garbage. */
  long claimedOffset(Request request);

  /**
   * Adds the headers that describe the upload resource: the version, and in answers to HEAD the
   * offset and whether the upload is still incomplete.
   */
  void describe(HttpFields.Mutable fields, long offset, boolean complete);

  /** The version the request speaks, if the server knows it. */
  static Optional<ResumableUploadProtocol> of(Request request) {
    return SUPPORTED.stream().filter(protocol -> protocol.spokenBy(request)).findFirst();
  }
}
