package lab.videofarm.app;

import lab.videofarm.urlsession.URLSession;
import lab.videofarm.urlsession.URLSessionConfiguration;
import lab.videofarm.urlsession.URLSessionDelegate;

/** Lesson 1: the app's two sessions, and what each needs. */
final class Sessions {
  private Sessions() {}

  /**
   * Lesson 1: a background session with {@code identifier} (the same in every launch, rules 1 and
   * 25) whose events go to {@code delegate} (background sessions take no completion handlers, rule
   * 11).
   */
  static URLSession backgroundSession(String identifier, URLSessionDelegate delegate) {
    // BEGIN SOLUTION lesson 1 backgroundSession
    return URLSession.session(URLSessionConfiguration.background(identifier), delegate, null);
    // END SOLUTION
  }

  /** Lesson 1: a default session, for short requests while the app is in front. */
  static URLSession foregroundSession() {
    // BEGIN SOLUTION lesson 1 foregroundSession
    return URLSession.session(URLSessionConfiguration.defaultConfiguration());
    // END SOLUTION
  }
}
