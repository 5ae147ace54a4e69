package lab.videofarm.ui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.ui.scene.SceneViews;
import org.assertj.swing.edt.GuiActionRunner;

/**
 * Renders the window at a lesson's moment into {@code <folder>/<lesson>/<name>}: the timeline row
 * of the moment selected (which scrubs the graph and the inspector back to it), animations settled.
 * Only stable handles are used: component names, the timeline, the scene views.
 */
final class LessonPictures {
  private final WindowDriver driver;
  private final Path folder;
  private final Path scratch;
  private final List<String> rendered = new ArrayList<>();

  /** Renders into {@code folder}; thumbnails made on the way go to {@code scratch}. */
  LessonPictures(WindowDriver driver, Path folder, Path scratch) {
    this.driver = driver;
    this.folder = folder;
    this.scratch = scratch;
  }

  /** {@code lessons/} with {@code -Dpictures=lessons}; {@code target/lesson-pictures} otherwise. */
  static Path outputFolder() {
    String chosen = System.getProperty("pictures", "");
    return Path.of(chosen.isBlank() ? "target/lesson-pictures" : chosen);
  }

  Path folder() {
    return folder;
  }

  /** The pictures rendered so far, as {@code lesson/name}. */
  List<String> rendered() {
    return List.copyOf(rendered);
  }

  /** Selects {@code moment}'s row, settles the views, renders, then follows the timeline again. */
  void render(String lesson, String name, TimelineEvent moment) throws IOException {
    BufferedImage image =
        GuiActionRunner.execute(
            () -> {
              showMoment(moment);
              BufferedImage rendered = paint(driver.window.getRootPane());
              driver.window.timeline().setFollowing(true);
              return rendered;
            });
    write(lesson, name, image);
  }

  /**
   * Renders only the component named {@code component} at {@code moment}, laid out at {@code size}
   * for the picture only (wide enough that none of its text is cut).
   */
  void renderPanel(
      String lesson, String name, String component, Dimension size, TimelineEvent moment)
      throws IOException {
    BufferedImage image =
        GuiActionRunner.execute(
            () -> {
              showMoment(moment);
              Container panel = (Container) WindowDriver.find(driver.window, component);
              java.awt.Rectangle bounds = panel.getBounds();
              panel.setSize(size);
              panel.validate();
              BufferedImage rendered = paint(panel);
              panel.setBounds(bounds);
              panel.validate();
              driver.window.timeline().setFollowing(true);
              return rendered;
            });
    write(lesson, name, image);
  }

  /** Swing thread only. */
  private void showMoment(TimelineEvent moment) {
    driver.window.timeline().select(moment.sequence());
    showRowsLeadingTo(driver.window.timeline().table());
    settle();
    driver.window.getRootPane().validate();
  }

  private static BufferedImage paint(Container root) {
    BufferedImage rendered =
        new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = rendered.createGraphics();
    root.paintAll(g);
    g.dispose();
    return rendered;
  }

  /** Writes the picture whole or not at all. */
  private void write(String lesson, String name, BufferedImage image) throws IOException {
    Path file = folder.resolve(lesson).resolve(name);
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(name + ".part");
    ImageIO.write(image, "png", partial.toFile());
    Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    rendered.add(lesson + "/" + name);
  }

  /** Scrolls the selected row near the bottom, so the rows above show what led to it. */
  private static void showRowsLeadingTo(javax.swing.JTable table) {
    int row = table.getSelectedRow();
    if (row < 0) {
      return;
    }
    table.scrollRectToVisible(table.getCellRect(0, 0, true));
    int below = Math.min(row + 2, table.getRowCount() - 1);
    table.scrollRectToVisible(table.getCellRect(below, 0, true));
  }

