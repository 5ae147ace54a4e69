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
    return Stream.of(admin(), forms(), paths(), methods(), protocol(), ranges())
        .flatMap(List::stream);
  }

  private static Case refused(String name, int status, List<String> head, byte[] body) {
    return new Case(name, head, body, false, Set.of(status), true);
  }

  private static Case refusedAny(String name, Set<Integer> statuses, List<String> head) {
    return new Case(name, head, new byte[0], false, statuses, true);
  }

  private static List<String> head(String requestLine, String... fields) {
    List<String> head = new ArrayList<>();
    head.add(requestLine + " HTTP/1.1");
    head.add("Host: localhost");
    head.add("Connection: close");
    head.addAll(List.of(fields));
    return head;
  }

  private static List<String> withLength(String requestLine, byte[] body, String... fields) {
    List<String> head = head(requestLine, fields);
    head.add("Content-Length: " + body.length);
    return head;
  }

  private static Case adminBody(String name, int status, byte[] body) {
    return refused(
        name,
        status,
        withLength("PUT /admin/faults", body, "Content-Type: application/json"),
        body);
  }

  private static Case adminJson(String name, int status, String json) {
    return adminBody(name, status, json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Case> admin() {
    List<Case> cases = new ArrayList<>();
    cases.add(adminJson("admin: not JSON", 400, "throttle please"));
    cases.add(adminJson("admin: empty body", 400, ""));
    cases.add(adminJson("admin: an array", 400, "[1, 2]"));
    cases.add(adminJson("admin: a string", 400, "\"latencyMillis\""));
    cases.add(adminJson("admin: null", 400, "null"));
    cases.add(adminJson("admin: an unterminated object", 400, "{\"latencyMillis\": 5"));
    cases.add(adminJson("admin: trailing garbage", 400, "{\"latencyMillis\": 5} x"));
    cases.add(adminJson("admin: two objects", 400, "{\"latencyMillis\": 5}{\"latencyMillis\": 6}"));
    cases.add(adminJson("admin: an unknown field", 400, "{\"throttle\": 5}"));
    cases.add(adminJson("admin: a negative throttle", 400, "{\"throttleBytesPerSecond\": -1}"));
    cases.add(
        adminJson(
            "admin: latency of Long.MAX_VALUE", 400, "{\"latencyMillis\": 9223372036854775807}"));
    cases.add(adminJson("admin: latency past 64 bits", 400, "{\"latencyMillis\": 1e400}"));
    cases.add(adminJson("admin: a fractional latency", 400, "{\"latencyMillis\": 1.5}"));
    cases.add(adminJson("admin: latency as a string", 400, "{\"latencyMillis\": \"100\"}"));
    cases.add(adminJson("admin: a flag as a string", 400, "{\"disableRanges\": \"yes\"}"));
    cases.add(adminJson("admin: an ETag video as a number", 400, "{\"changeMovieEtag\": 5}"));
    cases.add(adminJson("admin: an ETag of no video", 404, "{\"changeMovieEtag\": \"nosuch\"}"));
    cases.add(
        adminBody(
            "admin: invalid UTF-8 in a string",
            400,
            concat(
                ascii("{\"changeMovieEtag\": \""), new byte[] {(byte) 0xC3, 0x28}, ascii("\"}"))));
    cases.add(
        adminBody(
            "admin: UTF-16 with a byte-order mark",
            400,
            "\uFEFF{\"throttle\": 5}".getBytes(StandardCharsets.UTF_16BE)));
    cases.add(adminJson("admin: nested 5000 deep", 400, "[".repeat(5000) + "]".repeat(5000)));
    cases.add(adminBody("admin: NUL bytes", 400, new byte[64]));
    cases.add(adminJson("admin: 17 KiB of whitespace", 413, " ".repeat(17 * 1024) + "{}"));
    byte[] cut = ascii("{\"latencyMillis\": 5");
    cases.add(
        new Case(
            "admin: body shorter than its Content-Length",
            head("PUT /admin/faults", "Content-Length: 100"),
            cut,
            true,
            Set.of(400),
            true));
    cases.add(
        refused(
            "admin: 9 MB announced",
            413,
            head("PUT /admin/faults", "Content-Length: " + 9 * 1024 * 1024),
            ascii("{\"la")));
    byte[] chunked =
        ascii(Integer.toHexString(20 * 1024) + "\r\n" + " ".repeat(20 * 1024) + "\r\n");
    cases.add(
        refused(
            "admin: 20 KiB chunked",
            413,
            head("PUT /admin/faults", "Transfer-Encoding: chunked"),
            concat(chunked, ascii("0\r\n\r\n"))));
    return cases;
  }

  private static byte[] form(String boundary, String... partsAndBodies) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < partsAndBodies.length; i += 2) {
      out.writeBytes(
          latin1(
              "--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; "
                  + partsAndBodies[i]
                  + "\r\n\r\n"
                  + partsAndBodies[i + 1]
                  + "\r\n"));
    }
    out.writeBytes(ascii("--" + boundary + "--\r\n"));
    return out.toByteArray();
  }

  private static Case formCase(String name, int status, String contentType, byte[] body) {
    return refused(
        name, status, withLength("POST /videos", body, "Content-Type: " + contentType), body);
  }

  private static Case formCase(String name, int status, String... partsAndBodies) {
    return formCase(name, status, "multipart/form-data; boundary=xyz", form("xyz", partsAndBodies));
  }

  private static List<Case> forms() {
    String png = new String(Fixtures.png(), StandardCharsets.ISO_8859_1);
    String thumbnail = "name=\"thumbnail\"; filename=\"t.png\"";
    List<Case> cases = new ArrayList<>();
    byte[] good = form("xyz", "name=\"title\"", "Cow", thumbnail, png);
    cases.add(
        formCase("form: sent as JSON", 415, "application/json", ascii("{\"title\":\"Cow\"}")));
    cases.add(formCase("form: sent as text", 415, "text/plain", good));
    cases.add(refused("form: no content type", 415, withLength("POST /videos", good), good));
    cases.add(formCase("form: urlencoded", 415, "application/x-www-form-urlencoded", ascii("t=1")));
    cases.add(formCase("form: no boundary", 400, "multipart/form-data", good));
    cases.add(formCase("form: another boundary", 400, "multipart/form-data; boundary=abc", good));
    cases.add(formCase("form: empty body", 400, "multipart/form-data; boundary=xyz", new byte[0]));
    byte[] unclosed = form("xyz", "name=\"title\"", "Cow", thumbnail, png);
    unclosed = java.util.Arrays.copyOf(unclosed, unclosed.length - 9);
    cases.add(
        formCase("form: no closing boundary", 400, "multipart/form-data; boundary=xyz", unclosed));
    cases.add(formCase("form: no title", 400, thumbnail, png));
    cases.add(formCase("form: a blank title", 400, "name=\"title\"", " \t ", thumbnail, png));
    cases.add(
        formCase(
            "form: a title of 201 chars", 400, "name=\"title\"", "t".repeat(201), thumbnail, png));
    cases.add(
        formCase(
            "form: a description of 4001 chars",
            400,
            "name=\"title\"",
            "Cow",
            "name=\"description\"",
            "d".repeat(4001),
            thumbnail,
            png));
    cases.add(
        formCase(
            "form: a title of bare continuation bytes",
            400,
            "name=\"title\"",
            "\u0080\u0081",
            thumbnail,
            png));
    cases.add(
        formCase(
            "form: an overlong UTF-8 slash in the title",
            400,
            "name=\"title\"",
            "a\u00C0\u00AFb",
            thumbnail,
            png));
    cases.add(
        formCase(
            "form: a UTF-16 title",
            400,
            "name=\"title\"",
            "\u00FE\u00FF\u0000C\u0000o",
            thumbnail,
            png));
    cases.add(
        formCase(
            "form: an encoded surrogate in the description",
            400,
            "name=\"title\"",
            "Cow",
            "name=\"description\"",
            "\u00ED\u00A0\u0080",
            thumbnail,
            png));
    cases.add(formCase("form: no thumbnail", 400, "name=\"title\"", "Cow"));
    cases.add(formCase("form: an empty thumbnail", 400, "name=\"title\"", "Cow", thumbnail, ""));
    cases.add(
        formCase(
            "form: a GIF thumbnail",
            415,
            "name=\"title\"",
            "Cow",
            thumbnail,
            "GIF89a\u0001\u0000"));
    cases.add(
        formCase(
            "form: a text thumbnail", 415, "name=\"title\"", "Cow", thumbnail, "not a picture"));
    cases.add(
        formCase(
            "form: half a PNG signature",
            415,
            "name=\"title\"",
            "Cow",
            thumbnail,
            png.substring(0, 4)));
    String[] many = new String[2 * 20];
    for (int i = 0; i < 20; i++) {
      many[2 * i] = "name=\"extra" + i + "\"";
      many[2 * i + 1] = "x";
    }
    cases.add(formCase("form: 20 parts", 400, many));
    cases.add(
        refused(
            "form: over the limit by Content-Length",
            413,
            head(
                "POST /videos",
                "Content-Type: multipart/form-data; boundary=xyz",
                "Content-Length: " + (LIMIT + 1)),
            new byte[0]));
    cases.add(
        new Case(
            "form: body shorter than its Content-Length",
            head(
                "POST /videos",
                "Content-Type: multipart/form-data; boundary=xyz",
                "Content-Length: " + (good.length + 500)),
            good,
            true,
            Set.of(400),
            true));
    return cases;
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

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
