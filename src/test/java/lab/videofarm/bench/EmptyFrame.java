package lab.videofarm.bench;

import java.lang.management.ManagementFactory;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * The baseline of {@link StartupBench}: a bare JVM showing an empty frame, reporting in the same
 * words as the lab's window how long after the JVM's start it was shown.
 */
public final class EmptyFrame {
  private EmptyFrame() {}

  public static void main(String[] args) {
    SwingUtilities.invokeLater(
        () -> {
          JFrame frame = new JFrame("empty");
          frame.setSize(1600, 1000);
          frame.setVisible(true);
          long started = ManagementFactory.getRuntimeMXBean().getStartTime();
          System.out.println(
              "window shown " + (System.currentTimeMillis() - started) + " ms after start");
        });
  }
}
