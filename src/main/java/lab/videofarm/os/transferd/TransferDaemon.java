package lab.videofarm.os.transferd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import lab.videofarm.os.AppState;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.transferd.internal.DaemonCore;
import lab.videofarm.os.transferd.internal.Journal;

/**
 * The simulated nsurlsessiond: owns every task of every session, performs the HTTP itself on its
 * own worker threads, writes downloads into files it owns, and queues events per background
 * identifier while no app process is attached, relaunching the app when its tasks finish.
 *
 * <p>A transfer's steps read top to bottom in {@code internal.TransferCall#execute}; the threads,
 * queues and locks are described once in {@code internal.DaemonCore}; the on-disk journal in {@link
 * Journal}; the resume-data format in {@code internal.ResumeData}.
 *
 * <p>Everything the daemon keeps lives in {@code stateDirectory}: the journal and a {@code
 * downloads} folder of partial and finished download files. A new daemon on the same directory
 * (after the JVM died) picks up the background tasks and queued events, continuing running
 * downloads with a Range request from their partial files.
 */
public final class TransferDaemon implements TransferService, AutoCloseable {
  private final DaemonCore core;

  /**
   * Starts a daemon on {@code stateDirectory}, resuming whatever a previous daemon left there.
   *
   * @throws UncheckedIOException when the directory cannot be used
   */
  public TransferDaemon(
      Path stateDirectory, NetworkConditioner network, Clock clock, Timeline timeline) {
    try {
      this.core =
          new DaemonCore(stateDirectory, network, clock, timeline, new Journal(stateDirectory));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public DaemonConnection connect(SessionSpec session, DaemonEventSink sink)
      throws SessionInUseException {
    return core.connect(session, sink);
  }

  @Override
  public void appStateChanged(String bundleId, AppState state) {
    core.appStateChanged(bundleId, state);
  }

  @Override
  public void userForceQuit(String bundleId) {
    core.userForceQuit(bundleId);
  }

  @Override
  public void setRelauncher(BackgroundRelauncher relauncher) {
    core.setRelauncher(relauncher);
  }

  @Override
  public List<TaskSnapshot> allTasks() {
    return core.allTasks();
  }

  /**
   * Stops every transfer without completing it and lets go of the network; the journal keeps the
   * tasks for the next daemon on the same directory.
   */
  @Override
  public void close() {
    core.close();
  }
}
