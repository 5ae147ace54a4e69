package lab.videofarm.ui.device;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.GridLayout;
import java.time.Duration;
import javax.swing.AbstractButton;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JToggleButton;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingConstants;
import lab.videofarm.os.net.NetworkConditions;

/**
 * The buttons beside the phone: the device's lifecycle (launch, home, terminate, force quit,
 * background fetch) and the network conditioner (offline, presets, bandwidth, latency, drop).
 */
public final class DeviceControlsPanel extends JPanel {
  private final JPanel content = new JPanel();
  private final DeviceActions actions;
  private final JSpinner bandwidth = new JSpinner(new SpinnerNumberModel(0, 0, 1_000_000, 50));
  private final JSpinner latency = new JSpinner(new SpinnerNumberModel(0, 0, 10_000, 50));
  private final JLabel conditions = new JLabel(" ");

  public DeviceControlsPanel(DeviceActions actions) {
    super(new BorderLayout());
    this.actions = actions;
    setName("controls");
    setBorder(BorderFactory.createEmptyBorder(8, 4, 8, 8));
    content.setLayout(new BoxLayout(content, BoxLayout.Y_AXIS));
    add(content, BorderLayout.NORTH);
    content.add(heading("Device"));
    content.add(
        column(
            button(actions.launch, "controls.launch"),
            button(actions.home, "controls.home"),
            button(actions.terminate, "controls.terminate"),
            button(actions.forceQuit, "controls.forceQuit"),
            button(actions.backgroundFetch, "controls.fetch")));
    content.add(Box.createVerticalStrut(12));
    content.add(heading("Network"));
    JToggleButton offline = new JToggleButton(actions.offline);
    offline.setName("controls.offline");
    offline.setHorizontalAlignment(SwingConstants.LEADING);
    content.add(column(offline));
    JPanel presets = new JPanel(new GridLayout(0, 2, 4, 4));
    presets.setAlignmentX(LEFT_ALIGNMENT);
    for (Action preset : actions.presets) {
      presets.add(button(preset, "controls.preset." + preset.getValue(Action.NAME)));
    }
    presets.add(button(actions.resetNetwork, "controls.unlimited"));
    presets.setBorder(BorderFactory.createEmptyBorder(4, 0, 4, 0));
    content.add(presets);
    content.add(custom());
    content.add(column(button(actions.dropConnections, "controls.drop")));
    conditions.setName("controls.conditions");
    conditions.setAlignmentX(LEFT_ALIGNMENT);
    content.add(Box.createVerticalStrut(6));
    content.add(conditions);
  }

  private JComponent custom() {
    bandwidth.setName("controls.bandwidth");
    bandwidth.setToolTipText("Custom bandwidth in KB/s; 0 lets nothing through");
    latency.setName("controls.latency");
    latency.setToolTipText("Custom delay before each request, in milliseconds");
    JButton apply = new JButton("Apply");
    apply.setName("controls.applyShaping");
    apply.setToolTipText("Shape the link with this bandwidth and latency, as a custom profile");
    apply.addActionListener(event -> applyCustomShaping());
    JPanel grid = new JPanel(new GridLayout(0, 2, 4, 4));
    grid.setAlignmentX(LEFT_ALIGNMENT);
    grid.add(new JLabel("KB/s"));
    grid.add(bandwidth);
    grid.add(new JLabel("Latency ms"));
    grid.add(latency);
    grid.add(new JLabel());
    grid.add(apply);
    grid.setBorder(BorderFactory.createEmptyBorder(0, 0, 4, 0));
    return grid;
  }

  private void applyCustomShaping() {
    long kilobytes = ((Number) bandwidth.getValue()).longValue();
    long millis = ((Number) latency.getValue()).longValue();
    actions.run(
        "Shape the network",
        lab -> {
          lab.network().setBandwidth(kilobytes * 1000);
          lab.network().setLatency(Duration.ofMillis(millis));
        });
  }

  /** Shows the network as it stands now. */
  public void showConditions(NetworkConditions now) {
    conditions.setText("<html>Now: " + now.label() + "</html>");
    actions.offline.putValue(Action.SELECTED_KEY, !now.online());
  }

  private static JLabel heading(String text) {
    JLabel label = new JLabel(text);
    label.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
    label.setAlignmentX(LEFT_ALIGNMENT);
    label.setBorder(BorderFactory.createEmptyBorder(0, 0, 4, 0));
    return label;
  }

  private static AbstractButton button(Action action, String name) {
    JButton button = new JButton(action);
    button.setName(name);
    button.setHorizontalAlignment(SwingConstants.LEADING);
    return button;
  }

  private static JPanel column(Component... buttons) {
    JPanel column = new JPanel(new GridLayout(0, 1, 0, 4));
    column.setAlignmentX(LEFT_ALIGNMENT);
    for (Component button : buttons) {
      column.add(button);
    }
    return column;
  }
}
