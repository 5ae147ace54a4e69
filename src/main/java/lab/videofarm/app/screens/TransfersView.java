package lab.videofarm.app.screens;

import com.google.common.eventbus.Subscribe;
import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import lab.videofarm.app.VFMAPIClient;
import lab.videofarm.app.model.VFMVideoDownload;
import lab.videofarm.app.model.VFMVideoUpload;
import lab.videofarm.app.notification.VideoDownloadFailed;
import lab.videofarm.app.notification.VideoDownloadFinished;
import lab.videofarm.app.notification.VideoDownloadPaused;
import lab.videofarm.app.notification.VideoDownloadProgressed;
import lab.videofarm.app.notification.VideoDownloadResumed;
import lab.videofarm.app.notification.VideoUploadFailed;
import lab.videofarm.app.notification.VideoUploadFinished;
import lab.videofarm.app.notification.VideoUploadProgressed;
import lab.videofarm.app.notification.VideoUploadResumed;
import lab.videofarm.app.notification.VideoUploadSuspended;

/** One row per transfer: what it is, a progress bar, and pause and resume buttons. */
final class TransfersView {
  private final VFMAPIClient client;
  private final JPanel rows = new JPanel(new GridLayout(0, 1));
  private final JPanel panel = new JPanel(new BorderLayout());
  private final Map<String, Row> byTransfer = new LinkedHashMap<>();

  TransfersView(VFMAPIClient client) {
    this.client = client;
    panel.add(new JScrollPane(rows), BorderLayout.NORTH);
  }

  JComponent component() {
    return panel;
  }

  @Subscribe
  public void downloadProgressed(VideoDownloadProgressed progressed) {
    showDownload(progressed.download(), "downloading", Controls.PAUSE);
  }

  @Subscribe
  public void downloadPaused(VideoDownloadPaused paused) {
    showDownload(paused.download(), "paused", Controls.RESUME);
  }

  @Subscribe
  public void downloadResumed(VideoDownloadResumed resumed) {
    showDownload(resumed.download(), "resumed", Controls.PAUSE);
  }

  @Subscribe
  public void downloadFinished(VideoDownloadFinished finished) {
    showDownload(finished.download(), "finished", Controls.NONE);
  }

  @Subscribe
  public void downloadFailed(VideoDownloadFailed failed) {
    showDownload(failed.download(), "failed: " + failed.reason(), Controls.RESUME);
  }

  @Subscribe
  public void uploadProgressed(VideoUploadProgressed progressed) {
    showUpload(progressed.upload(), "uploading", Controls.PAUSE);
  }

  @Subscribe
  public void uploadSuspended(VideoUploadSuspended suspended) {
    showUpload(suspended.upload(), "suspended", Controls.RESUME);
  }

  @Subscribe
  public void uploadResumed(VideoUploadResumed resumed) {
    showUpload(resumed.upload(), "resumed", Controls.PAUSE);
  }

  @Subscribe
  public void uploadFinished(VideoUploadFinished finished) {
    showUpload(finished.upload(), "finished", Controls.NONE);
  }

  @Subscribe
  public void uploadFailed(VideoUploadFailed failed) {
    showUpload(failed.upload(), "failed: " + failed.reason(), Controls.RESUME);
  }

  private void showDownload(VFMVideoDownload download, String status, Controls controls) {
    String videoId = download.video().id();
    Row row =
        row(
            "download " + videoId,
            () -> client.video(videoId).ifPresent(client::pauseDownloads),
            () -> client.video(videoId).ifPresent(client::resumeDownloads));
    row.show(download.video().title() + " ↓ " + status, download.fractionCompleted(), controls);
  }

  private void showUpload(VFMVideoUpload upload, String status, Controls controls) {
    String videoId = upload.videoId();
    Row row =
        row(
            "upload " + videoId,
            () -> client.suspendUpload(videoId),
            () -> client.resumeUpload(videoId));
    row.show(upload.video().title() + " ↑ " + status, upload.fractionCompleted(), controls);
  }

  private Row row(String key, Runnable pause, Runnable resume) {
    return byTransfer.computeIfAbsent(
        key,
        unused -> {
          Row row = new Row(pause, resume);
          rows.add(row.panel);
          rows.revalidate();
          return row;
        });
  }

  /** Which button a transfer's state offers: a running one can pause, a stopped one resume. */
  private enum Controls {
    PAUSE,
    RESUME,
    NONE
  }

  /** A transfer's label, progress bar and buttons. */
  private static final class Row {
    final JPanel panel = new JPanel(new BorderLayout());
    final JLabel label = new JLabel();
    final JProgressBar bar = new JProgressBar(0, 1000);
    final JButton pauseButton = new JButton("Pause");
    final JButton resumeButton = new JButton("Resume");

    Row(Runnable pause, Runnable resume) {
      bar.setStringPainted(true);
      pauseButton.addActionListener(event -> press(pause));
      resumeButton.addActionListener(event -> press(resume));
      JPanel buttons = new JPanel();
      buttons.add(pauseButton);
      buttons.add(resumeButton);
      panel.add(label, BorderLayout.NORTH);
      panel.add(bar, BorderLayout.CENTER);
      panel.add(buttons, BorderLayout.EAST);
    }

    /** Runs a button's action; if it cannot, the row says why instead of the app crashing. */
    private void press(Runnable action) {
      try {
        action.run();
      } catch (RuntimeException e) {
        label.setText(VideoFarmScreens.problem(e));
      }
    }

    void show(String text, double fraction, Controls controls) {
      label.setText(text);
      bar.setIndeterminate(fraction < 0);
      bar.setValue(fraction < 0 ? 0 : (int) (fraction * 1000));
      bar.setString(fraction < 0 ? "" : Math.round(fraction * 100) + " %");
      pauseButton.setEnabled(controls == Controls.PAUSE);
      resumeButton.setEnabled(controls == Controls.RESUME);
    }
  }
}
