package lab.videofarm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Component;
import java.awt.Container;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.SwingUtilities;
import lab.videofarm.app.archive.AppArchives;
import lab.videofarm.app.archive.SavedState;
import lab.videofarm.app.model.DownloadState;
import lab.videofarm.app.model.MovieStatus;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.app.model.VFMVideo;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.notification.Notifications;
import lab.videofarm.app.notification.VideoDownloadProgressed;
import lab.videofarm.app.notification.VideosFetched;
import lab.videofarm.app.screens.VideoFarmScreens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's screens build on the Swing thread and change when notifications arrive. */
class ScreensSmokeTest {
  @TempDir Path container;

  @Test
  void theScreensShowWhatTheNotificationsSay() throws Exception {
    try (RecordingApplication application = new RecordingApplication(container)) {
      Notifications notifications = new Notifications(application, application.clock());
      VFMAPIClient client =
          VFMAPIClient.start(
              application,
              URI.create("http://127.0.0.1:9/"),
              notifications,
              new AppArchives(application, application.clock()),
              new SavedState(Optional.empty(), Map.of(), Map.of(), List.of()));
      AtomicReference<JComponent> root = new AtomicReference<>();
      SwingUtilities.invokeAndWait(
          () -> root.set(new VideoFarmScreens(client, notifications).root()));
      VFMRemoteVideo video =
          new VFMRemoteVideo(
              "v1",
              new VFMVideo("Lambs", "", null),
              URI.create("http://127.0.0.1:9/videos/v1/movie"),
              MovieStatus.READY,
              100,
              null);

      notifications.post(new VideosFetched(List.of(video)));
      notifications.post(
          new VideoDownloadProgressed(
              "s", 7, VFMVideoDownload.starting(video, 7, 8).withProgress(50, 100)));

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  SwingUtilities.invokeAndWait(
                      () -> {
                        assertThat(listSize(root.get())).isEqualTo(1);
                        assertThat(labels(root.get())).anyMatch(text -> text.contains("Lambs"));
                      }));
      notifications.close();
    }
  }

  @Test
  void aDownloadThatFinishedBeforeTheScreensWereBuiltIsListedAsDownloadedWithItsThumbnail()
      throws Exception {
    try (RecordingApplication application = new RecordingApplication(container)) {
      Path thumbnail = container.resolve("thumbnail.png");
      ImageIO.write(
          new BufferedImage(16, 9, BufferedImage.TYPE_INT_RGB), "png", thumbnail.toFile());
      VFMRemoteVideo video =
          new VFMRemoteVideo(
              "v1",
              new VFMVideo("Lambs", "", null),
              URI.create("http://127.0.0.1:9/videos/v1/movie"),
              MovieStatus.READY,
              100,
              null);
      VFMVideoDownload finished =
          VFMVideoDownload.starting(video, 7, 8)
              .withThumbnailFile(thumbnail)
              .withState(DownloadState.FINISHED);
      Notifications notifications = new Notifications(application, application.clock());
      VFMAPIClient client =
          VFMAPIClient.start(
              application,
              URI.create("http://127.0.0.1:9/"),
              notifications,
              new AppArchives(application, application.clock()),
              new SavedState(Optional.empty(), Map.of(), Map.of(7L, finished), List.of()));
      AtomicReference<JComponent> root = new AtomicReference<>();
      SwingUtilities.invokeAndWait(
          () -> root.set(new VideoFarmScreens(client, notifications).root()));

      notifications.post(new VideosFetched(List.of(video)));

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  SwingUtilities.invokeAndWait(
                      () -> {
                        JLabel cell = firstCell(root.get());
                        assertThat(cell.getText()).contains("Lambs").contains("downloaded");
                        assertThat(cell.getIcon()).isNotNull();
                      }));
      notifications.close();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static JLabel firstCell(Component root) {
    JList list =
        (JList)
            components(root).stream()
                .filter(JList.class::isInstance)
                .filter(found -> ((JList<?>) found).getModel().getSize() > 0)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no video listed yet"));
    return (JLabel)
        list.getCellRenderer()
            .getListCellRendererComponent(list, list.getModel().getElementAt(0), 0, false, false);
  }

  private static int listSize(Component root) {
    return components(root).stream()
        .filter(JList.class::isInstance)
        .mapToInt(list -> ((JList<?>) list).getModel().getSize())
        .sum();
  }

  private static List<String> labels(Component root) {
    return components(root).stream()
        .filter(JLabel.class::isInstance)
        .map(label -> String.valueOf(((JLabel) label).getText()))
        .toList();
  }

  private static List<Component> components(Component root) {
    List<Component> all = new ArrayList<>(List.of(root));
    if (root instanceof Container container) {
      for (Component child : container.getComponents()) {
        all.addAll(components(child));
      }
    }
    return all;
  }
}
