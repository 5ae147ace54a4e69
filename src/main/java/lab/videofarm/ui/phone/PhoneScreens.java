package lab.videofarm.ui.phone;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.GradientPaint;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GridBagLayout;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.SwingConstants;
import lab.videofarm.ui.Icons;

/** The phone's own screens, those that are not the app's: home, not running, and messages. */
final class PhoneScreens {
  private PhoneScreens() {}

  /** The home screen: a wallpaper and the app's icon; a click on the icon launches the app. */
  static JComponent home(Runnable launch) {
    JPanel home = new Wallpaper(new Color(0x2B5876), new Color(0x4E4376));
    home.setName("phone.home");
    home.setLayout(new BorderLayout());
    JButton icon = new JButton("VideoFarm", Icons.deferred("app", 60));
    icon.setName("phone.appIcon");
    icon.setToolTipText("Tap to launch VideoFarm");
    icon.setVerticalTextPosition(SwingConstants.BOTTOM);
    icon.setHorizontalTextPosition(SwingConstants.CENTER);
    icon.setForeground(Color.WHITE);
    icon.putClientProperty(
        FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_BORDERLESS);
    icon.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
    icon.addActionListener(event -> launch.run());
    JPanel grid = new JPanel();
    grid.setOpaque(false);
    grid.setBorder(BorderFactory.createEmptyBorder(24, 12, 0, 12));
    grid.add(icon);
    home.add(grid, BorderLayout.NORTH);
    return home;
  }

  /** After a kill: black, and says so, so that nobody mistakes it for an app that is idle. */
  static JComponent notRunning(JLabel why) {
    JPanel screen = new JPanel(new GridBagLayout());
    screen.setName("phone.notRunning");
    screen.setBackground(Color.BLACK);
    JPanel text = new JPanel();
    text.setOpaque(false);
    text.setLayout(new BoxLayout(text, BoxLayout.Y_AXIS));
    JLabel title = new JLabel("not running");
    title.setForeground(new Color(0x8E8E93));
    title.putClientProperty(FlatClientProperties.STYLE, "font: bold 220%");
    title.setAlignmentX(0.5f);
    why.setName("phone.notRunning.why");
    why.setForeground(new Color(0x636366));
    why.setAlignmentX(0.5f);
    JLabel hint = new JLabel("its transfers live on in the daemon");
    hint.setForeground(new Color(0x636366));
    hint.setAlignmentX(0.5f);
    text.add(title);
    text.add(Box.createVerticalStrut(8));
    text.add(why);
    text.add(hint);
    screen.add(text);
    return screen;
  }

  /** A message over the wallpaper: starting up, launching, or what the app could not do. */
  static JComponent message(String name, JLabel title, JTextArea body) {
    JPanel screen = new Wallpaper(new Color(0x232526), new Color(0x414345));
    screen.setName(name);
    screen.setLayout(new BorderLayout());
    screen.setBorder(BorderFactory.createEmptyBorder(48, 20, 20, 20));
    title.setForeground(Color.WHITE);
    title.putClientProperty(FlatClientProperties.STYLE, "font: bold 140%");
    body.setEditable(false);
    body.setLineWrap(true);
    body.setWrapStyleWord(true);
    body.setOpaque(false);
    body.setForeground(new Color(0xD1D1D6));
    body.setBorder(BorderFactory.createEmptyBorder(12, 0, 0, 0));
    screen.add(title, BorderLayout.NORTH);
    screen.add(body, BorderLayout.CENTER);
    return screen;
  }

  /** A vertical gradient. */
  private static final class Wallpaper extends JPanel {
    private final Color top;
    private final Color bottom;

    Wallpaper(Color top, Color bottom) {
      this.top = top;
      this.bottom = bottom;
    }

    @Override
    protected void paintComponent(Graphics graphics) {
      Graphics2D g = (Graphics2D) graphics.create();
      g.setPaint(new GradientPaint(0, 0, top, 0, getHeight(), bottom));
      g.fillRect(0, 0, getWidth(), getHeight());
      g.dispose();
    }
  }
}
