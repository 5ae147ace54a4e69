package lab.videofarm.urlsession.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * The background identifiers live sessions of one app process use: kept in process-local storage,
 * so it dies with the process (rule 1: one live session per identifier per app).
 */
public final class BackgroundIdentifiers {
  private final Set<String> inUse = new HashSet<>();

  /** Returns false if a live session of this process already uses the identifier. */
  public synchronized boolean claim(String identifier) {
    return inUse.add(identifier);
  }

  public synchronized void release(String identifier) {
    inUse.remove(identifier);
  }
}
