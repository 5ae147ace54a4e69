package lab.videofarm.ui.device;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.Component;
import java.awt.FlowLayout;
import java.time.Duration;
import javax.swing.AbstractButton;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JToggleButton;
import javax.swing.JToolBar;
import javax.swing.SpinnerNumberModel;
import lab.videofarm.os.net.NetworkConditions;

/**
 * The toolbars above the views: the device's lifecycle (launch, home, terminate, force quit,
 * background fetch) and the network conditioner (offline, presets, drop, bandwidth, latency). They
 * wrap onto a second row when the window is narrow or zoomed.
 */
public final class DeviceControlsPanel extends JPanel {
  private final DeviceActions actions;
  private final JSpinner bandwidth = new JSpinner(new SpinnerNumberModel(0, 0, 1_000_000, 50));
  private final JSpinner latency = new JSpinner(new SpinnerNumberModel(0, 0, 10_000, 50));
  private final JLabel conditions = new JLabel(" ");
  private final JToolBar shaping;

  public DeviceControlsPanel(DeviceActions actions) {
    super(new WrapLayout(FlowLayout.LEADING, 6, 2));
    this.actions = actions;
    this.shaping = custom();
    setName("controls");
    setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
    add(
        toolbar(
            "Device",
            button(actions.launch, "controls.launch"),
            button(actions.home, "controls.home"),
            button(actions.terminate, "controls.terminate"),
            button(actions.forceQuit, "controls.forceQuit"),
            button(actions.backgroundFetch, "controls.fetch")));
    JToggleButton offline = new JToggleButton(actions.offline);
    offline.setName("controls.offline");
    JToolBar network = toolbar("Network", offline);
    for (Action preset : actions.presets) {
      network.add(button(preset, "controls.preset." + preset.getValue(Action.NAME)));
    }
    network.add(button(actions.resetNetwork, "controls.unlimited"));
    network.add(button(actions.dropConnections, "controls.drop"));
    add(network);
    add(shaping);
    conditions.setName("controls.conditions");
    add(conditions);
  }

  /**
   * Compact, as for presentation mode: the custom shaping and the conditions line step aside (the
   * phone's status bar names the network); the device and the presets stay.
   */
  public void setCompact(boolean compact) {
    shaping.setVisible(!compact);
    conditions.setVisible(!compact);
    revalidate();
  }

  private JToolBar custom() {
    bandwidth.setName("controls.bandwidth");
    bandwidth.setToolTipText("Custom bandwidth in KB/s; 0 lets nothing through");
    latency.setName("controls.latency");
    latency.setToolTipText("Custom delay before each request, in milliseconds");
    ((JSpinner.DefaultEditor) bandwidth.getEditor()).getTextField().setColumns(4);
    ((JSpinner.DefaultEditor) latency.getEditor()).getTextField().setColumns(4);
    JButton apply = new JButton("Apply");
    apply.setName("controls.applyShaping");
    apply.setToolTipText("Shape the link with this bandwidth and latency, as a custom profile");
    apply.addActionListener(event -> applyCustomShaping());
    JToolBar bar = toolbar("Shape");
    bar.add(new JLabel("KB/s "));
    bar.add(bandwidth);
    bar.add(new JLabel("  ms "));
    bar.add(latency);
    bar.add(apply);
    return bar;
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
    conditions.setText("Now: " + now.label());
    actions.offline.putValue(Action.SELECTED_KEY, !now.online());
  }

  /** A group of buttons with its name in front, as in an editor's toolbar. */
  private static JToolBar toolbar(String title, Component... buttons) {
    JToolBar bar = new JToolBar(title);
    bar.setFloatable(false);
    bar.setBorder(BorderFactory.createEmptyBorder());
    JLabel heading = new JLabel(title + " ");
    heading.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
    bar.add(heading);
    for (Component button : buttons) {
      bar.add(button);
    }
    return bar;
  }

  private static AbstractButton button(Action action, String name) {
    JButton button = new JButton(action);
    button.setName(name);
    return button;
  }
}
