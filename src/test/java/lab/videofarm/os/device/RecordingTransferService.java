package lab.videofarm.os.device;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import lab.videofarm.os.AppState;
import lab.videofarm.os.transferd.DaemonConnection;
import lab.videofarm.os.transferd.DaemonEventSink;
import lab.videofarm.os.transferd.SessionSpec;
import lab.videofarm.os.transferd.TaskSnapshot;
import lab.videofarm.os.transferd.TransferService;

/** Stands in for the daemon where a test is only about the device: records what it is told. */
final class RecordingTransferService implements TransferService {
  final List<String> calls = new CopyOnWriteArrayList<>();
  volatile BackgroundRelauncher relauncher;

  /**
   * Runs inside {@link #appStateChanged} before the call is recorded; lets a test hold a report.
   */
  volatile Consumer<AppState> beforeRecording = state -> {};

  @Override
  public DaemonConnection connect(SessionSpec session, DaemonEventSink sink) {
    throw new UnsupportedOperationException("no sessions in device tests");
  }

  @Override
  public void appStateChanged(String bundleId, AppState state) {
    beforeRecording.accept(state);
    calls.add("appStateChanged " + bundleId + " " + state);
  }

  @Override
  public void userForceQuit(String bundleId) {
    calls.add("userForceQuit " + bundleId);
  }

  @Override
  public void setRelauncher(BackgroundRelauncher relauncher) {
    this.relauncher = relauncher;
  }

  @Override
  public List<TaskSnapshot> allTasks() {
    return List.of();
  }
}
