package lab.videofarm.urlsession;

/**
 * A data task whose request body comes from a file (the only kind background sessions accept), from
 * bytes, or from a stream the delegate supplies.
 */
public final class URLSessionUploadTask extends URLSessionDataTask {
  URLSessionUploadTask(
      URLSession session, long id, URLRequest request, String description, State state) {
    super(session, id, request, description, state);
  }
}
