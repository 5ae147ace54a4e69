package lab.videofarm.server;

import static lab.videofarm.server.BadInputCases.ascii;
import static lab.videofarm.server.BadInputCases.concat;
import static lab.videofarm.server.BadInputCases.head;
import static lab.videofarm.server.BadInputCases.latin1;
import static lab.videofarm.server.BadInputCases.refused;
import static lab.videofarm.server.BadInputCases.withLength;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import lab.videofarm.server.BadInputCases.Case;

/** The {@link BadInputCases} that are bodies: JSON for {@code /admin/faults}, forms for videos. */
final class BadBodyCases {
  private static final int LIMIT = BadInputCases.LIMIT;

  private BadBodyCases() {}

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

  static List<Case> admin() {
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

  static List<Case> forms() {
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
    unclosed = Arrays.copyOf(unclosed, unclosed.length - 9);
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
    cases.add(
        formCase(
            "form: a charset nobody knows",
            400,
            "name=\"title\"\r\nContent-Type: text/plain; charset=x-klingon",
            "Cow",
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
}
