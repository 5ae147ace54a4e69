package lab.videofarm.app.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.JButton;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import lab.videofarm.app.model.MovieStatus;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.app.model.VFMVideo;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.notification.VideoDownloadFinished;
import lab.videofarm.app.notification.VideoDownloadPaused;
import lab.videofarm.app.notification.VideoDownloadProgressed;
import org.junit.jupiter.api.Test;

/** A transfer's row offers the button its state allows and shows how far it got. */
class TransfersViewTest {
  private static final VFMVideoDownload HALF =
      VFMVideoDownload.starting(
              new VFMRemoteVideo(
                  "v1",
                  new VFMVideo("Lambs", "", null),
                  URI.create("http://127.0.0.1:9/videos/v1/movie"),
                  MovieStatus.READY,
                  1000,
                  Instant.EPOCH),
              1,
              2)
          .withProgress(500, 1000);

  @Test
  void aRunningDownloadCanBePausedButNotResumed() throws Exception {
    List<Boolean> enabled =
        buttonsAfter(view -> view.downloadProgressed(new VideoDownloadProgressed("s", 1, HALF)));

    assertThat(enabled).containsExactly(true, false);
  }

  @Test
  void aPausedDownloadCanBeResumedButNotPaused() throws Exception {
    List<Boolean> enabled =
        buttonsAfter(view -> view.downloadPaused(new VideoDownloadPaused("s", 1, HALF)));

    assertThat(enabled).containsExactly(false, true);
  }

  @Test
  void aFinishedDownloadOffersNeitherButton() throws Exception {
    List<Boolean> enabled =
        buttonsAfter(view -> view.downloadFinished(new VideoDownloadFinished("s", 1, HALF)));

    assertThat(enabled).containsExactly(false, false);
  }

  @Test
  void theBarSaysHowFarTheTransferGot() throws Exception {
    String[] shown = new String[1];
    SwingUtilities.invokeAndWait(
        () -> {
          TransfersView view = new TransfersView(null);
          view.downloadProgressed(new VideoDownloadProgressed("s", 1, HALF));
          shown[0] = find(view.component(), JProgressBar.class).get(0).getString();
        });

    assertThat(shown[0]).isEqualTo("50 %");
  }

  /** Whether Pause and Resume are enabled after {@code notification}. */
  private static List<Boolean> buttonsAfter(Consumer<TransfersView> notification) throws Exception {
    List<Boolean> enabled = new ArrayList<>();
    SwingUtilities.invokeAndWait(
        () -> {
          TransfersView view = new TransfersView(null);
          notification.accept(view);
          for (JButton button : find(view.component(), JButton.class)) {
            if (List.of("Pause", "Resume").contains(button.getText())) {
              enabled.add(button.isEnabled());
            }
          }
        });
    return enabled;
  }

  private static <T> List<T> find(Component root, Class<T> type) {
    List<T> found = new ArrayList<>();
    if (type.isInstance(root)) {
      found.add(type.cast(root));
    }
    if (root instanceof Container container) {
      for (Component child : container.getComponents()) {
        found.addAll(find(child, type));
      }
    }
    return found;
  }
}
