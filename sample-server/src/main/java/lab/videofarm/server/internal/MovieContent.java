package lab.videofarm.server.internal;

import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;

/**
 * A movie for Jetty's resource service: served from an open {@link MovieSnapshot}, with our strong
 * ETag instead of Jetty's weak, file-time based one.
 */
final class MovieContent extends HttpContent.Wrapper {
  private final MovieSnapshot snapshot;
  private final ByteBufferPool.Sized buffers;
  private final HttpField etag;
  private final HttpField lastModified;
  private final HttpField contentLength;
  private final boolean validators;

  /**
   * @param validators false to send neither ETag nor Last-Modified ({@link
   *     lab.videofarm.server.Fault#NO_VALIDATOR})
   */
  MovieContent(
      HttpContent type, MovieSnapshot snapshot, ByteBufferPool.Sized buffers, boolean validators) {
    super(type);
    this.validators = validators;
    this.snapshot = snapshot;
    this.buffers = buffers;
    this.etag = new HttpField(HttpHeader.ETAG, snapshot.etag());
    this.lastModified =
        new HttpField(HttpHeader.LAST_MODIFIED, DateGenerator.formatDate(snapshot.lastModified()));
    this.contentLength =
        new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, snapshot.size());
  }

  @Override
  public HttpField getETag() {
    return validators ? etag : null;
  }

  @Override
  public String getETagValue() {
    return validators ? etag.getValue() : null;
  }

  @Override
  public HttpField getLastModified() {
    return validators ? lastModified : null;
  }

  @Override
  public java.time.Instant getLastModifiedInstant() {
    return validators ? snapshot.lastModified() : null;
  }

  @Override
  public HttpField getContentLength() {
    return contentLength;
  }

  @Override
  public long getContentLengthValue() {
    return snapshot.size();
  }

  @Override
  public void writeTo(Content.Sink sink, long offset, long length, Callback callback) {
    long count = length < 0 ? snapshot.size() - offset : length;
    try {
      Content.copy(Content.Source.from(buffers, snapshot.channel(), offset, count), sink, callback);
    } catch (RuntimeException e) {
      callback.failed(e);
    }
  }
}
