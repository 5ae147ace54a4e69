package lab.videofarm.ui.device;

import java.awt.Component;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import lab.videofarm.os.net.NetworkPreset;
import lab.videofarm.ui.Icons;
import lab.videofarm.ui.LabRuntime;
import lab.videofarm.ui.UserMessages;

/**
 * What the instructor can do to the phone, one {@link Action} each, with the shortcut shown in the
 * menu and a tooltip saying what iOS would do. The work runs on a worker thread, never on the Swing
 * thread (terminating waits for the app's {@code willTerminate}, which runs on the Swing thread); a
 * failure is told to the user in one sentence.
 */
public final class DeviceActions {
  private static final int MENU = InputEvent.CTRL_DOWN_MASK;
  private static final int MENU_SHIFT = InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK;

  private final Executor worker;
  private final Component parent;
  private final List<Action> all = new ArrayList<>();
  private LabRuntime runtime;

  public final Action launch;
  public final Action home;
  public final Action terminate;
  public final Action forceQuit;
  public final Action backgroundFetch;
  public final Action dropConnections;
  public final Action resetNetwork;
  public final Action offline;
  public final List<Action> presets = new ArrayList<>();

  /** {@code onHome} runs on the Swing thread after the device went home. */
  public DeviceActions(Executor worker, Component parent, Runnable onHome) {
    this.worker = worker;
    this.parent = parent;
    launch =
        action(
            "Launch",
            "launch",
            KeyStroke.getKeyStroke(KeyEvent.VK_L, MENU),
            "Tap the app's icon: iOS launches it in the foreground (didFinishLaunching), or brings"
                + " it back if it is still in memory",
            lab -> lab.device().launch(LabRuntime.APP));
    home =
        action(
            "Home",
            "home",
            KeyStroke.getKeyStroke(KeyEvent.VK_H, MENU),
            "Press Home: the app enters the background and is suspended a few seconds later; its"
                + " background transfers go on in the transfer daemon",
            lab -> {
              lab.device().goHome();
              SwingUtilities.invokeLater(onHome);
            });
    terminate =
        action(
            "System terminate",
            "terminate",
            KeyStroke.getKeyStroke(KeyEvent.VK_T, MENU),
            "Memory pressure: iOS ends the app; its background transfers go on, and iOS relaunches"
                + " it in the background when they have events for it",
            lab -> lab.device().terminate(LabRuntime.APP));
    forceQuit =
        action(
            "Force quit",
            "forcequit",
            KeyStroke.getKeyStroke(KeyEvent.VK_Q, MENU_SHIFT),
            "Swipe the app away in the app switcher: cancels this app's background transfers; no"
                + " relaunch",
            lab -> lab.device().forceQuit(LabRuntime.APP));
    backgroundFetch =
        action(
            "Simulate background fetch",
            "fetch",
            KeyStroke.getKeyStroke(KeyEvent.VK_B, MENU),
            "Xcode's Simulate Background Fetch: iOS wakes or launches the app in the background and"
                + " calls performFetch; it has about 30 s to call the completion handler",
            lab -> lab.device().simulateBackgroundFetch(LabRuntime.APP));
    dropConnections =
        action(
            "Drop connections now",
            "drop",
            KeyStroke.getKeyStroke(KeyEvent.VK_D, MENU),
            "Walk out of Wi-Fi range and back: every open connection breaks once; background"
                + " transfers retry on their own",
            lab -> lab.network().dropConnectionsNow());
    resetNetwork =
        action(
            "Unlimited",
            "network",
            KeyStroke.getKeyStroke(KeyEvent.VK_0, MENU),
            "Back online with no bandwidth limit and no latency",
            lab -> lab.network().reset());
    offline =
        action(
            "Offline",
            "offline",
            KeyStroke.getKeyStroke(KeyEvent.VK_O, MENU_SHIFT),
            "Airplane mode: open connections break; background transfers wait for connectivity"
                + " and carry on when the phone is back online",
            lab -> lab.network().setOnline(!lab.network().isOnline()));
    offline.putValue(Action.SELECTED_KEY, false);
    int key = KeyEvent.VK_1;
    for (NetworkPreset preset : NetworkPreset.values()) {
      presets.add(
          action(
              PresetNames.name(preset),
              "network",
              KeyStroke.getKeyStroke(key++, MENU),
              PresetNames.tooltip(preset),
              lab -> lab.network().apply(preset)));
    }
    setEnabled(false);
  }

  /** The phone is up: the actions act on it from now on. */
  public void attach(LabRuntime runtime) {
    this.runtime = runtime;
    setEnabled(true);
  }

  private void setEnabled(boolean enabled) {
    all.forEach(action -> action.setEnabled(enabled));
  }

  /** Runs {@code work} on the worker; tells the user if it fails. */
  public void run(String what, Consumer<LabRuntime> work) {
    LabRuntime lab = runtime;
    if (lab == null) {
      return;
    }
    worker.execute(
        () -> {
          try {
            work.accept(lab);
          } catch (RuntimeException e) {
            SwingUtilities.invokeLater(() -> UserMessages.showFailure(parent, what, e));
          }
        });
  }

  private Action action(
      String name, String icon, KeyStroke key, String tooltip, Consumer<LabRuntime> work) {
    Action action =
        new AbstractAction(name, Icons.get(icon)) {
          @Override
          public void actionPerformed(ActionEvent event) {
            run(name, work);
          }
        };
    action.putValue(Action.ACCELERATOR_KEY, key);
    action.putValue(Action.SHORT_DESCRIPTION, tooltip);
    action.putValue(Action.ACTION_COMMAND_KEY, name);
    all.add(action);
    return action;
  }
}