  /** Ends the graph's animations and shows every event appended so far. Swing thread only. */
  private void settle() {
    for (Field field : LabWindow.class.getDeclaredFields()) {
      if (SceneView.class.isAssignableFrom(field.getType())) {
        try {
          field.setAccessible(true);
          if (field.get(driver.window) instanceof SceneViews views) {
            views.settle();
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot settle the scene views", e);
        }
      }
    }
  }

  /** Shows the app's tab titled {@code title}, if the app shows one. */
  void showAppTab(String title) {
    GuiActionRunner.execute(
        () -> {
          Component app = WindowDriver.find(driver.window, "phone.app");
          JTabbedPane tabs = app instanceof Container holder ? firstTabs(holder) : null;
          if (tabs != null && tabs.indexOfTab(title) >= 0) {
            tabs.setSelectedIndex(tabs.indexOfTab(title));
          }
        });
  }

  private static JTabbedPane firstTabs(Container root) {
    for (Component child : root.getComponents()) {
      if (child instanceof JTabbedPane tabs) {
        return tabs;
      }
      if (child instanceof Container container) {
        JTabbedPane found = firstTabs(container);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The last row the timeline shows now that matches. */
  TimelineEvent lastRow(java.util.function.Predicate<TimelineEvent> matching) {
    return GuiActionRunner.execute(
        () -> driver.rows().stream().filter(matching).reduce((a, b) -> b).orElseThrow());
  }

  /** The sequence of the last row the timeline shows now. */
  long lastSequence() {
    return GuiActionRunner.execute(
        () -> {
          List<TimelineEvent> rows = driver.rows();
          return rows.isEmpty() ? -1 : rows.get(rows.size() - 1).sequence();
        });
  }

  /** Prepares a video with a thumbnail through the app; returns its id. */
  String prepare(String title) throws Exception {
    return (String) driver.command("prepareVideo", title, thumbnail(title).toString(), "a lesson");
  }

  /** A small picture to send as a video's thumbnail. */
  Path thumbnail(String title) throws IOException {
    BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 160; x++) {
      for (int y = 0; y < 90; y++) {
        image.setRGB(x, y, (y * 255 / 90) << 16 | (x * 255 / 160) << 8 | 0x40);
      }
    }
    Path thumbnail = scratch.resolve(title + ".png");
    ImageIO.write(image, "png", thumbnail.toFile());
    return thumbnail;
  }

  /**
   * Fills the app's add-video form (title, description, thumbnail, movie, in the order it shows
   * them) and presses Add, as a user would.
   */
  void addVideoWithTheForm(String title, String description, Path thumbnail, Path movie) {
    GuiActionRunner.execute(
        () -> {
          Container app = (Container) WindowDriver.find(driver.window, "phone.app");
          JTabbedPane tabs = firstTabs(app);
          Container form = (Container) tabs.getComponentAt(tabs.indexOfTab("Add video"));
          List<JTextField> fields = new ArrayList<>();
          JButton add = null;
          for (Component child : form.getComponents()) {
            if (child instanceof JTextField field) {
              fields.add(field);
            } else if (child instanceof JButton button && button.getText().equals("Add")) {
              add = button;
            }
          }
          fields.get(0).setText(title);
          fields.get(1).setText(description);
          fields.get(2).setText(thumbnail.toString());
          fields.get(3).setText(movie.toString());
          add.doClick();
        });
  }

  /** A movie of {@code size} random bytes in the app's Documents, where uploads come from. */
  Path movieFile(String title, int size) throws IOException {
    byte[] movie = new byte[size];
    new Random(title.hashCode()).nextBytes(movie);
    Path file =
        driver.runtime.device().containerDirectory(LabRuntime.APP).resolve("Documents/" + title);
    Files.createDirectories(file.getParent());
    Files.write(file, movie);
    return file;
  }

  /** Writes every row the timeline shows, one a line: what a scenario's rows look like. */
  void dumpTimeline(Path file) throws IOException {
    List<String> lines =
        GuiActionRunner.execute(
            () ->
                driver.rows().stream()
                    .map(
                        e ->
                            e.sequence()
                                + " L"
                                + e.launch()
                                + " "
                                + e.layer()
                                + " "
                                + e.sessionId()
                                + " #"
                                + e.taskId()
                                + " "
                                + e.what()
                                + " | "
                                + e.detail())
                    .toList());
    Files.createDirectories(file.getParent());
    Files.write(file, lines);
  }
}
