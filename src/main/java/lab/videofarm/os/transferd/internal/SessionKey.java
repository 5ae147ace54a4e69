package lab.videofarm.os.transferd.internal;

/**
 * Names a session inside the daemon. Background sessions are named by (bundle, identifier) and
 * outlive processes; a default session gets a private key per connection ({@code privateId > 0}).
 */
record SessionKey(String bundleId, String identifier, long privateId) {
  static SessionKey background(String bundleId, String identifier) {
    return new SessionKey(bundleId, identifier, 0);
  }

  boolean isBackground() {
    return identifier != null;
  }

  /** The identifier shown on the timeline. */
  String label() {
    return identifier != null ? identifier : "default#" + privateId;
  }
}
