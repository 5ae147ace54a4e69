package lab.videofarm.ui;

import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

/** The View menu's switches: dark theme, presentation mode, the graph's step mode. */
final class ViewActions {
  private static final int MENU_SHIFT =
      Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx() | InputEvent.SHIFT_DOWN_MASK;

  final Action dark;
  final Action presentation;
  final Action stepMode;

  /** {@code zoomed} runs after presentation mode was switched. */
  ViewActions(Appearance appearance, SceneView scene, Runnable zoomed) {
    dark =
        toggle(
            "Dark theme",
            "theme",
            KeyStroke.getKeyStroke(KeyEvent.VK_D, MENU_SHIFT),
            "Switch between the light and the dark theme (remembered)",
            appearance.isDark(),
            appearance::setDark);
    presentation =
        toggle(
            "Presentation mode",
            "presentation",
            KeyStroke.getKeyStroke(KeyEvent.VK_P, MENU_SHIFT),
            "Everything 1.5 times larger, for a projector at the back of the room (remembered)",
            appearance.isPresentation(),
            on -> {
              appearance.setPresentation(on);
              SwingUtilities.invokeLater(zoomed);
            });
    stepMode =
        toggle(
            "Step mode",
            "story",
            KeyStroke.getKeyStroke(KeyEvent.VK_S, MENU_SHIFT),
            "Slow the object graph's animations down, to follow a relink step by step",
            false,
            scene::setStepMode);
  }

  /** An action with a check box state; {@code changed} gets the new state. */
  private static Action toggle(
      String name,
      String icon,
      KeyStroke key,
      String tooltip,
      boolean initially,
      java.util.function.Consumer<Boolean> changed) {
    Action action =
        new AbstractAction(name, Icons.get(icon)) {
          @Override
          public void actionPerformed(ActionEvent event) {
            changed.accept(Boolean.TRUE.equals(getValue(SELECTED_KEY)));
          }
        };
    action.putValue(Action.SELECTED_KEY, initially);
    action.putValue(Action.ACCELERATOR_KEY, key);
    action.putValue(Action.SHORT_DESCRIPTION, tooltip);
    return action;
  }
}
