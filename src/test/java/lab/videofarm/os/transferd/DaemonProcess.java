package lab.videofarm.os.transferd;

import java.net.URI;
import java.nio.file.Path;
import lab.videofarm.os.clock.SystemClock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;

/**
 * A daemon in a process of its own, for the restart test: starts one background download and prints
 * its progress ({@code WRITTEN n}) until it is killed.
 *
 * <p>Arguments: the state directory, the movie URL.
 */
public final class DaemonProcess {
  private DaemonProcess() {}

  public static void main(String[] args) throws Exception {
    Path state = Path.of(args[0]);
    URI url = URI.create(args[1]);
    SystemClock clock = new SystemClock();
    Timeline timeline = new Timeline(clock);
    TransferDaemon daemon =
        new TransferDaemon(state, new NetworkConditioner(timeline), clock, timeline);
    DaemonConnection session =
        daemon.connect(
            DaemonHarness.background(1),
            event -> {
              if (event instanceof TaskEvent.DidWriteData written) {
                System.out.println("WRITTEN " + written.totalBytesWritten());
                System.out.flush();
              }
            });
    long task = session.createTask(DaemonHarness.download(url));
    session.resume(task);
    System.out.println("TASK " + task);
    System.out.flush();
    Thread.currentThread().join();
  }
}
