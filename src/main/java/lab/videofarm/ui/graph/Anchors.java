package lab.videofarm.ui.graph;

import java.awt.Rectangle;
import java.util.HashMap;
import java.util.Map;
import lab.videofarm.ui.scene.QueuedEvent;

/**
 * Where the last paint put each thing the links and the flying events start or end at. Painting
 * fills it; the next scene change reads it to launch a queued event from where it was drawn.
 */
final class Anchors {
  final Map<String, Rectangle> daemonSessions = new HashMap<>();
  final Map<String, Rectangle> tasks = new HashMap<>();
  final Map<String, Rectangle> queued = new HashMap<>();
  final Map<String, Rectangle> appSessions = new HashMap<>();
  final Map<Integer, Rectangle> delegates = new HashMap<>();

  static String task(String sessionId, long taskId) {
    return sessionId + "#" + taskId;
  }

  static String queued(String sessionId, QueuedEvent event) {
    return sessionId + "|" + event.queuedAt() + "|" + event.taskId() + "|" + event.name();
  }

  static String appSession(int launch, String daemonId) {
    return launch + ":" + daemonId;
  }
}
