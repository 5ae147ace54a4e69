package lab.videofarm.urlsession;

/** A task whose response body arrives in memory, chunk by chunk ({@code didReceiveData}). */
public class URLSessionDataTask extends URLSessionTask {
  URLSessionDataTask(
      DaemonLink link, long id, URLRequest request, String description, State state) {
    super(link, id, request, description, state);
  }
}
