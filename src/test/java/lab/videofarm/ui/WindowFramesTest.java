package lab.videofarm.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;
import lab.videofarm.os.clock.SystemClock;
import lab.videofarm.os.timeline.Layer;
import lab.videofarm.os.timeline.Timeline;
import lab.videofarm.os.timeline.TimelineEvent;
import lab.videofarm.ui.scene.SceneViews;
import lab.videofarm.ui.timeline.TimelineFeed;
import lab.videofarm.ui.timeline.TimelinePanel;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Progress reaching the window is coalesced into frames: the timeline, the object graph and the
 * daemon inspector change in the same Swing event and are painted together, once a frame, however
 * many events the frame brought. Paints are counted by a {@link PaintCounter}, as benchmark 7b
 * counts them.
 */
class WindowFramesTest {
  private static final String SESSION = "lab.videofarm.app.background";
  private static final int TASKS = 10;
  private static final int PROGRESS_EVENTS = 1_000;

  private final SystemClock clock = new SystemClock();
  private final Timeline timeline = new Timeline(clock);
  private final PaintCounter paints = new PaintCounter();
  private final AtomicInteger batches = new AtomicInteger();
  private RepaintManager before;
  private JFrame frame;
  private TimelinePanel timelinePanel;
  private SceneViews scene;
  private TimelineFeed feed;

  @BeforeEach
  void showTheViews() {
    GuiActionRunner.execute(
        () -> {
          before = RepaintManager.currentManager((JComponent) null);
          RepaintManager.setCurrentManager(paints);
          scene = new SceneViews();
          timelinePanel = new TimelinePanel(scene);
          feed =
              new TimelineFeed(
                  batch -> {
                    batches.incrementAndGet();
                    timelinePanel.appendLive(batch);
                  });
          JPanel bottom = new JPanel(new GridLayout(1, 2));
          bottom.add(timelinePanel);
          bottom.add(scene.inspector());
          frame = new JFrame("frames");
          frame.add(scene.graph(), BorderLayout.CENTER);
          frame.add(bottom, BorderLayout.SOUTH);
          frame.setSize(new Dimension(1600, 900));
          // No focus, so no blinking caret paints between frames.
          frame.setFocusableWindowState(false);
          frame.setVisible(true);
          paints.watch("timeline", timelinePanel);
          paints.watch("objectGraph", scene.graph());
          paints.watch("daemonInspector", scene.inspector());
          JScrollPane scroll =
              (JScrollPane)
                  SwingUtilities.getAncestorOfClass(JScrollPane.class, timelinePanel.table());
          paints.watchScrolls("timeline", scroll.getViewport());
        });
  }

  @AfterEach
  void closeTheViews() throws Exception {
    feed.close();
    GuiActionRunner.execute(
        () -> {
          frame.dispose();
          RepaintManager.setCurrentManager(before);
        });
    clock.close();
  }

  @Test
  void aThousandProgressEventsArrivingInOneFrameArePaintedInOneWindowRepaint() {
    feed.start(timeline);
    postSessionWithTasks();
    awaitShownAndPainted(Map.of());
    // The views show the tasks, with the graph's animations of the new session at their end.
    GuiActionRunner.execute(scene::settle);
    GuiActionRunner.execute(() -> null);
    Map<String, Long> before = GuiActionRunner.execute(paints::paints);
    int batchesBefore = batches.get();

    // Posted on the Swing thread, so the feed cannot deliver any of them until all are posted.
    GuiActionRunner.execute(this::postProgress);
    awaitShownAndPainted(before);
    // Swing paints what a frame changed in an event queued behind it: let it run, then count.
    GuiActionRunner.execute(() -> null);

    assertThat(batches.get() - batchesBefore).isEqualTo(1);
    assertThat(GuiActionRunner.execute(() -> painted(before, "window")))
        .as("window repaints for %d progress events in one frame", PROGRESS_EVENTS)
        .isEqualTo(1);
  }

  /**
   * Waits until the views show the last event posted and each has been painted since {@code
   * before}.
   */
  private void awaitShownAndPainted(Map<String, Long> before) {
    long last = timeline.events().get(timeline.events().size() - 1).sequence();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                GuiActionRunner.execute(
                    () ->
                        scene.scene().sequence() == last
                            && painted(before, "objectGraph") > 0
                            && painted(before, "daemonInspector") > 0
                            && painted(before, "timeline") > 0));
  }

  /** Paints of {@code name} since {@code before}. */
  private long painted(Map<String, Long> before, String name) {
    return paints.paints().get(name) - before.getOrDefault(name, 0L);
  }

  /** A session with ten downloads. */
  private void postSessionWithTasks() {
    timeline.post(Layer.DAEMON, 1, SESSION, TimelineEvent.NO_TASK, "session attached", "queue []");
    for (int task = 1; task <= TASKS; task++) {
      timeline.post(
          Layer.DAEMON,
          1,
          SESSION,
          task,
          "task created",
          "DOWNLOAD GET http://127.0.0.1/videos/" + task + "/movie; to send: 0 bytes");
    }
  }

  /** A thousand progress events, spread over the ten downloads. */
  private void postProgress() {
    for (int i = 1; i <= PROGRESS_EVENTS; i++) {
      timeline.post(
          Layer.DAEMON,
          1,
          SESSION,
          1 + i % TASKS,
          "downloading",
          (long) i * 1_000 + " / " + PROGRESS_EVENTS * 1_000L + " bytes");
    }
  }
}
