package lab.videofarm.ui.scene;

import static lab.videofarm.ui.scene.StoryTimelines.event;
import static lab.videofarm.ui.scene.StoryTimelines.first;
import static lab.videofarm.ui.scene.StoryTimelines.killOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.ui.graph.ComponentImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Paints the graph and the inspector from the download story's real timeline at the moments a
 * lesson stops at, in light and dark, to {@code target/scene-images/}: the pictures an instructor
 * projects.
 */
class SceneViewsImagesTest {
  private static final Path OUT = Path.of("target", "scene-images");
  private static final String BACKGROUND = "lab.videofarm.app.background";
  private static List<TimelineEvent> download;
  private static List<TimelineEvent> forceQuit;

  @BeforeAll
  static void playTheStories() {
    download = StoryTimelines.of("download");
    forceQuit = StoryTimelines.of("force-quit");
  }

  @Test
  void everyMomentPaintsAReadablePictureInLightAndDark() throws Exception {
    Files.createDirectories(OUT);
    for (boolean dark : new boolean[] {false, true}) {
      for (Map.Entry<String, Long> moment : downloadMoments().entrySet()) {
        BufferedImage image = paint(download, moment.getValue(), dark);
        assertThat(colours(image)).as(moment.getKey()).isGreaterThan(50);
        write(image, moment.getKey() + (dark ? "-dark" : "-light"));
      }
      TimelineEvent cancelled = first(forceQuit, event(Layer.DAEMON, "task failed"));
      write(
          paint(forceQuit, cancelled.sequence(), dark), "force-quit" + (dark ? "-dark" : "-light"));
    }
    long relinked = first(download, event(Layer.SESSION, "session relinked")).sequence();
    write(paintGraph(download, relinked, 860, 520), "after-relink-small-light");
    assertThat(OUT.resolve("after-relink-light.png")).exists();
  }

  @Test
  void theRelinkIsDrawnMidwayWithTheQueuedEventOnItsWayToTheDelegate() throws Exception {
    Files.createDirectories(OUT);
    long queued = first(download, event(Layer.DAEMON, "relaunch requested")).sequence();
    long delivered =
        first(download, event(Layer.DELEGATE, "didFinishDownloadingTo").and(e -> e.launch() == 2))
            .sequence();
    AtomicLong millis = new AtomicLong(1_000_000);
    BufferedImage[] frames = new BufferedImage[2];
    SwingUtilities.invokeAndWait(
        () -> {
          FlatLightLaf.setup();
          SceneViews views = new SceneViews(millis::get);
          views.appended(download);
          views.showAt(queued);
          views.settle();
          ComponentImages.render(views.graph(), 1280, 720);
          views.showAt(delivered);
          millis.addAndGet(450);
          frames[0] = ComponentImages.render(views.graph(), 1280, 720);
          views.settle();
          frames[1] = ComponentImages.render(views.graph(), 1280, 720);
        });
    write(frames[0], "relink-animating-light");

    assertThat(differingPixels(frames[0], frames[1])).isGreaterThan(1000);
  }

  private static int differingPixels(BufferedImage a, BufferedImage b) {
    int count = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          count++;
        }
      }
    }
    return count;
  }

  private static Map<String, Long> downloadMoments() {
    Map<String, Long> moments = new LinkedHashMap<>();
    TimelineEvent kill = first(download, killOf(1));
    moments.put("mid-download", kill.sequence() - 1);
    TimelineEvent queued = first(download, event(Layer.DAEMON, "event queued"));
    moments.put("after-kill", queued.sequence() - 4);
    moments.put("queued", first(download, event(Layer.DAEMON, "relaunch requested")).sequence());
    moments.put(
        "after-relink", first(download, event(Layer.SESSION, "session relinked")).sequence());
    TimelineEvent delivering =
        first(download, event(Layer.DELEGATE, "didCompleteWithError").and(e -> e.launch() == 2));
    moments.put("delivering", delivering.sequence());
    moments.put("end", download.get(download.size() - 1).sequence());
    return moments;
  }

  private static BufferedImage paint(List<TimelineEvent> story, long at, boolean dark)
      throws Exception {
    BufferedImage[] result = new BufferedImage[1];
    SwingUtilities.invokeAndWait(
        () -> {
          if (dark) {
            FlatDarkLaf.setup();
          } else {
            FlatLightLaf.setup();
          }
          SceneViews views = new SceneViews();
          views.appended(story);
          views.showAt(at);
          views.highlight(BACKGROUND, 1);
          views.settle();
          BufferedImage graph = ComponentImages.render(views.graph(), 1280, 720);
          BufferedImage table = ComponentImages.render(views.inspector(), 1280, 220);
          BufferedImage both = new BufferedImage(1280, 940, BufferedImage.TYPE_INT_RGB);
          Graphics2D g = both.createGraphics();
          g.drawImage(graph, 0, 0, null);
          g.drawImage(table, 0, 720, null);
          g.dispose();
          result[0] = both;
        });
    return result[0];
  }

  /** The graph alone at a size a window's centre may give it. */
  private static BufferedImage paintGraph(List<TimelineEvent> story, long at, int width, int height)
      throws Exception {
    BufferedImage[] result = new BufferedImage[1];
    SwingUtilities.invokeAndWait(
        () -> {
          FlatLightLaf.setup();
          SceneViews views = new SceneViews();
          views.appended(story);
          views.showAt(at);
          views.settle();
          result[0] = ComponentImages.render(views.graph(), width, height);
        });
    return result[0];
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }

  private static void write(BufferedImage image, String name) throws IOException {
    ImageIO.write(image, "png", OUT.resolve(name + ".png").toFile());
  }
}
