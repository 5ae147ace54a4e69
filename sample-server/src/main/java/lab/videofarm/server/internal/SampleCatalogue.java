package lab.videofarm.server.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three sample videos a fresh data directory starts with. Thumbnails are real PNGs; movies are
 * real H.264 MP4s (a couple of seconds of a bouncing ball) encoded with jcodec. Should encoding
 * fail on some platform, the movie falls back to deterministic bytes of {@link #FALLBACK_SIZE} so
 * the server still starts; a warning says so.
 */
final class SampleCatalogue {
  private static final Logger LOG = LoggerFactory.getLogger(SampleCatalogue.class);

  /** Names the cache; change it whenever the generated files change. */
  static final String VERSION = "1";

  static final int FALLBACK_SIZE = 256 * 1024;
  private static final int WIDTH = 240;
  private static final int HEIGHT = 144;
  private static final int FPS = 10;
  private static final int FRAMES = 30;

  private record Sample(String title, String description, Color sky, Color ball) {}

  private static final List<Sample> SAMPLES =
      List.of(
          new Sample(
              "Sunrise over the barn",
              "The farm wakes up: an orange ball climbs over a blue field.",
              new Color(0x2b5f9e),
              new Color(0xf4a261)),
          new Sample(
              "Tractor ballet",
              "A green ball dances across the yard, left to right and back.",
              new Color(0x6a994e),
              new Color(0xf2e8cf)),
          new Sample(
              "Night at the henhouse",
              "A pale moon bounces over the henhouse roof.",
              new Color(0x1d1e2c),
              new Color(0xe9ecef)));

  private SampleCatalogue() {}

  /**
   * Seeds the store. Encoding takes a noticeable fraction of a second, and tests start many
   * servers, so the generated files are kept in {@code cache} (written atomically; any process may
   * share it) and only copied on later seeds. Without a usable cache every seed generates afresh.
   */
  static void seed(VideoStore store, Path cache) throws IOException {
    for (int i = 0; i < SAMPLES.size(); i++) {
      Sample sample = SAMPLES.get(i);
      int number = i + 1;
      Path thumbnail = Files.createTempFile(store.tmpDirectory(), "seed-", ".png");
      Path movie = Files.createTempFile(store.tmpDirectory(), "seed-", ".mp4");
      try {
        produce(
            cache, "sample-" + number + ".png", thumbnail, t -> writeThumbnail(sample, number, t));
        produce(cache, "sample-" + number + ".mp4", movie, m -> writeMovie(sample, number, m));
        AtomicFiles.force(thumbnail);
        AtomicFiles.force(movie);
        String id =
            store.create(sample.title(), sample.description(), thumbnail, "image/png").video().id();
        store.commitMovie(id, movie, Files.size(movie), Hashing.sha256Hex(movie));
      } finally {
        Files.deleteIfExists(thumbnail);
        Files.deleteIfExists(movie);
      }
    }
  }

  private interface Generator {
    /** Writes the file; returns whether it is the real thing, worth keeping in the cache. */
    boolean writeTo(Path file) throws IOException;
  }

  private static void produce(Path cache, String name, Path target, Generator generator)
      throws IOException {
    Path cached = cache.resolve(name);
    if (Files.isRegularFile(cached)) {
      try {
        Files.copy(cached, target, StandardCopyOption.REPLACE_EXISTING);
        return;
      } catch (IOException e) {
        LOG.debug("Sample cache file {} not readable; generating it", cached, e);
      }
    }
    if (!generator.writeTo(target)) {
      return;
    }
    try {
      Files.createDirectories(cache);
      Path temp = Files.createTempFile(cache, name, ".tmp");
      Files.copy(target, temp, StandardCopyOption.REPLACE_EXISTING);
      AtomicFiles.force(temp);
      AtomicFiles.moveIntoPlace(temp, cached);
    } catch (IOException e) {
      LOG.debug("Sample cache {} not usable; seeding will generate again next time", cache, e);
    }
  }

  private static boolean writeThumbnail(Sample sample, int number, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      return ImageIO.write(frame(sample, 320, 180, 0, number), "png", out);
    }
  }

  private static boolean writeMovie(Sample sample, int number, Path movie) throws IOException {
    try {
      AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(movie.toFile(), FPS);
      for (int f = 0; f < FRAMES; f++) {
        encoder.encodeImage(frame(sample, WIDTH, HEIGHT, f, number));
      }
      encoder.finish();
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Could not encode a sample MP4 ({}); using {} plain bytes instead", e, FALLBACK_SIZE);
      byte[] bytes = new byte[FALLBACK_SIZE];
      new Random(number).nextBytes(bytes);
      Files.write(movie, bytes);
      return false;
    }
  }

  /** One picture: a sky, a ball on a bouncing path, and the video's number. */
  private static BufferedImage frame(Sample sample, int width, int height, int f, int number) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(sample.sky());
      g.fillRect(0, 0, width, height);
      g.setColor(sample.sky().darker());
      g.fillRect(0, height * 3 / 4, width, height / 4);
      int size = height / 3;
      double t = (double) f / FRAMES;
      int x = (int) ((width - size) * t);
      int y = (int) ((height * 3 / 4 - size) * (1 - Math.abs(Math.sin(Math.PI * 2 * t))));
      g.setColor(sample.ball());
      g.fillOval(x, y, size, size);
      g.setStroke(new BasicStroke(Math.max(1, width / 160f)));
      g.setColor(Color.WHITE);
      try {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, height / 5));
        g.drawString("#" + number, width / 20, height / 5 + height / 20);
      } catch (RuntimeException | InternalError e) {
        // A machine without fonts still gets its pictures, just without the number.
        LOG.debug("No font to draw with", e);
      }
    } finally {
      g.dispose();
    }
    return image;
  }
}
