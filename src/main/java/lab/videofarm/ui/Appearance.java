package lab.videofarm.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import com.formdev.flatlaf.extras.FlatAnimatedLafChange;
import com.formdev.flatlaf.util.UIScale;

/**
 * Light or dark, and presentation mode: FlatLaf's zoom makes every font, gap and icon larger, for a
 * projector at the back of a room. Both are remembered. Swing thread only.
 */
public final class Appearance {
  /** How much larger presentation mode makes everything. */
  public static final float PRESENTATION_ZOOM = 1.5f;

  private final WindowPrefs prefs;

  public Appearance(WindowPrefs prefs) {
    this.prefs = prefs;
  }

  /** Installs the remembered look and feel; call before building any component. */
  public void install() {
    UIScale.setSupportedZoomFactors(new float[] {1f, 1.25f, PRESENTATION_ZOOM, 2f});
    if (prefs.presentation()) {
      UIScale.setZoomFactor(PRESENTATION_ZOOM);
    }
    if (prefs.dark()) {
      FlatDarkLaf.setup();
    } else {
      FlatLightLaf.setup();
    }
  }

  public boolean isDark() {
    return FlatLaf.isLafDark();
  }

  public void setDark(boolean dark) {
    if (dark == isDark()) {
      return;
    }
    prefs.setDark(dark);
    FlatAnimatedLafChange.showSnapshot();
    if (dark) {
      FlatDarkLaf.setup();
    } else {
      FlatLightLaf.setup();
    }
    FlatLaf.updateUI();
    FlatAnimatedLafChange.hideSnapshotWithAnimation();
  }

  public boolean isPresentation() {
    return UIScale.getZoomFactor() > 1f;
  }

  public void setPresentation(boolean presentation) {
    if (presentation == isPresentation()) {
      return;
    }
    prefs.setPresentation(presentation);
    UIScale.setZoomFactor(presentation ? PRESENTATION_ZOOM : 1f);
    FlatLaf.updateUI();
  }
}
