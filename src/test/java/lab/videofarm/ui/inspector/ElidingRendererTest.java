package lab.videofarm.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ElidingRendererTest {
  private static final FontMetrics METRICS =
      new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)
          .createGraphics()
          .getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 13));

  @Test
  void textThatFitsIsShownWhole() {
    String text = "default#1";

    assertThat(ElidingRenderer.elide(text, METRICS, METRICS.stringWidth(text), 0.4))
        .isEqualTo(text);
  }

  @Test
  void textThatDoesNotFitKeepsItsStartAndItsEndAroundAnEllipsis() {
    String text = "lab.videofarm.app.background";
    int room = METRICS.stringWidth(text) * 2 / 3;

    String shown = ElidingRenderer.elide(text, METRICS, room, 0.4);

    assertThat(METRICS.stringWidth(shown)).isLessThanOrEqualTo(room);
    assertThat(shown).startsWith("lab.").endsWith("ground").contains("…");
  }

  @Test
  void withNoShareForTheStartOnlyTheEndIsKept() {
    String text = "lab.videofarm.app.background";

    String shown = ElidingRenderer.elide(text, METRICS, METRICS.stringWidth("…background"), 0);

    assertThat(shown).isEqualTo("…background");
  }

  @Test
  void aRequestKeepsWhatItFetches() {
    String text = "GET /videos/qbjmev9rgk/movie";

    String shown = ElidingRenderer.elide(text, METRICS, METRICS.stringWidth(text) / 2, 0.4);

    assertThat(shown).startsWith("GET").endsWith("movie");
  }

  @Test
  void aColumnTooNarrowForAnyTextShowsOnlyTheEllipsis() {
    assertThat(ElidingRenderer.elide("lab.videofarm.app.background", METRICS, 1, 0.4))
        .isEqualTo("…");
  }
}
