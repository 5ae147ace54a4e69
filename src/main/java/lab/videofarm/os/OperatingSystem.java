package lab.videofarm.os;

import java.nio.file.Path;
import lab.videofarm.os.clock.Clock;
import lab.videofarm.os.clock.SystemClock;
import lab.videofarm.os.device.Device;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.transferd.TransferDaemon;

/**
 * The whole simulated phone, wired once: clock, timeline, network conditioner, transfer daemon and
 * device, all kept under one data directory ({@code daemon/} for the daemon's journal and files,
 * {@code device/} for the app containers). Starting again on the same directory picks up where the
 * last run stopped.
 */
public final class OperatingSystem implements AutoCloseable {
  private final Clock clock;
  private final boolean ownsClock;
  private final Timeline timeline;
  private final NetworkConditioner network;
  private final TransferDaemon daemon;
  private final Device device;

  /** A phone on real time. */
  public static OperatingSystem start(Path dataDirectory) {
    return new OperatingSystem(dataDirectory, new SystemClock(), true);
  }

  /** A phone on the given clock (a {@code ManualClock} in tests); the caller keeps the clock. */
  public static OperatingSystem start(Path dataDirectory, Clock clock) {
    return new OperatingSystem(dataDirectory, clock, false);
  }

  private OperatingSystem(Path dataDirectory, Clock clock, boolean ownsClock) {
    this.clock = clock;
    this.ownsClock = ownsClock;
    this.timeline = new Timeline(clock);
    this.network = new NetworkConditioner(timeline);
    this.daemon = new TransferDaemon(dataDirectory.resolve("daemon"), network, clock, timeline);
    this.device = new Device(daemon, timeline, clock, dataDirectory.resolve("device"));
  }

  public Clock clock() {
    return clock;
  }

  public Timeline timeline() {
    return timeline;
  }

  public NetworkConditioner network() {
    return network;
  }

  public TransferDaemon transferDaemon() {
    return daemon;
  }

  public Device device() {
    return device;
  }

  /** Ends every app, then stops the daemon (its journal keeps the tasks for the next start). */
  @Override
  public void close() {
    device.close();
    daemon.close();
    if (ownsClock && clock instanceof SystemClock systemClock) {
      systemClock.close();
    }
  }
}
