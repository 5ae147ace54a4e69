package lab.videofarm.os.transferd;

import java.net.URI;
import java.nio.file.Path;
import lab.videofarm.os.clock.SystemClock;
import lab.videofarm.os.net.NetworkConditioner;
import lab.videofarm.os.timeline.Timeline;

/**
 * A daemon in a process of its own, for the kill -9 loop: on a fresh state directory it creates the
 * transfers it is given in a background session and lets the app go (the events queue for the next
 * launch); on a state directory that has tasks it only reopens the journal, so the daemon carries
 * on where the killed process stopped. Prints {@code READY} once the journal is loaded and {@code
 * CREATED} once every task is resumed.
 *
 * <p>Arguments: the state directory, then {@code download <url>} or {@code upload <url> <file>} for
 * each transfer.
 */
public final class KillLoopProcess {
  private KillLoopProcess() {}

  public static void main(String[] args) throws Exception {
    Path state = Path.of(args[0]);
    SystemClock clock = new SystemClock();
    Timeline timeline = new Timeline(clock);
    TransferDaemon daemon =
        new TransferDaemon(state, new NetworkConditioner(timeline), clock, timeline);
    System.out.println("READY");
    System.out.flush();
    if (daemon.allTasks().isEmpty()) {
      DaemonConnection session = daemon.connect(DaemonHarness.background(1), event -> {});
      for (int i = 1; i < args.length; i++) {
        URI url = URI.create(args[i + 1]);
        TaskSpec spec =
            args[i].equals("download")
                ? DaemonHarness.download(url)
                : DaemonHarness.uploadFile(url, Path.of(args[i + 2]));
        i += args[i].equals("download") ? 1 : 2;
        session.resume(session.createTask(spec));
      }
      session.close();
      System.out.println("CREATED");
      System.out.flush();
    }
    Thread.currentThread().join();
  }
}
