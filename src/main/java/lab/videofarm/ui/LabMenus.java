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
    JMenu network = menu("Network", KeyEvent.VK_N);
    network.add(checkBox(device.offline));
    network.addSeparator();
    for (Action preset : device.presets) {
      network.add(preset).setName("menu." + preset.getValue(Action.NAME));
    }
    network.add(device.resetNetwork).setName("menu.Unlimited");
    network.addSeparator();
    network.add(device.dropConnections).setName("menu.Drop connections now");
    bar.add(network);
    JMenu story = menu("Stories", KeyEvent.VK_S);
    for (Action play : stories.actions()) {
      story.add(play).setName("menu." + play.getValue(Action.NAME));
    }
    bar.add(story);
    JMenu viewMenu = menu("View", KeyEvent.VK_V);
    viewMenu.add(checkBox(view.dark));
    viewMenu.add(checkBox(view.presentation));
    viewMenu.add(checkBox(view.stepMode));
    bar.add(viewMenu);
    return bar;
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
