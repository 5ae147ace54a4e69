package lab.videofarm.app.screens;

import java.awt.GridLayout;
import java.io.IOException;
import java.nio.file.Path;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import lab.videofarm.app.VFMAPIClient;
import lab.videofarm.app.model.VFMRemoteVideo;

/**
 * The form to add a video: title, description, a thumbnail and a movie. "Add" prepares the video
 * (metadata and thumbnail), then uploads the movie in the background; progress shows under
 * Transfers.
 */
final class AddVideoView {
  private final VFMAPIClient client;
  private final JTextField title = new JTextField();
  private final JTextField description = new JTextField();
  private final JTextField thumbnail = new JTextField();
  private final JTextField movie = new JTextField();
  private final JLabel status = new JLabel(" ");
  private final JPanel panel = new JPanel(new GridLayout(0, 2, 4, 4));

  AddVideoView(VFMAPIClient client) {
    this.client = client;
    panel.add(new JLabel("Title"));
    panel.add(title);
    panel.add(new JLabel("Description"));
    panel.add(description);
    panel.add(chooseButton("Thumbnail…", thumbnail));
    panel.add(thumbnail);
    panel.add(chooseButton("Movie…", movie));
    panel.add(movie);
    JButton add = new JButton("Add");
    add.addActionListener(event -> addVideo());
    panel.add(add);
    panel.add(status);
  }

  JComponent component() {
    return panel;
  }

  private JButton chooseButton(String text, JTextField target) {
    JButton button = new JButton(text);
    button.addActionListener(event -> chooseFile(target));
    return button;
  }

  private void chooseFile(JTextField target) {
    JFileChooser chooser = new JFileChooser();
    if (chooser.showOpenDialog(panel) == JFileChooser.APPROVE_OPTION) {
      target.setText(chooser.getSelectedFile().getAbsolutePath());
    }
  }

  private void addVideo() {
    status.setText("preparing…");
    try {
      client.prepareVideo(
          title.getText(),
          Path.of(thumbnail.getText()),
          description.getText(),
          this::uploadMovie,
          error -> status.setText(VideoFarmScreens.problem(error)));
    } catch (RuntimeException e) {
      status.setText(VideoFarmScreens.problem(e));
    }
  }

  private void uploadMovie(VFMRemoteVideo video) {
    try {
      client.uploadVideo(Path.of(movie.getText()), "/videos/" + video.id() + "/movie");
      status.setText("uploading " + video.id());
    } catch (IOException | RuntimeException e) {
      status.setText(VideoFarmScreens.problem(e));
    }
  }
}
