package lab.videofarm.app.screens;

import com.google.common.eventbus.Subscribe;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Image;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import lab.videofarm.app.VFMAPIClient;
import lab.videofarm.app.model.DownloadState;
import lab.videofarm.app.model.VFMRemoteVideo;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.notification.VideoDownloadFinished;
import lab.videofarm.app.notification.VideosFetched;

/** The server's videos, with the thumbnail of each one already downloaded. */
final class VideoListView {
  private final VFMAPIClient client;
  private final DefaultListModel<VFMRemoteVideo> videos = new DefaultListModel<>();
  private final JList<VFMRemoteVideo> list = new JList<>(videos);
  private final Map<String, Path> thumbnails = new HashMap<>();
  private final Set<String> downloaded = new HashSet<>();
  private final JPanel panel = new JPanel(new BorderLayout());
  private final JLabel status = new JLabel(" ");

  VideoListView(VFMAPIClient client) {
    this.client = client;
    list.setCellRenderer(new VideoRenderer());
    JButton refresh = new JButton("Refresh");
    refresh.addActionListener(event -> refresh());
    JButton download = new JButton("Download");
    download.addActionListener(event -> downloadSelected());
    JPanel buttons = new JPanel();
    buttons.add(refresh);
    buttons.add(download);
    buttons.add(status);
    panel.add(new JScrollPane(list), BorderLayout.CENTER);
    panel.add(buttons, BorderLayout.SOUTH);
  }

  /**
   * Takes in the downloads the client already holds. Call it after subscribing: a relaunch in the
   * background can finish a download before these screens exist, and one that finishes between
   * reading the client and subscribing would otherwise be missed.
   */
  void catchUp() {
    client.downloads().forEach(this::remember);
    list.repaint();
  }

  JComponent component() {
    return panel;
  }

  void refresh() {
    try {
      client.fetchVideos(
          list -> status.setText(" "), error -> status.setText(VideoFarmScreens.problem(error)));
    } catch (RuntimeException e) {
      status.setText(VideoFarmScreens.problem(e));
    }
  }

  private void downloadSelected() {
    VFMRemoteVideo selected = list.getSelectedValue();
    if (selected != null && selected.isMovieReady()) {
      try {
        client.downloadMovieAndThumbnail(selected);
        status.setText("downloading " + selected.title());
      } catch (RuntimeException e) {
        status.setText(VideoFarmScreens.problem(e));
      }
    }
  }

  @Subscribe
  public void videosFetched(VideosFetched fetched) {
    videos.clear();
    fetched.videos().forEach(videos::addElement);
  }

  @Subscribe
  public void downloadFinished(VideoDownloadFinished finished) {
    remember(finished.download());
    list.repaint();
  }

  private void remember(VFMVideoDownload download) {
    if (download.state() != DownloadState.FINISHED) {
      return;
    }
    downloaded.add(download.video().id());
    if (download.thumbnailFile() != null) {
      thumbnails.put(download.video().id(), download.thumbnailFile());
    }
  }

  /** Title, movie status, and the thumbnail once it is on the device. */
  private final class VideoRenderer extends DefaultListCellRenderer {
    @Override
    public Component getListCellRendererComponent(
        JList<?> owner, Object value, int index, boolean selected, boolean focused) {
      VFMRemoteVideo video = (VFMRemoteVideo) value;
      JLabel label =
          (JLabel) super.getListCellRendererComponent(owner, text(video), index, selected, focused);
      Path thumbnail = thumbnails.get(video.id());
      label.setIcon(thumbnail == null ? null : icon(thumbnail));
      return label;
    }

    private String text(VFMRemoteVideo video) {
      String mark = downloaded.contains(video.id()) ? " · downloaded" : "";
      return video.title() + " (" + video.movieStatus() + ")" + mark;
    }

    private ImageIcon icon(Path thumbnail) {
      Image image = new ImageIcon(thumbnail.toString()).getImage();
      return new ImageIcon(image.getScaledInstance(64, 36, Image.SCALE_SMOOTH));
    }
  }
}
