package lab.videofarm.os.transferd.internal;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.HttpResponse;

/**
 * "Resumable Uploads for HTTP", draft-ietf-httpbis-resumable-upload-01, interop version 3, as iOS
 * 17 speaks it: the upload carries {@code Upload-Draft-Interop-Version: 3} and {@code
 * Upload-Incomplete: ?0} (a structured-field boolean: the body is the whole upload); {@code HEAD}
 * is answered with {@code Upload-Offset}; {@code PATCH} carries {@code Upload-Offset: N} and {@code
 * Upload-Incomplete: ?0} with the rest of the body.
 */
final class ResumableUploadInterop3 implements ResumableUploadDraft {
  static final String VERSION_HEADER = "Upload-Draft-Interop-Version";
  static final String INCOMPLETE_HEADER = "Upload-Incomplete";
  static final String OFFSET_HEADER = "Upload-Offset";
  static final int UPLOAD_RESUMPTION_SUPPORTED = 104;

  @Override
  public int interopVersion() {
    return 3;
  }

  @Override
  public void announce(HttpMessage request) {
    request.setHeader(VERSION_HEADER, "3");
    request.setHeader(INCOMPLETE_HEADER, "?0");
  }

  @Override
  public boolean offersResumption(HttpResponse informational) {
    return informational.getCode() == UPLOAD_RESUMPTION_SUPPORTED
        && informational.getFirstHeader("Location") != null;
  }

  @Override
  public void prepareOffsetRequest(HttpMessage head) {
    head.setHeader(VERSION_HEADER, "3");
  }

  @Override
  public long offset(HttpResponse headResponse) {
    Header offset = headResponse.getFirstHeader(OFFSET_HEADER);
    if (headResponse.getCode() / 100 != 2 || offset == null) {
      return -1;
    }
    try {
      long value = Long.parseLong(offset.getValue().trim());
      return value < 0 ? -1 : value;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void prepareAppend(HttpMessage patch, long offset) {
    patch.setHeader(VERSION_HEADER, "3");
    patch.setHeader(OFFSET_HEADER, Long.toString(offset));
    patch.setHeader(INCOMPLETE_HEADER, "?0");
  }
}
