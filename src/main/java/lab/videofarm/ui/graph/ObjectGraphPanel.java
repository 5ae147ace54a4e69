package lab.videofarm.ui.graph;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.List;
import java.util.function.LongSupplier;
import javax.swing.JComponent;
import javax.swing.Timer;
import lab.videofarm.ui.scene.AppLaunch;
import lab.videofarm.ui.scene.AppSession;
import lab.videofarm.ui.scene.AppSession.CompletionHandler;
import lab.videofarm.ui.scene.DaemonSession;
import lab.videofarm.ui.scene.QueuedEvent;
import lab.videofarm.ui.scene.Scene;

/**
 * The object graph: the daemon's sessions on the left, the app's latest launch on the right, and
 * the links by session identifier between them. It draws one {@link Scene} at a time; what changed
 * from the previous scene is animated — a killed launch fades, a new one slides in, a link is
 * drawn, queued events fly to the delegate — and step mode slows all of it down.
 *
 * <p>A new scene is painted with the window's next paint, together with the views that changed in
 * the same Swing event (the callers show scenes at most about 30 times a second); only while
 * something moves does a Swing timer of its own repaint it, about 30 times a second. Every method
 * must be called on the Swing thread.
 */
public final class ObjectGraphPanel extends JComponent {
  private static final int FRAME_MS = 33;

  private final Animations animations;
  private final Timer frames = new Timer(FRAME_MS, e -> frame());
  private Scene scene = Scene.EMPTY;
  private Anchors anchors = new Anchors();
  private Highlight highlight = Highlight.NONE;

  /** A graph animated on {@code millis}, a clock in milliseconds. */
  public ObjectGraphPanel(LongSupplier millis) {
    this.animations = new Animations(millis);
    setName("objectGraph");
    setOpaque(true);
    frames.setCoalesce(true);
  }

  public ObjectGraphPanel() {
    this(System::currentTimeMillis);
  }

  /** Draws {@code next}; {@code animate} plays what changed since the scene shown before. */
  public void show(Scene next, boolean animate) {
    if (animate) {
      animateChanges(scene, next);
    } else {
      animations.finish();
    }
    scene = next;
    requestFrame();
  }

  public Scene scene() {
    return scene;
  }

  /** Highlights one task; {@code taskId < 0} clears it. */
  public void highlight(String sessionId, long taskId) {
    highlight = new Highlight(sessionId == null ? "" : sessionId, taskId);
    requestFrame();
  }

  public void setStepMode(boolean slow) {
    animations.setSlow(slow);
  }

  /** Jumps every running animation to its end, as for a screenshot. */
  public void finishAnimations() {
    animations.finish();
    requestFrame();
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(1100, 640);
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      Palette palette = Palette.current(getWidth(), getHeight());
      g.setColor(palette.background());
      g.fillRect(0, 0, getWidth(), getHeight());
      Canvas canvas = new Canvas(g, palette);
      Anchors painted = new Anchors();
      int margin = canvas.gap() * 2;
      int middle = Math.max(canvas.gap() * 8, getWidth() / 9);
      int column = (getWidth() - 2 * margin - middle) / 2;
      int height = getHeight() - 2 * margin;
      new DaemonPainter(canvas, painted, highlight)
          .paint(scene, new Rectangle(margin, margin, column, height));
      new AppPainter(canvas, painted, animations, highlight)
          .paint(scene, new Rectangle(margin + column + middle, margin, column, height));
      new LinkPainter(canvas, painted, animations).paint(scene);
      anchors = painted;
    } finally {
      g.dispose();
    }
  }

  private void requestFrame() {
    repaint();
    if (!animations.active()) {
      frames.stop();
    } else if (!frames.isRunning()) {
      frames.start();
    }
  }

  private void frame() {
    repaint();
    if (!animations.active()) {
      frames.stop();
    }
  }

  private void animateChanges(Scene before, Scene after) {
    long now = animations.now();
    for (AppLaunch launch : after.launches().values()) {
      AppLaunch was = before.launch(launch.number());
      if (was == null && launch.alive()) {
        animations.appears.put(launch.number(), now);
      } else if (was != null && was.alive() && !launch.alive()) {
        animations.fades.put(launch.number(), now);
      }
      if (handlerCalled(launch) && (was == null || !handlerCalled(was))) {
        animations.pulses.put(launch.number() + ":handler", now);
      }
    }
    for (DaemonSession session : after.sessions().values()) {
      DaemonSession was = before.session(session.id());
      if (session.attached() && (was == null || was.attachedLaunch() != session.attachedLaunch())) {
        animations.links.put(Anchors.appSession(session.attachedLaunch(), session.id()), now);
      }
      if (was != null && session.attached()) {
        flights(was, session, now);
      }
    }
  }

  private void flights(DaemonSession was, DaemonSession now, long at) {
    List<QueuedEvent> remaining = now.queue();
    for (QueuedEvent event : was.queue()) {
      Rectangle from = anchors.queued.get(Anchors.queued(was.id(), event));
      if (!remaining.contains(event) && from != null) {
        animations.flights.add(
            new Animations.Flight(DaemonPainter.chipText(event), from, now.attachedLaunch(), at));
      }
    }
  }

  private static boolean handlerCalled(AppLaunch launch) {
    return launch.sessions().stream()
        .map(AppSession::handler)
        .anyMatch(h -> h == CompletionHandler.CALLED);
  }
}
