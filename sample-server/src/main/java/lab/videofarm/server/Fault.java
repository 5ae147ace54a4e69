package lab.videofarm.server;

/**
 * The failures the sample server can stage on purpose, so that a lesson or a test can watch a
 * background transfer survive them. Modelled on mockwebserver's {@code SocketPolicy}: one constant
 * per failure, each documented with what a client sees.
 *
 * <p>Faults touch only the media endpoints ({@code /videos/{id}/movie}, {@code
 * /videos/{id}/thumbnail} and the upload resources {@code /uploads/{token}}), never the JSON
 * endpoints or {@code /admin}, so a test can always see the catalogue and switch the faults off
 * again. They are set through {@link Faults}, either on the {@link SampleServer.Builder} or at run
 * time through {@link SampleServer#faults()} or the admin endpoint {@code /admin/faults}.
 */
public enum Fault {
  /**
   * Bodies flow at most at a given number of bytes per second, in both directions (download
   * responses and upload request bodies). The limit applies per request; HTTP/1.1 runs one request
   * at a time per connection, so it is also the limit per connection. A client sees a slow but
   * correct transfer: the way to keep a small file "in flight" long enough to kill the app.
   */
  THROTTLE,

  /**
   * Every media request waits a given time before the server starts to answer it. A client sees a
   * slow first byte, as on a mobile network. At most {@link Faults#MAX_LATENCY}; lowering or
   * clearing it also shortens the wait of requests already held.
   */
  LATENCY,

  /**
   * After a given number of body bytes the server drops the connection. On a download the client
   * gets the headers and the first N bytes of the body, then the connection closes mid-body (a
   * truncated response, an I/O error in the client). On an upload the server stops reading after N
   * bytes and closes the connection; the previous movie stays untouched. Stays armed for every
   * request until switched off ({@code -1}).
   */
  DROP_AFTER_BYTES,

  /**
   * A connection the server drops ({@link #DROP_AFTER_BYTES}) is reset (a TCP RST, as after {@code
   * SO_LINGER 0}) rather than closed: the client sees "connection reset" instead of an early end of
   * the body.
   */
  RESET_INSTEAD_OF_CLOSE,

  /**
   * The server cuts the connection in the middle of a media response's headers: the client gets
   * part of a status line and header block, then the end of the connection.
   */
  CUT_INSIDE_HEADERS,

  /**
   * Movies are served without {@code ETag} and {@code Last-Modified}: a client has nothing to put
   * in {@code If-Range}, so it cannot safely resume and must start again from zero.
   */
  NO_VALIDATOR,

  /**
   * Every media request is answered {@code 503 Service Unavailable} with a given {@code
   * Retry-After} value, sent as it is (seconds, an HTTP date, or anything else), and the JSON error
   * body.
   */
  SERVICE_UNAVAILABLE,

  /**
   * The server no longer advertises {@code Accept-Ranges} and ignores {@code Range}: every movie
   * request gets a full 200. A client that tries to resume gets the whole file again, and resume
   * data should not be offered.
   */
  NO_RANGES,

  /**
   * The server no longer supports resumable uploads ("Resumable Uploads for HTTP", interop version
   * 3): an upload that announces the protocol gets no {@code 104 Upload Resumption Supported} and
   * no upload resource, so a cut upload cannot be resumed and a client offers no upload resume
   * data. Upload resources made before stay reachable.
   */
  NO_RESUMABLE_UPLOADS,

  /**
   * A one-shot action rather than a lasting state: the movie of a video gets a new strong ETag and
   * a later Last-Modified, as if it had been replaced by a new upload. A client resuming with the
   * old validator in {@code If-Range} gets a full 200 and must restart from zero.
   */
  CHANGED_ETAG
}
