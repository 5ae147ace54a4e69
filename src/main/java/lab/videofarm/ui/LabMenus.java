package lab.videofarm.ui;

import java.awt.event.KeyEvent;
import javax.swing.Action;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import lab.videofarm.ui.device.DeviceActions;
import lab.videofarm.ui.story.StoryPlayer;
import lab.videofarm.ui.timeline.TimelineFileActions;

/**
 * The menu bar. Every shortcut of the window is registered here, once, as the accelerator of its
 * action's menu item; the buttons share the same actions.
 */
final class LabMenus {
  private LabMenus() {}

  static JMenuBar build(
      TimelineFileActions files,
      Action quit,
      DeviceActions device,
      StoryPlayer stories,
      ViewActions view) {
    JMenuBar bar = new JMenuBar();
    bar.add(menu("File", KeyEvent.VK_F, files.load(), files.save(), null, quit));
    bar.add(
        menu(
            "Device",
            KeyEvent.VK_D,
            device.launch,
            device.home,
            null,
            device.terminate,
            device.forceQuit,
            null,
            device.backgroundFetch));
    bar.add(networkMenu(device));
    bar.add(menu("Stories", KeyEvent.VK_S, stories.actions().toArray(Action[]::new)));
    bar.add(viewMenu(view));
    return bar;
  }

  private static JMenu networkMenu(DeviceActions device) {
    JMenu network = menu("Network", KeyEvent.VK_N);
    network.add(checkBox(device.offline));
    network.addSeparator();
    for (Action preset : device.presets) {
      network.add(preset).setName("menu." + preset.getValue(Action.NAME));
    }
    network.add(device.resetNetwork).setName("menu.Unlimited");
    network.addSeparator();
    network.add(device.dropConnections).setName("menu.Drop connections now");
    return network;
  }

  private static JMenu viewMenu(ViewActions view) {
    JMenu menu = menu("View", KeyEvent.VK_V);
    menu.add(checkBox(view.dark));
    menu.add(checkBox(view.presentation));
    menu.add(checkBox(view.stepMode));
    return menu;
  }

  private static JCheckBoxMenuItem checkBox(Action action) {
    JCheckBoxMenuItem item = new JCheckBoxMenuItem(action);
    item.setName("menu." + action.getValue(Action.NAME));
    return item;
  }

  /** A menu of {@code actions}; a null makes a separator. */
  private static JMenu menu(String name, int mnemonic, Action... actions) {
    JMenu menu = new JMenu(name);
    menu.setMnemonic(mnemonic);
    menu.setName("menu." + name.toLowerCase(java.util.Locale.ROOT));
    for (Action action : actions) {
      if (action == null) {
        menu.addSeparator();
      } else {
        JMenuItem item = menu.add(action);
        item.setName("menu." + action.getValue(Action.NAME));
      }
    }
    return menu;
  }
}
