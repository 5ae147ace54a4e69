package lab.videofarm.ui.device;

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
    launch = action("Launch", "launch", key(KeyEvent.VK_L), WhatIOSDoes.LAUNCH, this::launchApp);
    home = action("Home", "home", key(KeyEvent.VK_H), WhatIOSDoes.HOME, lab -> goHome(lab, onHome));
    terminate =
        action(
            "System terminate",
            "terminate",
            key(KeyEvent.VK_T),
            WhatIOSDoes.TERMINATE,
            lab -> lab.device().terminate(LabRuntime.APP));
    forceQuit =
        action(
            "Force quit",
            "forcequit",
            shiftKey(KeyEvent.VK_Q),
            WhatIOSDoes.FORCE_QUIT,
            lab -> lab.device().forceQuit(LabRuntime.APP));
    backgroundFetch =
        action(
            "Simulate background fetch",
            "fetch",
            key(KeyEvent.VK_B),
            WhatIOSDoes.BACKGROUND_FETCH,
            lab -> lab.device().simulateBackgroundFetch(LabRuntime.APP));
    offline =
        action(
            "Offline",
            "offline",
            shiftKey(KeyEvent.VK_O),
            WhatIOSDoes.OFFLINE,
            lab -> lab.network().setOnline(!lab.network().isOnline()));
    offline.putValue(Action.SELECTED_KEY, false);
    dropConnections =
        action(
            "Drop connections now",
            "drop",
            key(KeyEvent.VK_D),
            WhatIOSDoes.DROP_CONNECTIONS,
            lab -> lab.network().dropConnectionsNow());
    resetNetwork =
        action(
            "Unlimited",
            "network",
            key(KeyEvent.VK_0),
            WhatIOSDoes.UNLIMITED,
            lab -> lab.network().reset());
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

  private void launchApp(LabRuntime lab) {
    lab.device().launch(LabRuntime.APP);
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
