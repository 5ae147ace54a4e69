package lab.videofarm.server.internal;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;

/**
 * "Resumable Uploads for HTTP", draft-ietf-httpbis-resumable-upload-01, interop version 3: what iOS
 * 17 speaks. The upload carries {@code Upload-Draft-Interop-Version: 3} and {@code
 * Upload-Incomplete: ?0} (a structured-field boolean: {@code ?0} means this body ends the upload);
 * {@code HEAD} is answered with {@code Upload-Offset}; {@code PATCH} carries {@code Upload-Offset}
 * and {@code Upload-Incomplete}.
 *
 * <p>Version 6 (iOS 18) says the same with {@code Upload-Complete: ?1} instead of {@code
 * Upload-Incomplete: ?0} and sends PATCH bodies as {@code application/partial-upload}.
 */
final class InteropVersion3 implements ResumableUploadProtocol {
  static final String VERSION_HEADER = "Upload-Draft-Interop-Version";
  static final String INCOMPLETE_HEADER = "Upload-Incomplete";
  static final String OFFSET_HEADER = "Upload-Offset";

  @Override
  public int interopVersion() {
    return 3;
  }

  @Override
  public boolean spokenBy(Request request) {
    String version = request.getHeaders().get(VERSION_HEADER);
    return version != null && version.trim().equals("3");
  }

  @Override
  public boolean completesUpload(Request request) {
    String incomplete = request.getHeaders().get(INCOMPLETE_HEADER);
    return incomplete == null || !incomplete.trim().equals("?1");
  }

  @Override
  public long claimedOffset(Request request) {
    String offset = request.getHeaders().get(OFFSET_HEADER);
    if (offset == null) {
      return -1;
    }
    try {
      long value = Long.parseLong(offset.trim());
      return value < 0 ? -1 : value;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void describe(HttpFields.Mutable fields, long offset, boolean complete) {
    fields.put(VERSION_HEADER, "3");
    if (offset >= 0) {
      fields.put(OFFSET_HEADER, Long.toString(offset));
      fields.put(INCOMPLETE_HEADER, complete ? "?0" : "?1");
    }
  }
}
