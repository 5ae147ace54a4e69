package lab.videofarm.server.internal;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.content.HttpContent;

/** A file's content with our strong ETag instead of Jetty's weak, file-time based one. */
final class StrongEtagContent extends HttpContent.Wrapper {
  private final HttpField etag;

  StrongEtagContent(HttpContent content, String etag) {
    super(content);
    this.etag = new HttpField(HttpHeader.ETAG, etag);
  }

  @Override
  public HttpField getETag() {
    return etag;
  }

  @Override
  public String getETagValue() {
    return etag.getValue();
  }
}
