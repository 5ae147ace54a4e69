package lab.videofarm.ui.phone;

import com.formdev.flatlaf.util.UIScale;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JPanel;

/**
 * A phone's body drawn around a screen: a dark rounded case, a speaker notch, and the screen inset
 * in it, sized like a phone held upright and scaled with the UI (presentation mode).
 */
final class PhoneBezel extends JPanel {
  private static final int SCREEN_WIDTH = 340;
  private static final int SCREEN_HEIGHT = 640;
  private static final int RIM = 12;
  private static final int TOP = 30;
  private static final Color CASE = new Color(0x1C1C1E);
  private static final Color EDGE = new Color(0x5A5A60);

  PhoneBezel(JComponent screen) {
    super(new BorderLayout());
    setOpaque(false);
    add(screen, BorderLayout.CENTER);
    updateBorder();
  }

  private void updateBorder() {
    setBorder(
        BorderFactory.createEmptyBorder(
            UIScale.scale(TOP), UIScale.scale(RIM), UIScale.scale(TOP), UIScale.scale(RIM)));
  }

  @Override
  public void updateUI() {
    super.updateUI();
    if (getComponentCount() > 0) {
      updateBorder();
    }
  }

  @Override
  public Dimension getPreferredSize() {
    return new Dimension(
        UIScale.scale(SCREEN_WIDTH + 2 * RIM), UIScale.scale(SCREEN_HEIGHT + 2 * TOP));
  }

  @Override
  public Dimension getMinimumSize() {
    // Narrower than this and the app's own screens no longer fit their buttons.
    return new Dimension(UIScale.scale(300 + 2 * RIM), UIScale.scale(560 + 2 * TOP));
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      int arc = UIScale.scale(52);
      g.setColor(CASE);
      g.fillRoundRect(0, 0, getWidth() - 1, getHeight() - 1, arc, arc);
      g.setColor(EDGE);
      g.drawRoundRect(0, 0, getWidth() - 1, getHeight() - 1, arc, arc);
      int notchWidth = UIScale.scale(70);
      int notchHeight = UIScale.scale(6);
      g.setColor(new Color(0x3A3A3C));
      g.fillRoundRect(
          (getWidth() - notchWidth) / 2,
          UIScale.scale(TOP) / 2 - notchHeight / 2,
          notchWidth,
          notchHeight,
          notchHeight,
          notchHeight);
    } finally {
      g.dispose();
    }
  }
}
