package lab.videofarm.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One exchange over a plain socket, for requests a client library refuses to send: broken heads,
 * lying lengths, bodies cut short. The socket times out, so a server that never answers fails the
 * test instead of hanging it.
 */
final class RawHttp {
  private static final int TIMEOUT_MILLIS = 10_000;

  private RawHttp() {}

  /** A response: status, head lines (the status line first) and the body as sent. */
  record Reply(int status, List<String> head, byte[] body) {
    Optional<String> header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return head.stream()
          .skip(1)
          .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(line -> line.substring(prefix.length()).strip())
          .findFirst();
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Sends {@code request} as it is and reads one response. */
  static Reply exchange(URI base, byte[] request) throws IOException {
    return exchange(base, request, false);
  }

  /**
   * Sends {@code request} as it is, then, if {@code endOfInput}, shuts the sending side so the
   * server reads the end of the stream where it expected more; reads one response.
   */
  static Reply exchange(URI base, byte[] request, boolean endOfInput) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      if (endOfInput) {
        socket.shutdownOutput();
      }
      return read(socket.getInputStream());
    }
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {@code head} (lines without their CRLF) followed by {@code body}. */
  static byte[] request(List<String> head, byte[] body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String line : head) {
      bytes.writeBytes(ascii(line + "\r\n"));
    }
    bytes.writeBytes(ascii("\r\n"));
    bytes.writeBytes(body);
    return bytes.toByteArray();
  }

  /** Reads one response (after any interim ones) from a connection. */
  static Reply read(InputStream in) throws IOException {
    List<String> head = Fixtures.readResponseHead(in);
    int status = Integer.parseInt(head.get(0).substring(9, 12));
    while (status < 200) {
      // An interim answer (100 Continue, 104 Upload Resumption Supported); the final one follows.
      head = Fixtures.readResponseHead(in);
      status = Integer.parseInt(head.get(0).substring(9, 12));
    }
    Reply partial = new Reply(status, head, new byte[0]);
    Optional<String> length = partial.header("Content-Length");
    byte[] body =
        length.isPresent()
            ? in.readNBytes(Integer.parseInt(length.get()))
            : partial.header("Connection").filter(c -> c.equalsIgnoreCase("close")).isPresent()
                ? in.readAllBytes()
                : new byte[0];
    return new Reply(status, head, body);
  }
}
