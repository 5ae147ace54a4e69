package lab.videofarm.app.archive;

import java.util.Objects;

/**
 * What the session archive holds: the identifier of the app's background session. Recreating a
 * session with the same identifier is how a relaunched app gets back its running tasks.
 */
public record SavedSession(String identifier) {
  public SavedSession {
    Objects.requireNonNull(identifier, "identifier");
    if (identifier.isEmpty()) {
      throw new IllegalArgumentException("a background session needs a non-empty identifier");
    }
  }
}
