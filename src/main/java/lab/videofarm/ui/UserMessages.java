package lab.videofarm.ui;

import java.awt.Component;
import javax.swing.JOptionPane;

/**
 * What the user reads when something goes wrong: one clear sentence in the window, never a stack
 * trace. The app's exercises throw {@code NotImplementedYet} until a student writes them; that is
 * not an error, and says so.
 */
public final class UserMessages {
  /** The class name of the app's {@code NotImplementedYet}. */
  public static final String NOT_IMPLEMENTED_YET_NAME = "lab.videofarm.app.NotImplementedYet";

  private UserMessages() {}

  /**
   * True when {@code problem} (or what caused it) is the app's {@code NotImplementedYet}. Compared
   * by name: each launch loads the app's classes, this one included, in its own class loader.
   */
  public static boolean isNotImplementedYet(Throwable problem) {
    for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
      if (cause.getClass().getName().equals(NOT_IMPLEMENTED_YET_NAME)) {
        return true;
      }
    }
    return false;
  }

  /** The sentence for {@code problem}: its own message, or what kind of failure it was. */
  public static String describe(Throwable problem) {
    Throwable shown = problem;
    // A wrapper (ExecutionException and the like) says no more than what it wraps.
    while (shown.getCause() != null
        && (shown.getMessage() == null || shown.getMessage().equals(shown.getCause().toString()))) {
      shown = shown.getCause();
    }
    if (isNotImplementedYet(problem)) {
      return "Not implemented yet. " + messageOf(notImplementedYet(problem));
    }
    return messageOf(shown);
  }

  private static Throwable notImplementedYet(Throwable problem) {
    for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
      if (cause.getClass().getName().equals(NOT_IMPLEMENTED_YET_NAME)) {
        return cause;
      }
    }
    return problem;
  }

  private static String messageOf(Throwable problem) {
    String message = problem.getMessage();
    if (message == null || message.isBlank()) {
      return problem.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
    return message;
  }

  /** Tells the user that {@code action} failed, in a dialog over {@code parent}. */
  public static void showFailure(Component parent, String action, Throwable problem) {
    if (isNotImplementedYet(problem)) {
      JOptionPane.showMessageDialog(
          parent, describe(problem), "Not implemented yet", JOptionPane.INFORMATION_MESSAGE);
      return;
    }
    JOptionPane.showMessageDialog(
        parent, action + ": " + describe(problem), "VideoFarm Lab", JOptionPane.WARNING_MESSAGE);
  }
}
