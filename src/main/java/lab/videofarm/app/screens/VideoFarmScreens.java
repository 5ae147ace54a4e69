package lab.videofarm.app.screens;

import javax.swing.JComponent;
import javax.swing.JTabbedPane;
import lab.videofarm.app.NotImplementedYet;
import lab.videofarm.app.VFMAPIClient;
import lab.videofarm.app.notification.Notifications;

/**
 * The app's three screens in tabs: the video list, the transfers, and the form to add a video.
 * Build on the main (Swing) thread. Each screen changes only when a notification arrives; buttons
 * call the API client and wait for the notification that follows.
 */
public final class VideoFarmScreens {
  private final JTabbedPane root = new JTabbedPane();
  private final VideoListView list;

  public VideoFarmScreens(VFMAPIClient client, Notifications notifications) {
    VideoListView list = new VideoListView(client);
    TransfersView transfers = new TransfersView(client);
    AddVideoView add = new AddVideoView(client);
    notifications.register(list);
    list.catchUp();
    notifications.register(transfers);
    root.addTab("Videos", list.component());
    root.addTab("Transfers", transfers.component());
    root.addTab("Add video", add.component());
    this.list = list;
  }

  /** Asks the server for the list; it shows when VideosFetched arrives. */
  public void refresh() {
    list.refresh();
  }

  public JComponent root() {
    return root;
  }

  /**
   * What a screen says when an action went wrong: an exercise not written yet says so, with the
   * lesson to read; anything else is a failure.
   */
  static String problem(Exception e) {
    return e instanceof NotImplementedYet
        ? "not implemented yet: " + e.getMessage()
        : "failed: " + e.getMessage();
  }
}
