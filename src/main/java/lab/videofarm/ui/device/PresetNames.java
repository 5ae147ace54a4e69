package lab.videofarm.ui.device;

import lab.videofarm.os.net.NetworkPreset;

/** How the network presets read in the window. */
final class PresetNames {
  private PresetNames() {}

  static String name(NetworkPreset preset) {
    return switch (preset) {
      case WIFI -> "Wi-Fi";
      case LTE -> "LTE";
      case THREE_G -> "3G";
      case EDGE -> "EDGE";
      case LOSS_100 -> "100% loss";
    };
  }

  static String tooltip(NetworkPreset preset) {
    String speed =
        preset.bytesPerSecond() == 0
            ? "nothing gets through"
            : String.format("%,d KB/s", preset.bytesPerSecond() / 1000);
    String line =
        name(preset)
            + ": "
            + speed
            + ", "
            + preset.latency().toMillis()
            + " ms before each request";
    if (preset == NetworkPreset.LOSS_100) {
      return line
          + ". The link looks up, so iOS does not wait for connectivity: transfers starve until"
          + " their request times out";
    }
    return line + ". iOS keeps background transfers going at this speed";
  }
}
