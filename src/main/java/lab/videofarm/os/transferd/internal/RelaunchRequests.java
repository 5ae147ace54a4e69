package lab.videofarm.os.transferd.internal;

import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import lab.videofarm.os.transferd.TaskKind;
import lab.videofarm.os.transferd.TransferService.BackgroundRelauncher;

/**
 * Asks the device to launch (or wake) an app whose background task finished while it was not
 * running, once per batch of events: the session's queue then ends with
 * DidFinishEventsForBackgroundSession. The device is called on a thread of its own ({@code
 * transferd-relaunch}), outside the daemon's lock, so it may connect back into the daemon. State is
 * guarded by the daemon's lock.
 */
final class RelaunchRequests implements AutoCloseable {
  private final AppStates apps;
  private final DaemonLog log;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(Mailbox.named("transferd-relaunch-"));
  private BackgroundRelauncher relauncher;

  RelaunchRequests(AppStates apps, DaemonLog log) {
    this.apps = apps;
    this.log = log;
  }

  /**
   * Plugs the device in, and passes on the relaunches asked for before anyone could hear them (a
   * restored journal, or tasks that finished before the device plugged in).
   */
  void setRelauncher(BackgroundRelauncher relauncher, Collection<SessionChannel> sessions) {
    this.relauncher = relauncher;
    if (relauncher == null) {
      return;
    }
    for (SessionChannel channel : sessions) {
      if (channel.relaunchRequested && !Mailbox.attached(channel) && !channel.queue.isEmpty()) {
        relaunch(relauncher, channel);
      }
    }
  }

  /** The task completed: relaunch its app for the events, if rule 12 says so. */
  void maybeRequest(TaskRecord task) {
    SessionChannel channel = task.session;
    if (!channel.key.isBackground()
        || task.forceQuit
        || task.spec.kind() == TaskKind.DATA
        || channel.spec == null
        || !channel.spec.sessionSendsLaunchEvents()
        || channel.relaunchRequested) {
      return;
    }
    String bundle = channel.key.bundleId();
    boolean attached = Mailbox.attached(channel);
    if (attached && !apps.suspended(bundle)) {
      return;
    }
    channel.relaunchRequested = true;
    apps.relaunched(bundle);
    log.session(
        channel,
        task.id,
        "relaunch requested",
        attached ? "wake " + bundle : "launch " + bundle + " in the background");
    if (relauncher != null) {
      relaunch(relauncher, channel);
    }
  }

  private void relaunch(BackgroundRelauncher target, SessionChannel channel) {
    String bundle = channel.key.bundleId();
    String identifier = channel.key.identifier();
    thread.execute(() -> target.relaunchForEvents(bundle, identifier));
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
