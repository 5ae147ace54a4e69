package lab.videofarm;

import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import lab.videofarm.ui.Appearance;
import lab.videofarm.ui.LabRuntime;
import lab.videofarm.ui.LabWindow;
import lab.videofarm.ui.WindowPrefs;

/**
 * Starts VideoFarm Lab: the instructor's window, on the embedded sample server (data in {@code
 * videofarm-data/} under the working directory, seeded with sample videos on first use). The window
 * shows first; the server and the phone start behind it, and the window says when they are up.
 */
public final class VideoFarmLab {
  private VideoFarmLab() {}

  public static void main(String[] args) {
    // The server's and the HTTP client's own logging would only repeat the timeline.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Path data = Path.of("videofarm-data");
    SwingUtilities.invokeLater(
        () -> {
          WindowPrefs prefs = WindowPrefs.forUser();
          Appearance appearance = new Appearance(prefs);
          appearance.install();
          LabWindow window = new LabWindow(prefs, appearance);
          window.pack();
          window.restoreLayout();
          window.addWindowListener(new ExitWhenClosed());
          Thread.setDefaultUncaughtExceptionHandler(window::uncaught);
          window.setVisible(true);
          reportTimeToWindow();
          window.start(() -> LabRuntime.start(data));
        });
  }

  /** How long from the JVM's start until the window was shown: it should be under 2 s. */
  private static void reportTimeToWindow() {
    long started = ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(
        "VideoFarm Lab: window shown "
            + (System.currentTimeMillis() - started)
            + " ms after start");
  }

  /** Closing the window ends the program once the phone and the server have stopped. */
  private static final class ExitWhenClosed extends WindowAdapter {
    @Override
    public void windowClosed(WindowEvent event) {
      Thread exit =
          new Thread(
              () -> {
                try {
                  ((LabWindow) event.getWindow()).awaitStopped(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                System.exit(0);
              },
              "videofarm-exit");
      exit.start();
    }
  }
}
