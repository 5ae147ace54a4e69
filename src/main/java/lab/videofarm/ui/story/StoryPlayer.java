package lab.videofarm.ui.story;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dialog;
import java.awt.event.ActionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JDialog;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import lab.videofarm.story.Stories;
import lab.videofarm.story.StoryResult;
import lab.videofarm.ui.Icons;
import lab.videofarm.ui.UserMessages;
import lab.videofarm.ui.timeline.TimelinePanel;

/**
 * The Stories menu: plays one of the three stories (download, upload, force-quit) on a phone and
 * server of its own, off the Swing thread, then shows its timeline in the window, ready to scrub,
 * and the steps it checked, as the headless command prints them.
 */
public final class StoryPlayer {
  private static final List<String> STORIES = List.of("download", "upload", "force-quit");

  private final TimelinePanel timeline;
  private final Consumer<String> status;
  private final Component parent;
  private final List<Action> actions = new ArrayList<>();
  private boolean playing;

  public StoryPlayer(TimelinePanel timeline, Consumer<String> status, Component parent) {
    this.timeline = timeline;
    this.status = status;
    this.parent = parent;
    for (String story : STORIES) {
      Action action =
          new AbstractAction("Play the " + story + " story", Icons.get("story")) {
            @Override
            public void actionPerformed(ActionEvent event) {
              play(story);
            }
          };
      action.putValue(Action.SHORT_DESCRIPTION, tooltip(story));
      actions.add(action);
    }
  }

  private static String tooltip(String story) {
    return switch (story) {
      case "download" ->
          "The app is killed mid-download; the daemon finishes it and relaunches the app in the"
              + " background, which relinks its session and collects the file";
      case "upload" -> "The same for an upload: the app is killed, the upload still completes";
      default ->
          "The user force-quits mid-download: the system cancels it with resume data, and the next"
              + " launch finishes the file without fetching a byte twice";
    };
  }

  public List<Action> actions() {
    return List.copyOf(actions);
  }

  /** Plays {@code story}; its timeline replaces the one shown when it ends. */
  public SwingWorker<StoryResult, Void> play(String story) {
    if (playing) {
      status.accept("A story is already playing");
      return null;
    }
    playing = true;
    actions.forEach(action -> action.setEnabled(false));
    status.accept("Playing the " + story + " story on a phone of its own…");
    SwingWorker<StoryResult, Void> worker =
        new SwingWorker<>() {
          @Override
          protected StoryResult doInBackground() throws Exception {
            Path root = Files.createTempDirectory("videofarm-story-");
            try {
              return Stories.run(story, root);
            } finally {
              deleteRecursively(root);
            }
          }

          @Override
          protected void done() {
            playing = false;
            actions.forEach(action -> action.setEnabled(true));
            try {
              finished(get());
            } catch (ExecutionException e) {
              status.accept("The " + story + " story could not be played");
              UserMessages.showFailure(parent, "The " + story + " story", e.getCause());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    worker.execute();
    return worker;
  }

  private void finished(StoryResult result) {
    timeline.showRecorded("the " + result.story() + " story", result.timeline());
    status.accept(
        "The "
            + result.story()
            + " story "
            + (result.succeeded() ? "played: every step happened in order" : "failed")
            + "; its timeline is shown, select a row to scrub");
    showSteps(result);
  }

  private void showSteps(StoryResult result) {
    StringBuilder text = new StringBuilder();
    text.append("Story \"").append(result.story()).append("\", steps in order:\n");
    result.steps().forEach(step -> text.append("  \u2713 ").append(step).append('\n'));
    if (result.succeeded()) {
      text.append("\nOK: every step happened in order and the file is byte-exact.\n");
    } else {
      result.failures().forEach(failure -> text.append("\n\u2717 ").append(failure));
    }
    JTextArea area = new JTextArea(text.toString(), 18, 60);
    area.setName("story.steps");
    area.setEditable(false);
    JDialog dialog =
        new JDialog(
            SwingUtilities.getWindowAncestor(parent),
            "Story: " + result.story(),
            Dialog.ModalityType.MODELESS);
    dialog.setName("story.dialog");
    dialog.add(new JScrollPane(area), BorderLayout.CENTER);
    dialog.pack();
    dialog.setLocationRelativeTo(parent);
    dialog.setVisible(true);
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
