package lab.videofarm.ui.device;

/** The controls' tooltips: what iOS does when the user or the system does this to a phone. */
final class WhatIOSDoes {
  static final String LAUNCH =
      "Tap the app's icon: iOS launches it in the foreground (didFinishLaunching), or brings it"
          + " back if it is still in memory";
  static final String HOME =
      "Press Home: the app enters the background and is suspended a few seconds later; its"
          + " background transfers go on in the transfer daemon";
  static final String TERMINATE =
      "Memory pressure: iOS ends the app; its background transfers go on, and iOS relaunches it in"
          + " the background when they have events for it";
  static final String FORCE_QUIT =
      "Swipe the app away in the app switcher: cancels this app's background transfers; no"
          + " relaunch";
  static final String BACKGROUND_FETCH =
      "Xcode's Simulate Background Fetch: iOS wakes or launches the app in the background and calls"
          + " performFetch; it has about 30 s to call the completion handler";
  static final String OFFLINE =
      "Airplane mode: open connections break; background transfers wait for connectivity and"
          + " carry on when the phone is back online";
  static final String DROP_CONNECTIONS =
      "Walk out of Wi-Fi range and back: every open connection breaks once; background transfers"
          + " retry on their own";
  static final String UNLIMITED = "Back online with no bandwidth limit and no latency";

  private WhatIOSDoes() {}
}
