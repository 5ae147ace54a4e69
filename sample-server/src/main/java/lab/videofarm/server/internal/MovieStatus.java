package lab.videofarm.server.internal;

import java.util.Locale;

/** What {@code movieStatus} says about a video's movie. */
enum MovieStatus {
  MISSING,
  UPLOADING,
  READY;

  String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
