package lab.videofarm.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The hostile requests of {@link BadInputSuiteTest}, as raw bytes: what a client library would
 * never send is exactly what matters here. {@code {id}} in a head line stands for a video that has
 * a movie of {@link #MOVIE_LENGTH} bytes.
 */
final class BadInputCases {
  static final int MOVIE_LENGTH = 1000;
  static final int LIMIT = 64 * 1024;

  private static final Set<Integer> WHOLE = Set.of(200);
  private static final Set<Integer> PART = Set.of(206);
  private static final Set<Integer> UNSATISFIABLE = Set.of(416);

  private BadInputCases() {}

  /**
   * One hostile request and the answers allowed: refusals must carry the JSON error body; range
   * requests get one of the documented 200, 206 or 416 instead.
   */
  record Case(
      String name,
      List<String> head,
      byte[] body,
      boolean endOfInput,
      Set<Integer> statuses,
      boolean jsonError) {
    byte[] bytes(String id) {
      return RawHttp.request(head.stream().map(line -> line.replace("{id}", id)).toList(), body);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> all() {
    return Stream.of(
            BadBodyCases.admin(), BadBodyCases.forms(), paths(), methods(), protocol(), ranges())
        .flatMap(List::stream);
  }

  static Case refused(String name, int status, List<String> head, byte[] body) {
    return new Case(name, head, body, false, Set.of(status), true);
  }

  static Case refusedAny(String name, Set<Integer> statuses, List<String> head) {
    return new Case(name, head, new byte[0], false, statuses, true);
  }

  static List<String> head(String requestLine, String... fields) {
    List<String> head = new ArrayList<>();
    head.add(requestLine + " HTTP/1.1");
    head.add("Host: localhost");
    head.add("Connection: close");
    head.addAll(List.of(fields));
    return head;
  }

  static List<String> withLength(String requestLine, byte[] body, String... fields) {
    List<String> head = head(requestLine, fields);
    head.add("Content-Length: " + body.length);
    return head;
  }

  private static List<Case> paths() {
    List<Case> cases = new ArrayList<>();
    cases.add(
        refused("id: 65 characters", 400, head("GET /videos/" + "a".repeat(65)), new byte[0]));
    cases.add(refused("id: with a dot", 400, head("GET /videos/bad.id/movie"), new byte[0]));
    cases.add(refused("id: with a space", 400, head("GET /videos/bad%20id"), new byte[0]));
    cases.add(refused("id: non-ASCII", 400, head("GET /videos/caf%C3%A9"), new byte[0]));
    cases.add(refused("id: unknown video", 404, head("GET /videos/nosuch"), new byte[0]));
    cases.add(refused("id: unknown movie", 404, head("GET /videos/nosuch/movie"), new byte[0]));
    cases.add(
        refused("id: unknown thumbnail", 404, head("GET /videos/nosuch/thumbnail"), new byte[0]));
    byte[] movie = new byte[10];
    cases.add(
        refused(
            "id: a movie for no video", 404, withLength("PUT /videos/nosuch/movie", movie), movie));
    cases.add(
        refused(
            "upload: unknown token",
            404,
            head("PATCH /uploads/nosuch", "Upload-Offset: 0", "Content-Length: 0"),
            new byte[0]));
    cases.add(
        refused(
            "upload: give up an unknown token", 404, head("DELETE /uploads/nosuch"), new byte[0]));
    cases.add(refused("path: nothing there", 404, head("GET /nothing/here"), new byte[0]));
    cases.add(
        refused("path: past the movie", 404, head("GET /videos/{id}/movie/extra"), new byte[0]));
    Set<Integer> badOrMissing = Set.of(400, 404);
    cases.add(
        refusedAny(
            "traversal: encoded slashes",
            badOrMissing,
            head("GET /videos/..%2F..%2Fetc%2Fpasswd")));
    cases.add(
        refusedAny(
            "traversal: into the metadata",
            badOrMissing,
            head("GET /videos/..%2Fvideo.json/movie")));
    cases.add(
        refusedAny(
            "traversal: encoded dots", badOrMissing, head("GET /videos/%2e%2e/%2e%2e/movie")));
    cases.add(refusedAny("traversal: raw dots", badOrMissing, head("GET /../../etc/passwd")));
    cases.add(
        refusedAny("traversal: backslashes", badOrMissing, head("GET /videos/..\\..\\movie")));
    cases.add(
        refusedAny(
            "traversal: overlong UTF-8 dots",
            badOrMissing,
            head("GET /videos/%C0%AE%C0%AE/movie")));
    cases.add(refusedAny("path: an encoded NUL", badOrMissing, head("GET /videos/a%00b")));
    cases.add(refusedAny("path: invalid percent-encoding", badOrMissing, head("GET /videos/%zz")));
    cases.add(refusedAny("path: invalid UTF-8", badOrMissing, head("GET /videos/%FF%FE")));
    cases.add(
        refusedAny(
            "path: 10,000 segments",
            Set.of(400, 404, 414, 431),
            head("GET " + "/a".repeat(10_000))));
    return cases;
  }

  private static List<Case> methods() {
    List<Case> cases = new ArrayList<>();
    String[][] wrong = {
      {"DELETE", "/videos/{id}"},
      {"POST", "/videos/{id}/movie"},
      {"PUT", "/videos"},
      {"DELETE", "/videos/{id}/thumbnail"},
      {"PATCH", "/admin/faults"},
      {"POST", "/admin/faults"},
      {"GET", "/uploads/nosuch"},
      {"BREW", "/videos"},
      {"TRACE", "/videos"},
      {"OPTIONS", "/videos/{id}/movie"},
    };
    for (String[] request : wrong) {
      cases.add(
          refused(
              "method: " + request[0] + " " + request[1],
              405,
              head(request[0] + " " + request[1], "Content-Length: 0"),
              new byte[0]));
    }
    return cases;
  }

  private static List<Case> protocol() {
    List<Case> cases = new ArrayList<>();
    cases.add(
        refused(
            "head: a line without a colon", 400, head("GET /videos", "Bad Header"), new byte[0]));
    cases.add(
        refused("head: a NUL in a value", 400, head("GET /videos", "X-A: a\u0000b"), new byte[0]));
    cases.add(
        refused(
            "head: a folded line", 400, head("GET /videos", "X-A: a", " continued"), new byte[0]));
    cases.add(
        refused(
            "head: a space before the colon", 400, head("GET /videos", "X-A : b"), new byte[0]));
    cases.add(
        refused(
            "head: no Host",
            400,
            List.of("GET /videos HTTP/1.1", "Connection: close"),
            new byte[0]));
    cases.add(
        refused(
            "head: a 64 KiB header",
            431,
            head("GET /videos", "X-Big: " + "b".repeat(64 * 1024)),
            new byte[0]));
    List<String> many = head("GET /videos");
    for (int i = 0; i < 2000; i++) {
      many.add("X-Many-" + i + ": " + "m".repeat(20));
    }
    cases.add(refused("head: 2000 headers", 431, many, new byte[0]));
    cases.add(
        refusedAny(
            "head: a 64 KiB target",
            Set.of(414, 431),
            head("GET /videos?" + "q".repeat(64 * 1024))));
    cases.add(
        refused(
            "length: not a number",
            400,
            head("PUT /videos/{id}/movie", "Content-Length: ten"),
            new byte[0]));
    cases.add(
        refused(
            "length: negative",
            400,
            head("PUT /videos/{id}/movie", "Content-Length: -5"),
            new byte[0]));
    cases.add(
        refused(
            "length: two that disagree",
            400,
            head("PUT /videos/{id}/movie", "Content-Length: 3", "Content-Length: 4"),
            ascii("abcd")));
    cases.add(
        refused(
            "length: past 64 bits",
            400,
            head("PUT /videos/{id}/movie", "Content-Length: 99999999999999999999"),
            new byte[0]));
    cases.add(
        refused(
            "length: chunked and a length",
            400,
            head("PUT /videos/{id}/movie", "Transfer-Encoding: chunked", "Content-Length: 4"),
            ascii("4\r\nabcd\r\n0\r\n\r\n")));
    cases.add(
        new Case(
            "chunked: a size that is not hex",
            head("PUT /videos/{id}/movie", "Transfer-Encoding: chunked"),
            ascii("zz\r\nabcd\r\n0\r\n\r\n"),
            true,
            Set.of(400),
            true));
    cases.add(
        new Case(
            "chunked: cut inside a chunk",
            head("PUT /videos/{id}/movie", "Transfer-Encoding: chunked"),
            ascii("100\r\nabcd"),
            true,
            Set.of(400),
            true));
    cases.add(
        new Case(
            "movie: body shorter than its Content-Length",
            head("PUT /videos/{id}/movie", "Content-Length: 5000"),
            new byte[100],
            true,
            Set.of(400),
            true));
    cases.add(
        refused(
            "movie: over the limit by Content-Length",
            413,
            head("PUT /videos/{id}/movie", "Content-Length: " + (LIMIT + 1)),
            new byte[0]));
    cases.add(
        refused(
            "coding: a gzip movie",
            415,
            head("PUT /videos/{id}/movie", "Content-Encoding: gzip", "Content-Length: 4"),
            ascii("abcd")));
    cases.add(
        refused(
            "coding: a deflated admin body",
            415,
            head("PUT /admin/faults", "Content-Encoding: deflate", "Content-Length: 2"),
            ascii("{}")));
    cases.add(
        refused(
            "coding: a gzip transfer coding",
            400,
            head("PUT /videos/{id}/movie", "Transfer-Encoding: gzip, chunked"),
            ascii("4\r\nabcd\r\n0\r\n\r\n")));
    cases.add(
        new Case(
            "coding: an unknown transfer coding",
            head("PUT /videos/{id}/movie", "Transfer-Encoding: bogus"),
            ascii("abcd"),
            true,
            Set.of(400),
            true));
    cases.add(
        refused(
            "coding: a chunk size past 64 bits",
            400,
            head("PUT /videos/{id}/movie", "Transfer-Encoding: chunked"),
            ascii("ffffffffffffffffff\r\nab")));
    cases.add(
        refusedAny(
            "head: a request line with a tab",
            Set.of(400, 404),
            List.of("GET\t/videos/nosuch HTTP/1.1", "Host: x", "Connection: close")));
    cases.add(
        refusedAny(
            "head: a non-ASCII header name",
            Set.of(400, 404),
            head("GET /videos/nosuch", "X-\u00C3\u00A9: 1")));
    cases.add(
        refusedAny(
            "head: another host in the target",
            Set.of(400, 404),
            List.of(
                "GET http://evil.example/videos/nosuch HTTP/1.1", "Host: x", "Connection: close")));
    cases.add(
        refused(
            "head: CONNECT",
            405,
            List.of("CONNECT localhost:1 HTTP/1.1", "Host: localhost:1", "Connection: close"),
            new byte[0]));
    cases.add(
        refusedAny(
            "upload: a negative offset",
            Set.of(400, 404),
            head("PATCH /uploads/nosuch", "Upload-Offset: -1", "Content-Length: 0")));
    return cases;
  }

  private static Case range(String name, Set<Integer> statuses, String... fields) {
    return new Case(
        "range: " + name,
        head("GET /videos/{id}/movie", fields),
        new byte[0],
        false,
        statuses,
        false);
  }

  private static List<Case> ranges() {
    List<Case> cases = new ArrayList<>();
    cases.add(range("upper-case unit", PART, "Range: BYTES=0-5"));
    cases.add(range("space before =", WHOLE, "Range: bytes =0-5"));
    cases.add(range("letters", WHOLE, "Range: bytes=abc"));
    cases.add(range("backwards", WHOLE, "Range: bytes=5-2"));
    cases.add(range("two ranges", WHOLE, "Range: bytes=0-1,3-4"));
    cases.add(range("two Range headers", WHOLE, "Range: bytes=0-1", "Range: bytes=3-4"));
    cases.add(range("past 64 bits", WHOLE, "Range: bytes=99999999999999999999-"));
    cases.add(range("another unit", WHOLE, "Range: items=0-5"));
    cases.add(range("no unit", WHOLE, "Range: 0-5"));
    cases.add(range("empty", WHOLE, "Range: "));
    cases.add(range("non-ASCII digits", WHOLE, "Range: bytes=\u00D9\u00A0-\u00D9\u00A5"));
    cases.add(range("beyond the end", UNSATISFIABLE, "Range: bytes=" + MOVIE_LENGTH + "-"));
    cases.add(range("an empty suffix", UNSATISFIABLE, "Range: bytes=-0"));
    cases.add(range("a weak If-Range", WHOLE, "Range: bytes=0-5", "If-Range: W/\"x\""));
    cases.add(
        range("an If-Range that is no date", WHOLE, "Range: bytes=0-5", "If-Range: yesterday"));
    return cases;
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
