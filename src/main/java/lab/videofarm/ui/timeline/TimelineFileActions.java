package lab.videofarm.ui.timeline;

import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JFileChooser;
import javax.swing.KeyStroke;
import javax.swing.SwingWorker;
import javax.swing.filechooser.FileNameExtensionFilter;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.ui.Icons;
import lab.videofarm.ui.UserMessages;

/**
 * Save the timeline shown to a file, and load one to replay it: the table, the graph and the
 * inspector then show the loaded events exactly as they showed the live ones. Files are read and
 * written off the Swing thread.
 */
public final class TimelineFileActions {
  private static final FileNameExtensionFilter JSON_LINES =
      new FileNameExtensionFilter("Timeline (JSON lines)", "jsonl", "json");

  private final TimelinePanel panel;
  private final Action save;
  private final Action load;

  public TimelineFileActions(TimelinePanel panel) {
    this.panel = panel;
    this.save =
        action(
            "Save timeline…",
            "save",
            KeyEvent.VK_S,
            "Write every event shown to a JSON-lines file, to replay later",
            this::saveChosen);
    this.load =
        action(
            "Open timeline…",
            "open",
            KeyEvent.VK_O,
            "Replay a saved timeline: the table, graph and inspector show it as if live",
            this::loadChosen);
  }

  public Action save() {
    return save;
  }

  public Action load() {
    return load;
  }

  private static Action action(String name, String icon, int key, String tip, Runnable handler) {
    Action action =
        new AbstractAction(name, Icons.get(icon)) {
          @Override
          public void actionPerformed(ActionEvent event) {
            handler.run();
          }
        };
    action.putValue(
        Action.ACCELERATOR_KEY,
        KeyStroke.getKeyStroke(key, Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()));
    action.putValue(Action.SHORT_DESCRIPTION, tip);
    return action;
  }

  private void saveChosen() {
    JFileChooser chooser = chooser();
    chooser.setSelectedFile(new File("timeline.jsonl"));
    if (chooser.showSaveDialog(panel) != JFileChooser.APPROVE_OPTION) {
      return;
    }
    saveTo(chooser.getSelectedFile().toPath());
  }

  private void loadChosen() {
    JFileChooser chooser = chooser();
    if (chooser.showOpenDialog(panel) != JFileChooser.APPROVE_OPTION) {
      return;
    }
    loadFrom(chooser.getSelectedFile().toPath());
  }

  private static JFileChooser chooser() {
    JFileChooser chooser = new JFileChooser();
    chooser.setFileFilter(JSON_LINES);
    return chooser;
  }

  /** Writes what the panel shows to {@code file}, off the Swing thread. */
  public SwingWorker<Void, Void> saveTo(Path file) {
    List<TimelineEvent> events = panel.shownEvents();
    SwingWorker<Void, Void> worker =
        new SwingWorker<>() {
          @Override
          protected Void doInBackground() throws Exception {
            TimelineFile.save(file, events);
            return null;
          }

          @Override
          protected void done() {
            reportFailure(this, "Could not save the timeline");
          }
        };
    worker.execute();
    return worker;
  }

  /** Reads {@code file} off the Swing thread, then shows it. */
  public SwingWorker<List<TimelineEvent>, Void> loadFrom(Path file) {
    SwingWorker<List<TimelineEvent>, Void> worker =
        new SwingWorker<>() {
          @Override
          protected List<TimelineEvent> doInBackground() throws Exception {
            return TimelineFile.load(file);
          }

          @Override
          protected void done() {
            if (!reportFailure(this, "Could not open the timeline")) {
              try {
                panel.showRecorded(file.getFileName().toString(), get());
              } catch (InterruptedException | ExecutionException e) {
                UserMessages.showFailure(panel, "Could not open the timeline", e);
              }
            }
          }
        };
    worker.execute();
    return worker;
  }

  /** True, after telling the user, when {@code worker} failed. */
  private boolean reportFailure(SwingWorker<?, ?> worker, String what) {
    try {
      worker.get();
      return false;
    } catch (ExecutionException e) {
      UserMessages.showFailure(panel, what, e.getCause());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
