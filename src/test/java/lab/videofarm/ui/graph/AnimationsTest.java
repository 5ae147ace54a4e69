package lab.videofarm.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The graph's animations run on the injected clock; step mode stretches them for teaching. */
class AnimationsTest {
  private final AtomicLong millis = new AtomicLong(10_000);
  private final Animations animations = new Animations(millis::get);

  @Test
  void aFadeIsHalfwayAfterHalfItsDuration() {
    animations.fades.put(1, millis.get());
    millis.addAndGet(Animations.FADE_MS / 2);

    assertThat(animations.progress(animations.fades.get(1), Animations.FADE_MS)).isEqualTo(0.5);
  }

  @Test
  void stepModeMakesTheSameFadeFourTimesSlower() {
    animations.setSlow(true);
    animations.fades.put(1, millis.get());
    millis.addAndGet(Animations.FADE_MS / 2);

    assertThat(animations.progress(animations.fades.get(1), Animations.FADE_MS)).isEqualTo(0.125);
  }

  @Test
  void eventsDeliveredTogetherFlyOneAfterAnother() {
    Rectangle from = new Rectangle(0, 0, 10, 10);
    animations.flights.add(new Animations.Flight("DidFinishDownloading #1", from, 2, millis.get()));
    animations.flights.add(new Animations.Flight("DidComplete #1", from, 2, millis.get()));
    millis.addAndGet(Animations.FLIGHT_MS / 2);

    assertThat(animations.flightProgress(0)).isEqualTo(0.5);
    assertThat(animations.flightProgress(1)).isZero();
  }

  @Test
  void nothingMovesOnceEveryAnimationHasEnded() {
    animations.links.put("2:session", millis.get());
    assertThat(animations.active()).isTrue();

    millis.addAndGet(Animations.LINK_MS);

    assertThat(animations.active()).isFalse();
  }

  @Test
  void finishingJumpsToTheEnd() {
    animations.appears.put(2, millis.get());

    animations.finish();

    assertThat(animations.progress(animations.appears.get(2), Animations.APPEAR_MS)).isEqualTo(1);
    assertThat(animations.active()).isFalse();
  }
}
