package lab.videofarm.urlsession;

/** Events of data tasks and of upload tasks' responses. */
public interface URLSessionDataDelegate extends URLSessionTaskDelegate {

  default void didReceiveResponse(
      URLSession session, URLSessionDataTask dataTask, HTTPURLResponse response) {}

  /** A chunk of the body; chunks arrive in order. */
  default void didReceiveData(URLSession session, URLSessionDataTask dataTask, byte[] data) {}
}
