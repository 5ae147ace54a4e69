package lab.videofarm.ui.device;

import static java.awt.event.KeyEvent.VK_0;
import static java.awt.event.KeyEvent.VK_B;
import static java.awt.event.KeyEvent.VK_D;
import static java.awt.event.KeyEvent.VK_H;
import static java.awt.event.KeyEvent.VK_L;
import static java.awt.event.KeyEvent.VK_O;
import static java.awt.event.KeyEvent.VK_Q;
import static java.awt.event.KeyEvent.VK_T;
import static lab.videofarm.ui.device.WhatIOSDoes.BACKGROUND_FETCH;
import static lab.videofarm.ui.device.WhatIOSDoes.DROP_CONNECTIONS;
import static lab.videofarm.ui.device.WhatIOSDoes.FORCE_QUIT;
import static lab.videofarm.ui.device.WhatIOSDoes.HOME;
import static lab.videofarm.ui.device.WhatIOSDoes.LAUNCH;
import static lab.videofarm.ui.device.WhatIOSDoes.OFFLINE;
import static lab.videofarm.ui.device.WhatIOSDoes.TERMINATE;
import static lab.videofarm.ui.device.WhatIOSDoes.UNLIMITED;

import java.awt.Component;
import java.awt.Toolkit;
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
  /** Ctrl, or Command on a Mac. */
  private static final int MENU = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();

  private static final int MENU_SHIFT = MENU | InputEvent.SHIFT_DOWN_MASK;

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
    launch = action("Launch", "launch", key(VK_L), LAUNCH, DeviceActions::launchApp);
    home = action("Home", "home", key(VK_H), HOME, lab -> goHome(lab, onHome));
    terminate =
        action("System terminate", "terminate", key(VK_T), TERMINATE, DeviceActions::terminate);
    forceQuit =
        action("Force quit", "forcequit", shiftKey(VK_Q), FORCE_QUIT, DeviceActions::forceQuit);
    backgroundFetch =
        action(
            "Simulate background fetch",
            "fetch",
            key(VK_B),
            BACKGROUND_FETCH,
            DeviceActions::simulateBackgroundFetch);
    offline = action("Offline", "offline", shiftKey(VK_O), OFFLINE, DeviceActions::toggleOffline);
    offline.putValue(Action.SELECTED_KEY, false);
    dropConnections =
        action(
            "Drop connections now",
            "drop",
            key(VK_D),
            DROP_CONNECTIONS,
            lab -> lab.network().dropConnectionsNow());
    resetNetwork =
        action("Unlimited", "network", key(VK_0), UNLIMITED, lab -> lab.network().reset());
    addPresets();
    setEnabled(false);
  }

  /** One action per preset, on Ctrl+1 to Ctrl+5. */
  private void addPresets() {
    int key = KeyEvent.VK_1;
    for (NetworkPreset preset : NetworkPreset.values()) {
      presets.add(
          action(
              PresetNames.name(preset),
              "network",
              key(key++),
              PresetNames.tooltip(preset),
              lab -> lab.network().apply(preset)));
    }
  }

  private static void launchApp(LabRuntime lab) {
    lab.device().launch(LabRuntime.APP);
  }

  private static void terminate(LabRuntime lab) {
    lab.device().terminate(LabRuntime.APP);
  }

  private static void forceQuit(LabRuntime lab) {
    lab.device().forceQuit(LabRuntime.APP);
  }

  private static void simulateBackgroundFetch(LabRuntime lab) {
    lab.device().simulateBackgroundFetch(LabRuntime.APP);
  }

  private static void toggleOffline(LabRuntime lab) {
    lab.network().setOnline(!lab.network().isOnline());
  }

  private static void goHome(LabRuntime lab, Runnable onHome) {
    lab.device().goHome();
    SwingUtilities.invokeLater(onHome);
  }

  private static KeyStroke key(int code) {
    return KeyStroke.getKeyStroke(code, MENU);
  }

  private static KeyStroke shiftKey(int code) {
    return KeyStroke.getKeyStroke(code, MENU_SHIFT);
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
