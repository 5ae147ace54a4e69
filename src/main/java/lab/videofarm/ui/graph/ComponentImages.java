package lab.videofarm.ui.graph;

import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;

/**
 * Paints a Swing component into an image at a given size, whether or not it is on screen: how the
 * graph and the inspector are turned into the PNGs of the documentation.
 */
public final class ComponentImages {
  private ComponentImages() {}

  /** {@code component} laid out and painted at {@code width} x {@code height}. */
  public static BufferedImage render(JComponent component, int width, int height) {
    component.setSize(width, height);
    layout(component);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(component.getBackground());
      g.fillRect(0, 0, width, height);
      component.printAll(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void layout(Component component) {
    if (component instanceof Container container) {
      container.doLayout();
      for (Component child : container.getComponents()) {
        layout(child);
      }
    }
  }
}
