package lab.videofarm.app.notification;

import com.google.common.eventbus.Subscribe;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Subscribes to every notification and remembers each, with whether it ran on the Swing thread. */
final class NotificationRecorder {
  private final List<Notification> received = new CopyOnWriteArrayList<>();
  private final List<Boolean> onEventDispatchThread = new CopyOnWriteArrayList<>();

  @Subscribe
  public void on(Notification notification) {
    onEventDispatchThread.add(javax.swing.SwingUtilities.isEventDispatchThread());
    received.add(notification);
  }

  List<Notification> received() {
    return List.copyOf(received);
  }

  List<Boolean> onEventDispatchThread() {
    return List.copyOf(onEventDispatchThread);
  }
}
