package lab.videofarm.urlsession;

/** A task whose response body arrives in memory, chunk by chunk ({@code didReceiveData}). */
public class URLSessionDataTask extends URLSessionTask {
  URLSessionDataTask(
      URLSession session, long id, URLRequest request, String description, State state) {
    super(session, id, request, description, state);
  }
}
