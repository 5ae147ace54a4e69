package lab.videofarm.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small real inputs for the contract tests. */
final class Fixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static byte[] image(String format) {
    BufferedImage image = new BufferedImage(16, 9, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 16, 9);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] png() {
    return image("png");
  }

  static byte[] jpeg() {
    return image("jpg");
  }

  /** Deterministic bytes that are not all alike, so a spliced or shifted body is noticed. */
  static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static JsonNode json(TestHttp.Reply reply) {
    try {
      return JSON.readTree(reply.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a video through the API and returns its id. */
  static String createVideo(TestHttp http, String title) throws IOException {
    TestHttp.Reply reply = http.postVideo(title, "about " + title, png());
    assertThat(reply.status()).as(reply.text()).isEqualTo(303);
    return json(reply).get("id").asText();
  }

  /** Creates a video with a movie of the given bytes and returns its id. */
  static String createVideoWithMovie(TestHttp http, String title, byte[] movie) throws IOException {
    String id = createVideo(http, title);
    TestHttp.Reply put = http.put("/videos/" + id + "/movie", movie);
    assertThat(put.status()).as(put.text()).isEqualTo(201);
    return id;
  }

  /** Reads one response head (status line and header lines), leaving the body unread. */
  static List<String> readResponseHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed inside a response head: " + lines);
      }
      if (b == '\n' && previous == '\r') {
        byte[] bytes = line.toByteArray();
        String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
        line.reset();
      } else {
        line.write(b);
      }
      previous = b;
    }
  }
}
