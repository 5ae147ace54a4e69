package lab.videofarm.app.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the server has a video's movie file yet, as its {@code movieStatus} field says. */
public enum MovieStatus {
  /**
   * Only the metadata and thumbnail were posted; no movie yet. Also what a status this app does not
   * know reads as, so a newer server cannot break the list.
   */
  @JsonProperty("missing")
  @JsonEnumDefaultValue
  MISSING,
  /** A PUT of the movie is under way. */
  @JsonProperty("uploading")
  UPLOADING,
  /** The movie can be downloaded. */
  @JsonProperty("ready")
  READY
}
