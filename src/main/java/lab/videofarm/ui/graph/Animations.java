package lab.videofarm.ui.graph;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What is moving in the graph and since when: a launch fading out after a kill, a new launch
 * sliding in, a link being drawn, queued events flying to the delegate, a completion handler being
 * called. Times come from an injected millisecond clock; step mode stretches every animation for
 * teaching.
 */
final class Animations {
  static final long FADE_MS = 900;
  static final long APPEAR_MS = 700;
  static final long LINK_MS = 800;
  static final long FLIGHT_MS = 750;
  static final long PULSE_MS = 1200;
  private static final int SLOW_FACTOR = 4;

  /** A queued event on its way from the daemon's queue to the app's delegate. */
  record Flight(String label, Rectangle from, int launch, long start) {}

  private final LongSupplier clock;
  private boolean slow;
  final Map<Integer, Long> fades = new HashMap<>();
  final Map<Integer, Long> appears = new HashMap<>();
  final Map<String, Long> links = new HashMap<>();
  final Map<String, Long> pulses = new HashMap<>();
  final List<Flight> flights = new ArrayList<>();

  Animations(LongSupplier clock) {
    this.clock = clock;
  }

  void setSlow(boolean slow) {
    this.slow = slow;
  }

  long now() {
    return clock.getAsLong();
  }

  /** How far an animation started at {@code start} is, 0..1; 1 when there is none. */
  double progress(Long start, long baseMillis) {
    if (start == null) {
      return 1;
    }
    long duration = slow ? baseMillis * SLOW_FACTOR : baseMillis;
    return Math.max(0, Math.min(1, (now() - start) / (double) duration));
  }

  /**
   * A flight's progress. Flights leave one after another, so several events delivered in one batch
   * are seen one by one.
   */
  double flightProgress(int index) {
    Flight flight = flights.get(index);
    long duration = slow ? FLIGHT_MS * SLOW_FACTOR : FLIGHT_MS;
    long start = flight.start() + index * duration / 2;
    return Math.max(0, Math.min(1, (now() - start) / (double) duration));
  }

  /** Whether anything still moves; forgets what has finished. */
  boolean active() {
    fades.values().removeIf(start -> progress(start, FADE_MS) >= 1);
    appears.values().removeIf(start -> progress(start, APPEAR_MS) >= 1);
    links.values().removeIf(start -> progress(start, LINK_MS) >= 1);
    pulses.values().removeIf(start -> progress(start, PULSE_MS) >= 1);
    boolean flying = false;
    for (int i = 0; i < flights.size(); i++) {
      flying |= flightProgress(i) < 1;
    }
    if (!flying) {
      flights.clear();
    }
    return flying
        || !fades.isEmpty()
        || !appears.isEmpty()
        || !links.isEmpty()
        || !pulses.isEmpty();
  }

  /** Jumps every animation to its end. */
  void finish() {
    fades.clear();
    appears.clear();
    links.clear();
    pulses.clear();
    flights.clear();
  }
}
